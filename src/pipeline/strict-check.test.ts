import { describe, expect, it } from 'vitest';
import { BUNDLED_DOC } from '../spec/bundled-doc.js';
import { operationById } from '../spec/operations.js';
import { createValidators } from '../spec/validators.js';
import { strictCheck } from './strict-check.js';

const validators = createValidators(BUNDLED_DOC);
const health = operationById(BUNDLED_DOC, 'getHealthCheck');
const where = { operation: 'getHealthCheck', method: 'GET', path: '/api/health-check' };

describe('strictCheck', () => {
  it('lets a conforming body through untouched and logs nothing', () => {
    const log: string[] = [];
    const reply = { status: 200, body: { data: true } };
    expect(strictCheck(health, reply, validators, where, (r) => log.push(r))).toBe(reply);
    expect(log).toEqual([]);
  });

  it('turns a body that breaks the spec into a 500 naming it, logged once', () => {
    const log: string[] = [];
    const out = strictCheck(health, { status: 200, body: { data: 'yes' } }, validators, where, (r) => log.push(r));
    expect(out.status).toBe(500);
    expect(out.body).toMatch(/^wapikit-mock sent a response that breaks the spec \(getHealthCheck 200\)/);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('GET /api/health-check');
  });
});

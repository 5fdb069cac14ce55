import { describe, expect, it } from 'vitest';
import { BUNDLED_DOC } from '../spec/bundled-doc.js';
import { listOperations } from '../spec/operations.js';
import { createRouteMatcher, routeMatcher } from './match-route.js';

const match = createRouteMatcher(listOperations(BUNDLED_DOC));

describe('createRouteMatcher', () => {
  it('prefers a literal segment over a parameter at the same depth', () => {
    const hit = match('GET', '/organization/tags');
    expect(hit.kind === 'operation' && hit.op.path).toBe('/organization/tags');
  });

  it('decodes path parameters and allows a trailing slash', () => {
    const hit = match('GET', '/conversation/a%20b/');
    expect(hit).toMatchObject({ kind: 'operation', params: { id: 'a b' } });
  });

  it('sends HEAD where GET goes, and is case-sensitive', () => {
    expect(match('HEAD', '/conversations').kind).toBe('operation');
    expect(match('GET', '/Conversations').kind).toBe('not-found');
  });

  it('tells a path that exists with other methods (405) from no path (404)', () => {
    expect(match('DELETE', '/conversations')).toEqual({ kind: 'wrong-method', allowed: ['GET', 'POST'] });
    expect(match('GET', '/no/such/path')).toEqual({ kind: 'not-found' });
  });

  it('reports a malformed percent-escape as the operation with no params', () => {
    const hit = match('GET', '/conversation/%ff');
    expect(hit.kind).toBe('operation');
    expect(hit.kind === 'operation' && hit.params).toBeUndefined();
  });

  it('routeMatcher gives the operation (any method case) or undefined', () => {
    const find = routeMatcher(listOperations(BUNDLED_DOC));
    expect(find('get', '/conversations')?.operationId).toBe('getConversations');
    expect(find('PATCH', '/conversations')).toBeUndefined();
  });
});

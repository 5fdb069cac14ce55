/**
 * Reading never changes anything: every operation the spec does not mark as a write (no non-GET method and no
 * `x-wapikit-writes`) is called with a valid request, built by the contract kit as a read-only run would, and the
 * mock's state must be byte-identical before and after each call. New read operations are covered as soon as
 * they are in the spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, type BuildOverrides } from '../../src/contract/build-request.js';
import { Redactor } from '../../src/contract/redact.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../src/contract/run-contract.js';
import { Session } from '../../src/contract/session.js';
import { PROFILE_CAPABILITIES } from '../../src/contract/types.js';
import { createValidators, listOperations, loadSpec } from '../../src/spec/index.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import { dumpState } from './state-dump.js';

const doc = loadSpec();
const reads = listOperations(doc).filter((op) => !op.writes);
let mock: TestMock;

/**
 * The state as a dump, without the clock's last reading: a read may look at the clock (a default date range),
 * which is not a change of state; the dump already leaves the clock itself out.
 */
function state(): string {
  const { lastReading: _clock, ...rest } = JSON.parse(dumpState(mock.app.mock.store)) as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** The top-level parts of the store two dumps disagree on. */
function changedParts(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Values the kit cannot discover through the API, taken from the store (the slug of a pending invite). */
function overridesFor(operationId: string): BuildOverrides {
  if (operationId !== 'getOrganizationInviteBySlug') return {};
  const invite = [...mock.app.mock.store.invites.values()].find((i) => i.status === 'Pending');
  return invite ? { path: { slug: invite.slug } } : {};
}
let session: Session;

beforeAll(async () => {
  mock = await startMock();
  const basePath = mock.app.mock.options.basePath.replace(/\/+$/, '');
  session = new Session({
    doc,
    validators: createValidators(doc),
    http: { baseUrl: `${mock.url}${basePath}`, timeoutMs: 10_000, token: mock.token, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES },
    profile: 'wapikit',
    capabilities: PROFILE_CAPABILITIES.wapikit,
    redactor: new Redactor(),
    selected: new Set(reads.map((op) => op.operationId)),
  });
});
afterAll(() => mock?.close());

describe('read operations leave the state untouched', () => {
  it('the spec has read operations to check', () => {
    expect(reads.length).toBeGreaterThan(20);
    expect(reads.map((op) => op.operationId)).toContain('getApiKeys');
  });

  it.each(reads.map((op) => [op.operationId, op] as const))('%s changes nothing', async (_id, op) => {
    const b = await buildRequest(session, op, overridesFor(op.operationId));
    expect(b.ok, b.ok ? '' : b.reason).toBe(true);
    if (!b.ok) return;
    const before = state();
    const answer = await session.send(b.built.request);
    expect(answer.status, `${answer.describe} → ${answer.status}: ${answer.text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(300);
    const after = state();
    expect(after === before, `${answer.describe} changed the state: ${changedParts(before, after).join(', ')}`).toBe(true);
  });

  it('GET /auth/api-keys: a seeded key reads the same every time and works; a member without a key gets the zero object', async () => {
    const first = await mock.call<{ apiKey: { uniqueId: string; key: string } }>('GET', '/auth/api-keys');
    const second = await mock.call<{ apiKey: { uniqueId: string; key: string } }>('GET', '/auth/api-keys');
    expect(first.status).toBe(200);
    expect(first.body.apiKey.key).toMatch(/^eyJ/);
    expect(second.body).toEqual(first.body);
    // A key read is a key that works.
    const withKey = await mock.call('GET', '/user', { token: first.body.apiKey.key });
    expect(withKey.status).toBe(200);

    const { store, tokens, world } = mock.app.mock;
    // An Owner without a stored key (one promoted after the organization was created): Members get 401 here.
    const member = [...store.members.values()].find((m) => m.organizationId === world.mainOrganizationId && !store.apiKeys.has(m.uniqueId))!;
    member.accessLevel = 'Owner';
    const before = state();
    const none = await mock.call('GET', '/auth/api-keys', { token: await tokens.sign(member.userId, world.mainOrganizationId) });
    expect(none.body).toEqual({ apiKey: { uniqueId: '00000000-0000-0000-0000-000000000000', key: '', createdAt: '0001-01-01T00:00:00Z' } });
    expect(state()).toBe(before);
  });
});

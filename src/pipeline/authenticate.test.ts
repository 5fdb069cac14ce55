import { describe, expect, it } from 'vitest';
import type { Caller } from '../handlers/types.js';
import { BUNDLED_DOC } from '../spec/bundled-doc.js';
import { listOperations } from '../spec/operations.js';
import { authenticate, type TokenResolver } from './authenticate.js';
import { FORBIDDEN_PERMISSION, UNAUTHORIZED } from './errors.js';
import { plainRequest } from './test-support.js';

const ops = listOperations(BUNDLED_DOC);
const guarded = ops.find((op) => op.auth === 'header' && op.permissions.length > 0)!;
const events = ops.find((op) => op.auth === 'query')!;
const open = ops.find((op) => op.auth === 'none')!;

const member = (accessLevel: Caller['accessLevel'], permissions: string[]): Caller => ({
  userId: 'u', organizationId: 'o', memberId: 'm', accessLevel, permissions: new Set(permissions),
});
const resolver = (callers: Record<string, Caller>): TokenResolver => ({ resolve: (t) => Promise.resolve(callers[t]) });
const failure = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err as { status: number; body: unknown });

describe('authenticate', () => {
  it('lets public operations through without a token', async () => {
    expect(await authenticate(open, plainRequest('GET', '/'), resolver({}))).toEqual({ caller: undefined, token: undefined });
  });

  it('refuses a missing or unknown token with the real server\'s 401', async () => {
    expect(await failure(authenticate(guarded, plainRequest('GET', '/'), resolver({})))).toMatchObject({ status: 401, body: UNAUTHORIZED });
    expect(await failure(authenticate(guarded, plainRequest('GET', '/', { headers: { 'x-access-token': 'nope' } }), resolver({})))).toMatchObject({ status: 401, body: UNAUTHORIZED });
  });

  it('lets an Owner through without roles, and a Member only with every permission', async () => {
    const req = (t: string) => plainRequest('GET', '/', { headers: { 'X-Access-Token': t } });
    const tokens = resolver({ owner: member('Owner', []), lacking: member('Member', []), holding: member('Member', guarded.permissions) });
    expect((await authenticate(guarded, req('owner'), tokens)).caller?.accessLevel).toBe('Owner');
    expect((await authenticate(guarded, req('holding'), tokens)).token).toBe('holding');
    expect(await failure(authenticate(guarded, req('lacking'), tokens))).toMatchObject({ status: 401, body: FORBIDDEN_PERMISSION });
  });

  it('reads an event stream\'s token from the query, not the header', async () => {
    const tokens = resolver({ t: member('Owner', []) });
    expect((await authenticate(events, plainRequest('GET', '/events', { query: { token: 't' } }), tokens)).token).toBe('t');
    expect(await failure(authenticate(events, plainRequest('GET', '/events', { headers: { 'x-access-token': 't' } }), tokens))).toMatchObject({ status: 401 });
  });
});

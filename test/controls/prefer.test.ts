import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type Conv = Schemas['ConversationSchema'];

let mock: TestMock;
let conv: Conv;
beforeAll(async () => {
  mock = await startMock();
  conv = (await mock.call<{ conversations: Conv[] }>('GET', '/conversations?page=1&per_page=5')).body.conversations[0]!;
});
afterAll(() => mock.close());

const prefer = (value: string) => ({ headers: { prefer: value } });

describe('Prefer: code=', () => {
  it.each([
    { name: 'a documented 404, its first example', path: () => `/conversation/${conv.uniqueId}`, header: 'code=404', status: 404, body: 'conversation not found' },
    { name: 'a documented 404, a named example', path: () => `/conversation/${conv.uniqueId}`, header: 'code=404, example=contact', status: 404, body: 'Contact not found' },
    { name: 'a documented 500', path: () => '/conversations?page=1&per_page=5', header: 'code=500', status: 500, body: 'Something went wrong while processing your request.' },
    { name: 'a documented 400, even for a valid request', path: () => '/conversations?page=1&per_page=5', header: 'code=400', status: 400, body: "query parameter 'per_page' must be at most 50 (got 500)" },
    { name: 'the success status: the real answer', path: () => '/health-check', header: 'code=200', status: 200, body: { data: true } },
  ])('answers $name', async ({ path, header, status, body }) => {
    const r = await mock.call('GET', path(), prefer(header));
    expect(r.status).toBe(status);
    expect(r.body).toEqual(body);
  });

  it('sends the documented rate-limit headers with a 429, matching the example body', async () => {
    const r = await mock.call<{ error: string; reset: number }>('GET', '/conversations?page=1&per_page=5', prefer('code=429'));
    expect(r.status).toBe(429);
    expect(r.body.error).toBe('Rate limit exceeded');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(r.headers.get('x-ratelimit-reset')).toBe(String(r.body.reset));
    expect(Number(r.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
  });

  it.each([
    { name: 'an undocumented status', header: 'code=418', message: 'Prefer: code=418 is not documented for getConversations (documented: 200, 400, 401, 429, 500)' },
    { name: 'a status that is not a number', header: 'code=abc', message: "Prefer: code must be an HTTP status such as 404 (got 'abc')" },
    { name: 'a four-digit status', header: 'code=4040', message: "Prefer: code must be an HTTP status such as 404 (got '4040')" },
    { name: 'an unknown example name', header: 'code=404, example=nope', message: 'Prefer: example=nope is not an example of getConversationById 404 (examples: conversation, contact)' },
  ])('rejects $name with a 400 that says why', async ({ header, message }) => {
    const path = header.includes('example') ? `/conversation/${conv.uniqueId}` : '/conversations?page=1&per_page=5';
    const r = await mock.call('GET', path, prefer(header));
    expect(r.status).toBe(400);
    expect(r.body).toBe(message);
  });

  it('still checks the token first: no token is a 401 whatever the Prefer header asks', async () => {
    const r = await mock.call('GET', `/conversation/${conv.uniqueId}`, { token: null, ...prefer('code=404') });
    expect(r).toMatchObject({ status: 401, body: 'Unauthorized access' });
  });

  it('runs no handler: a write answered with an example changes nothing', async () => {
    const before = await mock.call<{ conversation: { status: string } }>('GET', `/conversation/${conv.uniqueId}`);
    const r = await mock.call('POST', `/conversation/${conv.uniqueId}`, { body: { status: 'Closed' }, ...prefer('code=500') });
    expect(r.status).toBe(500);
    const after = await mock.call<{ conversation: { status: string } }>('GET', `/conversation/${conv.uniqueId}`);
    expect(after.body).toEqual(before.body);
    expect(after.body.conversation.status).toBe('Active');
  });
});

describe('Prefer: example=', () => {
  it('answers the named example of the success response instead of the real record', async () => {
    const r = await mock.call<{ conversation: { uniqueId: string } }>('GET', `/conversation/${conv.uniqueId}`, prefer('example=docsPage'));
    expect(r.status).toBe(200);
    expect(r.body.conversation.uniqueId).not.toBe(conv.uniqueId);
    const spec = r.op!.responses.get(200)!.content!['application/json']!.examples!.docsPage!.value;
    expect(r.body).toEqual(spec);
  });

  it.each([
    { name: 'an example the operation does not have', path: () => `/conversation/${conv.uniqueId}`, header: 'example=other', message: 'Prefer: example=other is not an example of getConversationById 200 (examples: docsPage)' },
    { name: 'an example of an operation without examples', path: () => '/conversations?page=1&per_page=5', header: 'example=any', message: 'Prefer: example=any is not an example of getConversations 200 (examples: none)' },
    { name: 'an empty example name', path: () => '/conversations?page=1&per_page=5', header: 'example=', message: 'Prefer: example must name an example of the response (got nothing)' },
  ])('rejects $name with a 400', async ({ path, header, message }) => {
    const r = await mock.call('GET', path(), prefer(header));
    expect(r).toMatchObject({ status: 400, body: message });
  });

  it('validates the request first: an invalid request is a 400, not an example', async () => {
    const r = await mock.call('GET', '/conversation/not-a-uuid', prefer('example=docsPage'));
    expect(r.status).toBe(400);
  });
});

describe('Prefer: delay= and unknown preferences', () => {
  it('answers that many milliseconds late', async () => {
    const started = performance.now();
    const r = await mock.call('GET', '/health-check', prefer('delay=300'));
    expect(r.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it.each([
    { name: 'a negative delay', header: 'delay=-5' },
    { name: 'a delay above a minute', header: 'delay=60001' },
    { name: 'a delay in seconds', header: 'delay=2s' },
  ])('rejects $name with a 400', async ({ header }) => {
    const r = await mock.call('GET', '/conversations?page=1&per_page=5', prefer(header));
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/^Prefer: delay must be a whole number of milliseconds from 0 to 60000/);
  });

  it('ignores preferences it does not know (RFC 7240)', async () => {
    const r = await mock.call('GET', '/health-check', prefer('return=minimal, respond-async'));
    expect(r).toMatchObject({ status: 200, body: { data: true } });
  });

  it('lets a browser send Prefer: the preflight allows it', async () => {
    const res = await fetch(`${mock.url}/api/health-check`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET', 'access-control-request-headers': 'prefer' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/\bPrefer\b/);
  });
});

/**
 * `/__mock` against web pages: the controls hand out the whole state (passwords, API-key JWTs, the WhatsApp and
 * AI keys) and can replace or wipe it, so no page open in the developer's browser may reach them. They grant no
 * CORS, refuse a foreign `Origin`, and refuse a `Host` that is not a loopback name (DNS rebinding). `/api` keeps
 * the real server's CORS.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, useMock, type TestMock } from '../support/mock-client.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A raw request (fetch cannot set `Host`). */
function send(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const json = (res.headers['content-type'] ?? '').includes('json') && text ? (JSON.parse(text) as unknown) : text;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const corsHeaders = (a: Answer) => Object.keys(a.headers).filter((h) => h.startsWith('access-control-'));

const mock = useMock();
const EVIL = 'https://evil.example';
const tagCount = async () => (await mock.call<{ tags: unknown[] }>('GET', '/organization/tags?page=1&per_page=50')).body.tags.length;

describe('/__mock refuses web pages of other origins', () => {
  it.each([
    { what: 'GET /__mock/state', method: 'GET', path: '/__mock/state' },
    { what: 'POST /__mock/reset', method: 'POST', path: '/__mock/reset' },
    { what: 'PUT /__mock/state', method: 'PUT', path: '/__mock/state' },
    { what: 'an unknown control', method: 'GET', path: '/__mock/other' },
  ])('$what with a foreign Origin: 403, a JSON string naming the origin, no CORS headers', async ({ method, path }) => {
    const a = await send(mock.url, method, path, { Origin: EVIL, 'Content-Type': 'application/json' }, method === 'PUT' ? '{}' : undefined);
    expect(a.status).toBe(403);
    expect(a.body).toBe(`/__mock refuses requests from web pages: Origin '${EVIL}' is not this server's origin. Call the controls from curl or a test runner, not from a browser.`);
    expect(corsHeaders(a)).toEqual([]);
  });

  it('a refused reset or import changes nothing', async () => {
    expect((await mock.call('POST', '/organization/tags', { body: { label: 'Kept' } })).status).toBe(200);
    const before = await tagCount();
    expect((await send(mock.url, 'POST', '/__mock/reset', { Origin: EVIL })).status).toBe(403);
    const state = await (await fetch(`${mock.url}/__mock/state`)).text();
    const reset = JSON.parse(state) as { collections: { tags: unknown[] } };
    reset.collections.tags = [];
    expect((await send(mock.url, 'PUT', '/__mock/state', { Origin: EVIL, 'Content-Type': 'application/json' }, JSON.stringify(reset))).status).toBe(403);
    expect(await tagCount()).toBe(before);
    expect(await (await fetch(`${mock.url}/__mock/state`)).text()).toBe(state);
  });

  it.each(['null', 'http://localhost:3000', 'http://127.0.0.1:1'])('refuses Origin %s too (an opaque origin, another port)', async (origin) => {
    const a = await send(mock.url, 'GET', '/__mock/state', { Origin: origin });
    expect(a.status).toBe(403);
    expect(corsHeaders(a)).toEqual([]);
  });

  it('answers a preflight with 403 and no Access-Control-Allow-* headers', async () => {
    const a = await send(mock.url, 'OPTIONS', '/__mock/state', { Origin: EVIL, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' });
    expect(a.status).toBe(403);
    expect(corsHeaders(a)).toEqual([]);
  });

  it('grants no CORS even without an Origin, and serves a page of its own origin', async () => {
    const plain = await send(mock.url, 'GET', '/__mock/state', {});
    expect(plain.status).toBe(200);
    expect(corsHeaders(plain)).toEqual([]);
    const own = await send(mock.url, 'GET', '/__mock/state', { Origin: mock.url });
    expect(own.status).toBe(200);
    expect(corsHeaders(own)).toEqual([]);
  });
});

describe('/__mock refuses a Host that is not a loopback name (DNS rebinding)', () => {
  it.each(['evil.example', `evil.example:${'4010'}`, '192.168.1.20', 'localhost.evil.example', '127.0.0.1.evil.example'])('Host %s: 403 and a JSON string naming it', async (host) => {
    const a = await send(mock.url, 'GET', '/__mock/state', { Host: host });
    expect(a.status).toBe(403);
    expect(a.body).toBe(`/__mock refuses Host '${host}': the controls answer only on loopback names (localhost, 127.0.0.1, [::1]) unless --host opens the server to the network.`);
  });

  it('a page that rebound its own name to 127.0.0.1 (same Host and Origin) cannot reset', async () => {
    expect((await mock.call('POST', '/organization/tags', { body: { label: 'Kept' } })).status).toBe(200);
    const before = await tagCount();
    const a = await send(mock.url, 'POST', '/__mock/reset', { Host: 'rebind.evil.example:4010', Origin: 'http://rebind.evil.example:4010' });
    expect(a.status).toBe(403);
    expect(await tagCount()).toBe(before);
  });

  it.each(['localhost', 'localhost:4010', 'app.localhost:4010', '127.0.0.1', '127.3.2.1:80', '[::1]:4010', 'LOCALHOST'])('accepts Host %s', async (host) => {
    expect((await send(mock.url, 'GET', '/__mock/state', { Host: host })).status).toBe(200);
  });

  it('leaves /api alone: any Host, and the real server\'s CORS echo (preflight included)', async () => {
    const get = await send(mock.url, 'GET', '/api/organization/tags?page=1&per_page=5', { Host: 'evil.example', Origin: EVIL, 'x-access-token': mock.token });
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBe(EVIL);
    expect(get.headers['access-control-allow-credentials']).toBe('true');
    const preflight = await send(mock.url, 'OPTIONS', '/api/organization/tags', { Origin: EVIL, 'Access-Control-Request-Method': 'POST' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(EVIL);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });
});

describe("controlHosts: ['*'] (what a non-loopback --host sets)", () => {
  let open: TestMock;
  beforeAll(async () => {
    open = await startMock({ controlHosts: ['*'] });
  });
  afterAll(() => open.close());

  it('accepts any Host, and still refuses a foreign Origin', async () => {
    expect((await send(open.url, 'GET', '/__mock/state', { Host: '192.168.1.20:4010' })).status).toBe(200);
    expect((await send(open.url, 'GET', '/__mock/state', { Host: '192.168.1.20:4010', Origin: EVIL })).status).toBe(403);
  });
});

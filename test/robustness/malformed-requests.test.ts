/**
 * The malformed requests of issue #10 against real records (the spec-generated suite in bad-input.test.ts
 * uses unknown ids, so a handler never sees these): each is a 4xx with a JSON string naming the problem,
 * nothing is written, nothing is logged as a bug, and the connection stays usable.
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/domain/json-depth.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import { dumpState } from './state-dump.js';

let mock: TestMock;
let conversationId: string;
const bugs: string[] = [];

beforeAll(async () => {
  mock = await startMock({ errorLog: (report) => bugs.push(report) });
  const list = await mock.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1');
  conversationId = list.body.conversations[0]!.uniqueId;
});
afterAll(() => mock?.close());

const nested = (depth: number, leaf = '1') => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
const deepList = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Sends a raw request and expects a 400 whose JSON string contains `mentions`; the state must not change. */
async function expect400(method: string, path: string, init: { headers?: Record<string, string>; body?: string }, mentions: string) {
  const before = dumpState(mock.app.mock.store);
  const r = await mock.call(method, path, { headers: init.headers, rawBody: init.body });
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  expect(r.status, r.text).toBe(400);
  expect(typeof r.body).toBe('string');
  expect(r.body).toContain(mentions);
  expect(dumpState(mock.app.mock.store) === before, 'state changed').toBe(true);
  expect(bugs, 'an unexpected error was logged').toEqual([]);
}

describe('JSON nested far too deep', () => {
  const json = { 'content-type': 'application/json' };
  it('is a 400 naming the limit on the issue\'s three operations, in a free-form field too', async () => {
    await expect400('POST', '/organization/tags', { headers: json, body: `{"label":${deepList(5_000)}}` }, `${MAX_JSON_DEPTH} levels`);
    await expect400('POST', '/contacts', { headers: json, body: deepList(5_000) }, `${MAX_JSON_DEPTH} levels`);
    await expect400('POST', '/contacts', { headers: json, body: `[{"name":"A","phone":"919876543210","attributes":${nested(5_000)}}]` }, `${MAX_JSON_DEPTH} levels`);
    await expect400('POST', `/conversation/${conversationId}`, { headers: json, body: `{"status":${nested(5_000)}}` }, `${MAX_JSON_DEPTH} levels`);
    // Up to the limit a body is read as usual: free-form attributes 60 levels deep are stored.
    const body = `[{"name":"Deep","phone":"919876500001","listsIds":[],"status":"Active","attributes":${nested(60, '"leaf"')}}]`;
    const r = await mock.call('POST', '/contacts', { headers: json, rawBody: body });
    expect(r.status, r.text).toBe(200);
    const stored = [...mock.app.mock.store.contacts.values()].find((c) => c.name === 'Deep');
    expect(JSON.stringify(stored?.attributes)).toBe(nested(60, '"leaf"'));
    mock.app.mock.reset();
  });
});

describe('uploads of the wrong shape', () => {
  const B = 'xyzboundary';
  const form = (parts: string) => ({ headers: { 'content-type': `multipart/form-data; boundary=${B}` }, body: `${parts}--${B}--\r\n` });
  const part = (disposition: string, content: string, type?: string) =>
    `--${B}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${content}\r\n`;

  it('an empty filename or `file` as a text field is a 400 naming the field, for a real conversation too', async () => {
    for (const path of [`/conversation/${conversationId}/upload`, '/contacts/bulk-import']) {
      await expect400('POST', path, form(part('name="file"; filename=""', 'name,phone\r\nA,919876500002', 'text/csv')), "form field 'file'");
      await expect400('POST', path, form(part('name="file"', 'name,phone\r\nA,919876500002')), "form field 'file'");
      await expect400('POST', path, form(part('name="file"; filename=""', '', 'application/octet-stream')), "form field 'file'");
    }
  });

  it('a 200 KB filename is a 400, and the next request on the same keep-alive connection is answered at once', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; text: string; ms: number; reused: boolean }>((resolve, reject) => {
        const started = performance.now();
        const req = request(`${mock.url}/api${path}`, { method: body === undefined ? 'GET' : 'POST', agent, headers: { 'x-access-token': mock.token, ...headers } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started, reused: req.reusedSocket }));
        });
        req.setTimeout(5_000, () => req.destroy(new Error('no answer within 5 s')));
        req.on('error', reject);
        req.end(body);
      });
    try {
      const huge = form(part(`name="file"; filename="${'f'.repeat(200_000)}"`, 'name,phone', 'text/csv'));
      const bad = await send('/contacts/bulk-import', huge.headers, huge.body);
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text)).toContain('headers');
      const next = await send('/organization/tags?page=1&per_page=5', {});
      expect(next.status).toBe(200);
      expect(next.reused).toBe(true);
      expect(next.ms).toBeLessThan(1_000);
    } finally {
      agent.destroy();
    }
  });
});

describe('malformed percent-escapes', () => {
  it('in a path parameter: a 400 JSON string naming the path, no HTML, no stack, no file paths (in the query: checked as values)', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const r = await fetch(`${mock.url}/api/conversation/%ff`, { method, headers: { 'x-access-token': mock.token } });
      const text = await r.text();
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toBe("path is not valid: malformed percent-escape in '/conversation/%ff'");
      expect(text).not.toMatch(/URIError|node_modules|\bat /);
    }
    // In the query string an escape is decoded leniently, then checked like any value.
    const query = await mock.call('GET', '/conversations?page=%ff&per_page=5');
    expect(query.status).toBe(400);
    expect(query.body).toContain("query parameter 'page'");
    const ok = await mock.call('GET', '/conversations?page=1&per_page=5&%ff=%zz&a%=b');
    expect(ok.status).toBe(200);
  });

  it('where the path exists only with other methods: the router\'s 405; under no route: 404 objects', async () => {
    const put = await fetch(`${mock.url}/api/conversation/%ff`, { method: 'PUT', headers: { 'x-access-token': mock.token } });
    expect(put.status).toBe(405);
    expect(await put.json()).toEqual({ message: 'Method Not Allowed' });
    for (const path of ['/api/no/such/%ff', '/docs/%ff', '/%ff']) {
      const r = await fetch(`${mock.url}${path}`);
      expect(r.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(r.status, path).toBeLessThan(500);
    }
  });

});

describe('names on Object.prototype', () => {
  it('Prefer: example=constructor (and friends) is a 400 naming the example, never a body of `undefined`', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const prefer of [`example=${name}`, `code=400, example=${name}`]) {
        const r = await fetch(`${mock.url}/api/organization/tags?page=1&per_page=5`, { headers: { 'x-access-token': mock.token, prefer } });
        const text = await r.text();
        expect(r.status, prefer).toBe(400);
        expect(JSON.parse(text)).toContain(`Prefer: example=${name} is not an example`);
      }
    }
    // As form field names they are fields like any other, and no prototype is touched.
    const B = 'protoboundary';
    const body = ['__proto__', 'constructor', 'toString'].map((n) => `--${B}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n{"polluted":true}\r\n`).join('')
      + `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nname,phone\r\n--${B}--\r\n`;
    const r = await mock.call('POST', `/conversation/${conversationId}/upload`, { headers: { 'content-type': `multipart/form-data; boundary=${B}` }, rawBody: body });
    expect(r.status, r.text).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    mock.app.mock.reset();
  });
});

describe('a snapshot nested far too deep (PUT /__mock/state)', () => {
  it('is a 400 naming the limit, and the state stays as it was', async () => {
    const before = dumpState(mock.app.mock.store);
    const snapshot = await (await fetch(`${mock.url}/__mock/state`)).text();
    // A real snapshot with one free-form value nested 5,000 levels deep.
    const deep = snapshot.replace(/"attributes":\{/, `"attributes":{"deep":${nested(5_000)},`);
    expect(deep).not.toBe(snapshot);
    const r = await fetch(`${mock.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: deep });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(await r.text())).toMatch(/snapshot is nested deeper than the \d+ levels/);
    expect(dumpState(mock.app.mock.store) === before, 'state changed').toBe(true);
    expect(bugs, 'an unexpected error was logged').toEqual([]);
    // The snapshot as it was still loads.
    const ok = await fetch(`${mock.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: snapshot });
    expect(ok.status).toBe(200);
  });
});

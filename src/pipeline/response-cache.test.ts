import { afterEach, describe, expect, it } from 'vitest';
import { createMockRuntime, type MockRuntime } from '../mock-runtime.js';
import { BUNDLED_DOC } from '../spec/bundled-doc.js';
import { ResponseCache, type Revisioned } from './response-cache.js';
import { plainRequest } from './test-support.js';

const json = (status: number, body: string) => ({ status, headers: { 'Content-Type': 'application/json' }, body });

describe('ResponseCache', () => {
  it('answers only at the revision and on the store an answer was computed from, with the body as bytes', () => {
    const store = { revision: 3, clockReadings: 0 };
    const cache = new ResponseCache(1024);
    const kept = cache.put(store, 3, 'k', json(200, '{"a":1}\n'));
    expect(new TextDecoder().decode((kept as { body: Uint8Array }).body)).toBe('{"a":1}\n');
    expect(cache.get(store, 'k')).toBe(kept);
    expect(cache.get({ revision: 3, clockReadings: 0 }, 'k')).toBeUndefined();
    store.revision = 4;
    expect(cache.get(store, 'k')).toBeUndefined();
  });

  it('does not keep an answer whose computation overlapped a change', () => {
    const store: Revisioned = { revision: 5, clockReadings: 0 };
    const cache = new ResponseCache(1024);
    cache.put(store, 4, 'k', json(200, '{}\n'));
    expect(cache.get(store, 'k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most maxBytes of bodies, and nothing when maxBytes is 0', () => {
    const store: Revisioned = { revision: 0, clockReadings: 0 };
    const cache = new ResponseCache(10);
    cache.put(store, 0, 'a', json(200, '12345678'));
    cache.put(store, 0, 'b', json(200, '12345678'));
    expect(cache.get(store, 'a')).toBeUndefined();
    expect(cache.get(store, 'b')).toBeDefined();
    cache.put(store, 0, 'big', json(200, '12345678901'));
    expect(cache.get(store, 'big')).toBeUndefined();
    const off = new ResponseCache(0);
    off.put(store, 0, 'a', json(200, '1'));
    expect(off.size).toBe(0);
  });
});

describe('the response cache in the pipeline', () => {
  let runtime: MockRuntime;
  afterEach(() => runtime?.close());

  let token = '';
  const get = (path: string, query: Record<string, string>, headers: Record<string, string> = {}) =>
    runtime.handle(plainRequest('GET', path, { query, headers: { 'x-access-token': token, ...headers } }));

  it('keeps a read, but not one that read the clock, one chosen by Prefer, or a refused one', async () => {
    runtime = createMockRuntime({ seed: 3, size: 20 }, { doc: BUNDLED_DOC });
    token = await runtime.demoToken();
    expect((await get('/conversations', { page: '1', per_page: '5' })).status).toBe(200);
    expect(runtime.responses.size).toBe(1);
    // The period's end defaults to the mock's "now": the answer depends on when it is asked.
    expect((await get('/analytics/conversations', {})).status).toBe(200);
    expect((await get('/conversations', { page: '1', per_page: '6' }, { prefer: 'code=500' })).status).toBe(500);
    expect((await get('/conversations', { page: '1', per_page: '7' }, { prefer: 'example=nothing-of-that-name' })).status).toBe(400);
    expect((await get('/conversations', { page: '0', per_page: '5' })).status).toBe(400);
    expect(runtime.responses.size).toBe(1);
    // A Prefer delay only holds the answer back: it is the same answer.
    expect((await get('/conversations', { page: '1', per_page: '5' }, { prefer: 'delay=0' })).status).toBe(200);
    expect(runtime.responses.size).toBe(1);
  });
});

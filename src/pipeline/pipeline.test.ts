import { afterEach, describe, expect, it } from 'vitest';
import { createMockRuntime, type MockRuntime } from '../mock-runtime.js';
import { BUNDLED_DOC } from '../spec/bundled-doc.js';
import { ApiError } from './errors.js';
import { plainRequest } from './test-support.js';
import type { PlainResponse } from './types.js';

let runtime: MockRuntime;
afterEach(() => runtime?.close());

const start = () => (runtime = createMockRuntime({ seed: 3, size: 20 }, { doc: BUNDLED_DOC }));
const text = (out: PlainResponse) => (!('body' in out) ? '' : typeof out.body === 'string' ? out.body : new TextDecoder().decode(out.body));
const json = (out: PlainResponse) => JSON.parse(text(out)) as unknown;

async function firstConversation(token: string): Promise<string> {
  const out = await runtime.handle(plainRequest('GET', '/conversations', { query: { page: '1', per_page: '1' }, headers: { 'x-access-token': token } }));
  return (json(out) as { conversations: Array<{ uniqueId: string }> }).conversations[0]!.uniqueId;
}

const close = (id: string, token: string) =>
  runtime.handle(plainRequest('POST', `/conversation/${id}`, { headers: { 'x-access-token': token, 'content-type': 'application/json' }, body: '{"status":"Closed"}' }));

describe('the pipeline', () => {
  it('keeps its token service across a reset: only the store is swapped, and the write is gone', async () => {
    start();
    const tokens = runtime.tokens;
    const token = await runtime.demoToken();
    const id = await firstConversation(token);
    expect((await close(id, token)).status).toBe(200);
    const before = runtime.store;
    runtime.reset();
    expect(runtime.store).not.toBe(before);
    expect(runtime.tokens).toBe(tokens);
    // The token minted before the reset still names the demo owner of the new store.
    const detail = await runtime.handle(plainRequest('GET', `/conversation/${id}`, { headers: { 'x-access-token': token } }));
    expect(detail.status).toBe(200);
    expect((json(detail) as { conversation: { status: string } }).conversation.status).not.toBe('Closed');
  });

  it('runs the afterWrite hooks after successful writes only', async () => {
    start();
    let saves = 0;
    runtime.afterWrite.push(() => saves++);
    const token = await runtime.demoToken();
    const id = await firstConversation(token);
    expect(saves).toBe(0);
    const refused = await runtime.handle(plainRequest('POST', `/conversation/${id}`, { headers: { 'x-access-token': token, 'content-type': 'application/json' }, body: '{"status":"Nope"}' }));
    expect(refused.status).toBe(400);
    expect(saves).toBe(0);
    expect((await close(id, token)).status).toBe(200);
    expect(saves).toBe(1);
  });

  it('answers a failing afterWrite hook with its error', async () => {
    start();
    runtime.afterWrite.push(() => {
      throw new ApiError(500, 'could not save', {}, true);
    });
    const token = await runtime.demoToken();
    const out = await close(await firstConversation(token), token);
    expect(out.status).toBe(500);
    expect(json(out)).toBe('could not save');
  });

  it('never reads the body of a request it refuses', async () => {
    start();
    let read = false;
    const req = plainRequest('POST', '/conversation/x', { body: '{"status":"Closed"}', headers: { 'content-type': 'application/json' } });
    req.body.bytes = () => {
      read = true;
      return Promise.resolve(new Uint8Array(0));
    };
    const out = await runtime.handle(req);
    expect(out.status).toBe(401);
    expect(read).toBe(false);
  });

  it('answers 404 and 405 with the router\'s object bodies', async () => {
    start();
    const missing = await runtime.handle(plainRequest('GET', '/nowhere'));
    expect(missing).toMatchObject({ status: 404, body: '{"message":"Not Found"}\n' });
    const wrong = await runtime.handle(plainRequest('PUT', '/conversations'));
    expect(wrong).toMatchObject({ status: 405, headers: { Allow: 'GET, POST' }, body: '{"message":"Method Not Allowed"}\n' });
  });
});

/**
 * Every operation of the spec, one valid request each, against a fresh mock state: the answer must be the
 * operation's documented success status with a documented content type, and (for JSON) a body valid against the
 * spec (`call` checks that). The table comes from the spec itself, so an operation added to the spec is walked
 * too; requests come from test/support/operation-requests.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listOperations, loadSpec, responseMedia, successStatus } from '../../src/spec/index.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import { operationRequests } from '../support/operation-requests.js';

const operations = listOperations(loadSpec());

let mock: TestMock;
const requests = operationRequests(() => mock);

beforeAll(async () => {
  mock = await startMock();
});
beforeEach(() => {
  mock.app.mock.reset();
  requests.forget();
});
afterAll(async () => {
  await mock.close();
});

/** Reads an event stream until its first frame, then hangs up. */
async function firstFrame(url: string): Promise<{ status: number; contentType: string; text: string }> {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal });
  const contentType = res.headers.get('content-type') ?? '';
  if (!contentType.includes('event-stream')) return { status: res.status, contentType, text: await res.text() };
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  ac.abort();
  return { status: res.status, contentType, text: new TextDecoder().decode(value) };
}

describe('every operation of the spec answers a valid request', () => {
  it.each(operations.map((op) => [`${op.operationId} (${op.method.toUpperCase()} ${op.path})`, op] as const))('%s', async (_name, op) => {
    const req = await requests.requestFor(op);
    const qs = new URLSearchParams(req.query).toString();
    const path = `${req.path}${qs ? `?${qs}` : ''}`;
    const token = op.auth === 'header' ? req.token : null;
    let status: number;
    let contentType: string;
    let text: string;
    if (op.operationId === 'getSSEUpdates') {
      ({ status, contentType, text } = await firstFrame(`${mock.url}/api${path}`));
      if (status === 200) expect(text).toMatch(/^event: connected\ndata: OK\n\n/);
    } else {
      const r = await mock.call(op.method.toUpperCase(), path, { body: req.body, rawBody: req.rawBody, token });
      ({ status, text } = r);
      contentType = r.headers.get('content-type') ?? '';
    }
    expect(status, `${op.method.toUpperCase()} ${path} → ${status}: ${text.slice(0, 300)}`).toBe(successStatus(op));
    expect(responseMedia(op, status, contentType), `content type '${contentType}' is documented for ${op.operationId} ${status}`).toBeDefined();
  });

  // Each case above stands alone (shuffled, filtered or not); this one checks the table itself.
  it('has one case per operation of the spec, and no override for an operation the spec lacks', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(requests.overridden.filter((id) => !ids.includes(id))).toEqual([]);
  });
});

/**
 * No read is ever answered stale. Two mocks of the same world run in lockstep: one keeps read answers
 * (src/pipeline/response-cache.ts, on by default) and one computes every answer (`responseCacheBytes: 0`).
 * Every request goes to both, and the cached mock's answer must be the uncached one's, byte for byte (the two
 * listen on different ports, so media links are compared with the origin taken out).
 *
 * Generated from the spec: for every operation that writes, every read is answered once (so the cache holds
 * it), the write runs, and every read is compared again. Then the changes made outside a request: a reset, a
 * state import, the campaign runner and --simulate on virtual time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignRunner } from '../../src/domain/campaign-runner.js';
import { ManualScheduler } from '../../src/domain/scheduler.js';
import { start as startSimulation } from '../../src/domain/simulate.js';
import { listOperations, loadSpec, type OperationInfo } from '../../src/spec/index.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import { operationRequests } from '../support/operation-requests.js';

const operations = listOperations(loadSpec());
const reads = operations.filter((op) => op.method === 'get' && !op.writes && op.auth === 'header');
const writes = operations.filter((op) => op.writes);

let cached: TestMock;
let computed: TestMock;
/** Sends every call to both mocks, checks that they agree, and answers with the cached mock's result. */
let twin: TestMock;
const requests = operationRequests(() => twin);

const sameAnswer = (a: Awaited<ReturnType<TestMock['call']>>, b: Awaited<ReturnType<TestMock['call']>>, what: string) => {
  expect(a.status, what).toBe(b.status);
  expect(a.text.replaceAll(cached.url, '<origin>'), what).toBe(b.text.replaceAll(computed.url, '<origin>'));
};

beforeAll(async () => {
  cached = await startMock();
  computed = await startMock({ responseCacheBytes: 0 });
  twin = {
    ...cached,
    async call(method, path, init = {}) {
      const a = await cached.call(method, path, init);
      const b = await computed.call(method, path, init.token === undefined ? { ...init, token: computed.token } : init);
      sameAnswer(a, b, `${method} ${path}`);
      return a;
    },
  };
});
beforeEach(() => {
  cached.app.mock.reset();
  computed.app.mock.reset();
  requests.forget();
});
afterAll(async () => {
  await cached.close();
  await computed.close();
});

/** Answers every read on both mocks (and checks they agree); returns how many were answered 200. */
async function readEverything(): Promise<number> {
  let ok = 0;
  for (const op of reads) {
    const req = await requests.requestFor(op);
    const qs = new URLSearchParams(req.query).toString();
    const r = await twin.call('GET', `${req.path}${qs ? `?${qs}` : ''}`, { token: req.token });
    if (r.status === 200) ok++;
  }
  return ok;
}

async function run(op: OperationInfo): Promise<number> {
  const req = await requests.requestFor(op);
  const qs = new URLSearchParams(req.query).toString();
  const r = await twin.call(op.method.toUpperCase(), `${req.path}${qs ? `?${qs}` : ''}`, { body: req.body, rawBody: req.rawBody, token: req.token });
  return r.status;
}

describe('the response cache never answers a read stale', () => {
  it('keeps answers: a second identical read is served from the cache', async () => {
    const before = cached.app.mock.store.revision;
    await twin.call('GET', '/conversations?page=1&per_page=20');
    const first = await cached.call('GET', '/conversations?page=1&per_page=20');
    const again = await cached.call('GET', '/conversations?page=1&per_page=20');
    expect(again.text).toBe(first.text);
    expect(cached.app.mock.store.revision).toBe(before);
    expect(responsesHeld(cached)).toBeGreaterThan(0);
    expect(responsesHeld(computed)).toBe(0);
  });

  it.each(writes.map((op) => [`${op.operationId} (${op.method.toUpperCase()} ${op.path})`, op] as const))('after %s', async (_name, op) => {
    expect(await readEverything()).toBeGreaterThan(reads.length / 2);
    const revision = cached.app.mock.store.revision;
    await run(op);
    // A write moves the revision whatever it answered (a refused write changes nothing, and is not cached either).
    expect(cached.app.mock.store.revision).toBeGreaterThan(revision);
    await readEverything();
  });

  it('after a reset', async () => {
    await readEverything();
    await twin.call('POST', `/conversation/${await firstConversation()}/messages`, { body: TEXT_MESSAGE });
    await readEverything();
    cached.app.mock.reset();
    computed.app.mock.reset();
    await readEverything();
  });

  it('after a state import', async () => {
    const snapshot = cached.app.mock.exportState();
    await twin.call('POST', `/conversation/${await firstConversation()}/messages`, { body: TEXT_MESSAGE });
    await readEverything();
    cached.app.mock.importState(snapshot);
    computed.app.mock.importState(snapshot);
    await readEverything();
  });

  it('while the campaign runner and --simulate write in the background', async () => {
    const clocks = [new ManualScheduler(), new ManualScheduler()];
    const stops = [cached, computed].map((m, i) => {
      campaignRunner(m.app.mock.store).useScheduler(clocks[i]!);
      return startSimulation(m.app.mock.store, { seed: 7, simulateIntervalMs: 1000 }, clocks[i]);
    });
    try {
      for (let round = 0; round < 4; round++) {
        await readEverything();
        const revision = cached.app.mock.store.revision;
        for (const clock of clocks) clock.advance(5_000);
        expect(cached.app.mock.store.revision).toBeGreaterThan(revision);
      }
      await readEverything();
    } finally {
      for (const stop of stops) stop();
    }
  });
});

const TEXT_MESSAGE = { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'A message that changes the thread.' } };

async function firstConversation(): Promise<string> {
  const r = await twin.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1');
  return r.body.conversations[0]!.uniqueId;
}

function responsesHeld(mock: TestMock): number {
  return mock.app.mock.responses.size;
}

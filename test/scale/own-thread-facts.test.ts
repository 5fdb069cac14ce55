import { describe, expect, it } from 'vitest';
import { createSeededStore } from '../../src/seed/seed-store.js';
import { steppingClock } from '../../src/options.js';
import { createWorld } from '../../src/world/index.js';
import type { MessageRecord } from '../../src/world/model.js';
import { factsOfRecords, messageFacts } from '../../src/domain/message-facts.js';

const columns = (f: ReturnType<typeof factsOfRecords>) => {
  const span = (a: Float64Array | Uint8Array) => [...a.subarray(f.start, f.end)];
  return { at: span(f.at), status: span(f.status), inbound: span(f.inbound), type: span(f.type) };
};

describe('messageFacts of a thread the store owns', () => {
  it('follows sends and replaced records from one call to the next', () => {
    const world = createWorld({ seed: 4, now: '2026-11-24T12:00:00.000Z', size: 20 });
    const store = createSeededStore(world, steppingClock(world.options.now));
    const c = [...store.conversations.values()].find((x) => store.messagesOf(x.uniqueId).some((m) => m.direction === 'InBound'))!;
    const thread = store.writableThread(c.uniqueId);
    expect(columns(messageFacts(store, c.uniqueId))).toEqual(columns(factsOfRecords(thread)));
    // A send (the thread grows past any room kept for it) …
    // (read after every send, so that later sends land in room kept by an earlier one)
    for (let k = 0; k < 40; k++) {
      store.appendMessage(c, { ...thread.at(-1)!, uniqueId: `sent-${k}`, createdAt: new Date(Date.parse(c.lastMessageAt) + 1000).toISOString() } as MessageRecord);
      expect(columns(messageFacts(store, c.uniqueId))).toEqual(columns(factsOfRecords(thread)));
    }
    // … and a message replaced by a new record (what marking as read does).
    const i = thread.findIndex((m) => m.direction === 'InBound');
    thread[i] = { ...thread[i]!, status: thread[i]!.status === 'Read' ? 'Sent' : 'Read' } as MessageRecord;
    const after = columns(messageFacts(store, c.uniqueId));
    expect(after).toEqual(columns(factsOfRecords(thread)));
    expect(after.at.length).toBe(thread.length);
  });
});

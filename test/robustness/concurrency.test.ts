/**
 * 500 message sends to one conversation at the same time: none lost, none doubled, every id distinct, and the
 * thread in the same order wherever it is read (the conversation, its message pages, GET /messages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

const SENDS = 500;

type Schemas = components['schemas'];
type Message = Schemas['MessageSchema'];
type Conversation = Schemas['ConversationSchema'];

let mock: TestMock;
let conversation: Conversation;
let before: Conversation;
let sent: Array<{ status: number; body: { message: Message } }>;

beforeAll(async () => {
  mock = await startMock();
  const list = await mock.call<{ conversations: Conversation[] }>('GET', '/conversations?page=1&per_page=5');
  const id = list.body.conversations[2]!.uniqueId;
  before = (await mock.call<{ conversation: Conversation }>('GET', `/conversation/${id}`)).body.conversation;
  sent = await Promise.all(
    Array.from({ length: SENDS }, (_, i) =>
      mock.call<{ message: Message }>('POST', `/conversation/${id}/messages`, {
        body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: `concurrent send #${i}` } },
      }),
    ),
  );
  conversation = (await mock.call<{ conversation: Conversation }>('GET', `/conversation/${id}`)).body.conversation;
});
afterAll(() => mock?.close());

const ids = (ms: Message[]) => ms.map((m) => m.uniqueId);

describe(`${SENDS} concurrent sends to one conversation`, () => {
  it('are all acknowledged with a 200 and a distinct new message id', () => {
    expect(sent.map((r) => r.status)).toEqual(Array(SENDS).fill(200));
    const newIds = sent.map((r) => r.body.message.uniqueId);
    expect(new Set(newIds).size).toBe(SENDS);
    const old = new Set(ids(before.messages));
    expect(newIds.filter((id) => old.has(id))).toEqual([]);
  });

  it(`raise totalMessages by exactly ${SENDS}`, () => {
    expect(conversation.totalMessages).toBe(before.totalMessages! + SENDS);
    expect(conversation.messages).toHaveLength(conversation.totalMessages!);
  });

  it('keep the earlier thread and add each send once, in acknowledged createdAt order', () => {
    expect(ids(conversation.messages.slice(0, before.messages.length))).toEqual(ids(before.messages));
    const added = conversation.messages.slice(before.messages.length);
    expect(new Set(ids(added))).toEqual(new Set(sent.map((r) => r.body.message.uniqueId)));
    const texts = added.map((m) => (m.messageType === 'Text' ? m.messageData.text : undefined));
    expect(new Set(texts).size).toBe(SENDS);
    const times = conversation.messages.map((m) => m.createdAt);
    expect([...times].sort()).toEqual(times);
    // The thread holds each message exactly as it was acknowledged.
    const acknowledged = new Map(sent.map((r) => [r.body.message.uniqueId, r.body.message]));
    for (const m of added) expect(m).toEqual(acknowledged.get(m.uniqueId));
  });

  it('is in the same order in the thread, its message pages and GET /messages', async () => {
    const id = conversation.uniqueId;
    const total = conversation.totalMessages!;
    const thread = ids(conversation.messages);

    const asc = await mock.call<{ messages: Message[]; paginationMeta: { total: number } }>('GET', `/messages?conversation_id=${id}&order=asc&page=1&per_page=${total}`);
    expect(asc.body.paginationMeta.total).toBe(total);
    expect(ids(asc.body.messages)).toEqual(thread);

    const desc = await mock.call<{ messages: Message[] }>('GET', `/messages?conversation_id=${id}&page=1&per_page=${total}`);
    expect(ids(desc.body.messages)).toEqual([...thread].reverse());

    // Page 1 holds the newest messages; each page runs oldest → newest.
    const pages: string[][] = [];
    for (let page = 1; (page - 1) * 200 < total; page++) {
      const r = await mock.call<{ messages: Message[]; paginationMeta: { total: number } }>('GET', `/conversation/${id}/messages?page=${page}&per_page=200`);
      expect(r.body.paginationMeta.total).toBe(total);
      pages.push(ids(r.body.messages));
    }
    expect(pages.reverse().flat()).toEqual(thread);

    const listed = await mock.call<{ conversations: Conversation[] }>('GET', `/conversations?page=1&per_page=50&contact_id=${(conversation as Conversation & { contactId: string }).contactId}`);
    expect(listed.body.conversations.find((c) => c.uniqueId === id)?.totalMessages).toBe(total);
  });
});

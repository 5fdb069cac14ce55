/**
 * Analytics and `GET /messages` read message facts the world kept from its thread skeletons and timelines the
 * store keeps up to date, instead of rendering and sorting everything on each call. This checks them against a
 * full recomputation from the rendered threads, for a few seeds and after a series of writes (sends, reads,
 * status changes, inbound messages, deletes, contact creation, state export/import, reset).
 */
import { describe, expect, it } from 'vitest';
import { aggregateCounts, conversationAnalytics, type Range } from '../../src/domain/analytics.js';
import { receiveText } from '../../src/domain/inbound.js';
import { listContacts } from '../../src/domain/contacts.js';
import { listMessages, type MessageFilter } from '../../src/domain/messages.js';
import { createMockFetch, type MockFetch } from '../../src/fetch.js';
import type { Store } from '../../src/store/store.js';
import type { MessageRecord } from '../../src/world/model.js';

const NOW = '2026-11-24T12:00:00.000Z';
const DAY = 86_400_000;
const RANGES: Range[] = [
  { fromMs: Date.parse('2000-01-01T00:00:00Z'), toMs: Date.parse('2100-01-01T00:00:00Z') },
  { fromMs: Date.parse(NOW) - 30 * DAY, toMs: Date.parse(NOW) + DAY },
  { fromMs: Date.parse(NOW) - 2 * DAY, toMs: Date.parse(NOW) },
];

/** Every message of the organization, rendered, with its conversation. */
function rendered(store: Store, org: string): Array<{ conv: string; m: MessageRecord }> {
  const out: Array<{ conv: string; m: MessageRecord }> = [];
  for (const c of store.conversations.values()) if (c.organizationId === org) for (const m of store.messagesOf(c.uniqueId)) out.push({ conv: c.uniqueId, m });
  return out;
}

/** The message figures of aggregate-counts, recomputed naively from the rendered messages. */
function expectedMessageStats(store: Store, org: string, r: Range) {
  const msgs = rendered(store, org)
    .map((x) => x.m)
    .filter((m) => Date.parse(m.createdAt) >= r.fromMs && Date.parse(m.createdAt) <= r.toMs);
  const n = (s: string) => msgs.filter((m) => m.status === s).length;
  return {
    totalMessages: msgs.length,
    messagesSent: n('Sent'),
    messagesFailed: n('Failed'),
    messagesDelivered: n('Delivered'),
    messagesUndelivered: n('UnDelivered'),
    messagesRead: n('Read'),
    messagesUnread: msgs.filter((m) => m.status === 'Sent' && m.direction === 'InBound').length,
  };
}

/** Per-type traffic and the per-day active conversations of conversation analytics, recomputed naively. */
function expectedTraffic(store: Store, org: string, r: Range) {
  const inside = rendered(store, org).filter(({ m }) => Date.parse(m.createdAt) >= r.fromMs && Date.parse(m.createdAt) <= r.toMs);
  const types = new Map<string, { sent: number; received: number }>();
  const active = new Map<string, Set<string>>();
  for (const { conv, m } of inside) {
    const t = types.get(m.messageType) ?? { sent: 0, received: 0 };
    if (m.direction === 'InBound') t.received++;
    else t.sent++;
    types.set(m.messageType, t);
    const day = m.createdAt.slice(0, 10);
    active.set(day, (active.get(day) ?? new Set()).add(conv));
  }
  return { types, active: new Map([...active].map(([d, s]) => [d, s.size])) };
}

/** `GET /messages` recomputed naively: filter every rendered message, sort by time (newest first by default). */
function expectedMessages(store: Store, org: string, f: MessageFilter): { ids: string[]; total: number } {
  let all = rendered(store, org);
  if (f.conversation_id) all = all.filter((x) => x.conv === f.conversation_id);
  if (f.contact_id) all = all.filter((x) => store.conversations.get(x.conv)?.contactId === f.contact_id);
  if (f.direction) all = all.filter((x) => x.m.direction === f.direction);
  if (f.status === 'read') all = all.filter((x) => x.m.status === 'Read');
  if (f.status === 'sent') all = all.filter((x) => x.m.status === 'Sent');
  if (f.status === 'failed') all = all.filter((x) => x.m.status === 'Failed');
  if (f.status === 'unread') all = all.filter((x) => x.m.status === 'Sent' && x.m.direction === 'InBound');
  const sign = f.order === 'asc' ? 1 : -1;
  all.sort((a, b) => sign * (Date.parse(a.m.createdAt) - Date.parse(b.m.createdAt)));
  const per = f.per_page ?? 20;
  const from = ((f.page ?? 1) - 1) * per;
  return { ids: all.slice(from, from + per).map((x) => x.m.uniqueId), total: all.length };
}

function checkEverything(store: Store, org: string): void {
  for (const r of RANGES) {
    expect(aggregateCounts(store, org, r).aggregateAnalytics.messageStats).toEqual(expectedMessageStats(store, org, r));
    const { analytics } = conversationAnalytics(store, org, r);
    const { types, active } = expectedTraffic(store, org, r);
    expect(analytics.messageTypeTrafficDistributionAnalytics).toEqual([...types].filter(([, t]) => t.sent + t.received > 0).map(([type, t]) => ({ type, ...t })).sort((a, b) => analytics.messageTypeTrafficDistributionAnalytics.findIndex((x) => x.type === a.type) - analytics.messageTypeTrafficDistributionAnalytics.findIndex((x) => x.type === b.type)));
    for (const point of analytics.conversationsAnalytics) expect(point.numberOfActiveConversation).toBe(active.get(point.date.slice(0, 10)) ?? 0);
  }
  const someConv = [...store.conversations.values()].find((c) => c.organizationId === org && c.messageCount > 3)!;
  const filters: MessageFilter[] = [
    {},
    { page: 2, per_page: 7 },
    { order: 'asc', page: 3, per_page: 5 },
    { status: 'unread' },
    { status: 'failed', per_page: 50 },
    { status: 'read', direction: 'OutBound', page: 2 },
    { direction: 'InBound', order: 'asc', per_page: 30 },
    { conversation_id: someConv.uniqueId, per_page: 100 },
    { contact_id: someConv.contactId, order: 'asc' },
    { page: 500 },
  ];
  for (const f of filters) {
    const got = listMessages(store, org, f);
    const want = expectedMessages(store, org, f);
    expect({ ids: got.messages.map((m) => m.uniqueId), total: got.paginationMeta.total }, JSON.stringify(f)).toEqual(want);
  }
  // Contacts: the timeline gives what sorting every contact gave.
  const contacts = [...store.contacts.values()].filter((c) => c.organizationId === org);
  contacts.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.uniqueId < b.uniqueId ? 1 : -1));
  const page = listContacts(store, org, { page: 2, per_page: 10 });
  expect(page.contacts.map((c) => c.uniqueId)).toEqual(contacts.slice(10, 20).map((c) => c.uniqueId));
  expect(page.paginationMeta.total).toBe(contacts.length);
  const blocked = contacts.filter((c) => c.status === 'Blocked');
  expect(listContacts(store, org, { page: 1, per_page: 5, status: 'Blocked' }).contacts.map((c) => c.uniqueId)).toEqual(blocked.slice(0, 5).map((c) => c.uniqueId));
}

/** Sends a request; answers its status, and its body too when it is not 200 (so a failure says why). */
async function call(mock: MockFetch, token: string, method: string, path: string, body?: unknown): Promise<number | string> {
  const init: RequestInit = { method, headers: { 'x-access-token': token, 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const r = await mock(new Request(`https://wapikit.example.test/api${path}`, init));
  const text = await r.text();
  return r.status === 200 ? 200 : `${r.status} ${text}`;
}

describe('message facts and store timelines', () => {
  it('keeps the world facts of every thread exactly those of its rendered messages', () => {
    for (const seed of [1, 5, 23]) {
      const { mock } = createMockFetch({ seed, now: NOW, size: 150 });
      for (const c of mock.world.conversations) {
        const facts = mock.world.factsOf(c.uniqueId)!;
        const thread = mock.world.threadOf(c.uniqueId)!;
        expect(facts.end - facts.start).toBe(thread.length);
        thread.forEach((m, k) => {
          const i = facts.start + k;
          expect([facts.at[i], facts.status[i], facts.inbound[i], facts.type[i]]).toEqual([
            Date.parse(m.createdAt),
            ['Read', 'Unread', 'Sent', 'Delivered', 'UnDelivered', 'Failed'].indexOf(m.status),
            m.direction === 'InBound' ? 1 : 0,
            ['Text', 'Image', 'Video', 'Audio', 'Document', 'Sticker', 'Location', 'Contacts', 'Reaction', 'Address'].indexOf(m.messageType),
          ]);
        });
      }
    }
  });

  it('gives what a full recomputation gives, for several seeds and after writes, imports and resets', async () => {
    for (const seed of [3, 11]) {
      const mockFetch = createMockFetch({ seed, now: NOW, size: 120, responseCacheBytes: 0 });
      const { mock } = mockFetch;
      const token = await mock.demoToken();
      const org = mock.world.mainOrganizationId;
      checkEverything(mock.store, org);

      const convs = [...mock.store.conversations.values()].filter((c) => c.organizationId === org);
      const unread = convs.filter((c) => c.unreadCount > 0);
      // Sends (the conversation moves to the top of its timeline), reads, a status change, an inbound message.
      for (const c of convs.slice(0, 4)) expect(await call(mockFetch, token, 'POST', `/conversation/${c.uniqueId}/messages`, { createdAt: NOW, messageData: { messageType: 'Text', text: 'On it.' } })).toBe(200);
      for (const c of unread.slice(0, 3)) expect(await call(mockFetch, token, 'POST', `/conversation/${c.uniqueId}/read`)).toBe(200);
      expect(await call(mockFetch, token, 'POST', `/conversation/${convs[5]!.uniqueId}`, { status: 'Closed' })).toBe(200);
      receiveText(mock.store, mock.store.ids, { contactId: convs[6]!.contactId, text: 'Hello again', at: mock.store.now(), scenario: 'test' });
      // A rejected write changes nothing.
      expect(await call(mockFetch, token, 'POST', `/conversation/${convs[7]!.uniqueId}/messages`, { createdAt: NOW, messageData: { messageType: 'Image', id: 'not-uploaded' } })).toMatch(/^400 /);
      // Deletes: a conversation, a contact (with its conversations); new contacts.
      expect(await call(mockFetch, token, 'DELETE', `/conversation/${convs[8]!.uniqueId}`)).toBe(200);
      expect(await call(mockFetch, token, 'DELETE', `/contacts/${convs[9]!.contactId}`)).toBe(200);
      expect(await call(mockFetch, token, 'POST', '/contacts', [{ name: 'New Person', phone: '+12125550177', status: 'Active', attributes: {}, listsIds: [] }])).toBe(200);
      checkEverything(mock.store, org);

      // State export → reset → import: the imported store rebuilds what it reads from.
      const saved = JSON.parse(JSON.stringify(mock.exportState())) as unknown;
      const before = listMessages(mock.store, org, { per_page: 30 });
      mock.reset();
      checkEverything(mock.store, org);
      mock.importState(saved);
      expect(listMessages(mock.store, org, { per_page: 30 })).toEqual(before);
      checkEverything(mock.store, org);
    }
  });
});

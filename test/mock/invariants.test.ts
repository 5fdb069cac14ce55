import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NOW = '2026-11-24T12:00:00.000Z';

type Schemas = components['schemas'];
type Msg = Schemas['MessageSchema'];
type Conv = Schemas['ConversationSchema'];

let mock: TestMock;
const written = new Set<string>();
let conversations: Conv[] = [];

/** Every conversation the API shows, in every status, with its full thread. */
async function everything(): Promise<Conv[]> {
  const out: Conv[] = [];
  for (const status of ['Active', 'Closed', 'Deleted']) {
    for (let page = 1; ; page++) {
      const r = await mock.call<{ conversations: Conv[] }>('GET', `/conversations?page=${page}&per_page=50&status=${status}`);
      for (const c of r.body.conversations) out.push((await mock.call<{ conversation: Conv }>('GET', `/conversation/${c.uniqueId}`)).body.conversation);
      if (r.body.conversations.length < 50) break;
    }
  }
  return out;
}

beforeAll(async () => {
  mock = await startMock();
  // A scripted sequence of writes of every kind, then the invariants are checked on what the API shows.
  const list = (await mock.call<{ conversations: Conv[] }>('GET', '/conversations?page=1&per_page=12')).body.conversations;
  const members = [...mock.app.mock.store.members.values()].filter((m) => m.organizationId === mock.app.mock.world.mainOrganizationId);
  for (const [i, c] of list.entries()) {
    const sent = await mock.call<{ message: Msg }>('POST', `/conversation/${c.uniqueId}/messages`, { body: { createdAt: NOW, messageData: { messageType: 'Text', text: `Reply number ${i}` } } });
    written.add(sent.body.message.uniqueId);
    if (i % 3 === 0) {
      const target = (await mock.call<{ conversation: Conv }>('GET', `/conversation/${c.uniqueId}`)).body.conversation.messages[0]!;
      const r = await mock.call<{ message: Msg }>('POST', `/conversation/${c.uniqueId}/messages`, { body: { createdAt: NOW, messageData: { messageType: 'Reaction', reaction: '🙏', messageId: target.uniqueId } } });
      written.add(r.body.message.uniqueId);
    }
    if (i % 4 === 1) await mock.call('POST', `/conversation/${c.uniqueId}/assign`, { body: { organizationMemberId: members[i % members.length]!.uniqueId } });
    if (i % 5 === 2) await mock.call('POST', `/conversation/${c.uniqueId}/read`);
    if (i === 7) await mock.call('POST', `/conversation/${c.uniqueId}`, { body: { status: 'Closed' } });
    if (i === 8) await mock.call('DELETE', `/conversation/${c.uniqueId}`);
  }
  conversations = await everything();
});
afterAll(() => mock.close());

describe('invariants over the whole world after a scripted sequence of writes', () => {
  it('covers the whole world', () => {
    const main = mock.app.mock.world.mainOrganizationId;
    expect(conversations.length).toBe([...mock.app.mock.store.conversations.values()].filter((c) => c.organizationId === main).length);
    expect(conversations.length).toBeGreaterThan(50);
  });

  it('uses a unique v4 UUID for every Wapikit id, and WhatsApp-shaped ids on the WhatsApp side', () => {
    const ids = conversations.flatMap((c) => [c.uniqueId, ...c.messages.map((m) => m.uniqueId)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    for (const m of conversations.flatMap((c) => c.messages)) {
      expect(m.whatsAppMessageId).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
      if ('id' in m.messageData) expect(m.messageData.id).toMatch(/^\d{15,16}$/);
    }
  });

  it('points every conversation at its own contact', async () => {
    for (const c of conversations) {
      expect(c.contactId).toBe(c.contact.uniqueId);
      expect(mock.app.mock.store.contacts.get(c.contactId)?.organizationId).toBe(c.organizationId);
    }
  });

  it('counts messages and unread messages exactly', () => {
    for (const c of conversations) {
      expect(c.totalMessages).toBe(c.messages.length);
      expect(c.numberOfUnreadMessages).toBe(c.messages.filter((m) => m.direction === 'InBound' && m.status === 'Sent').length);
    }
  });

  it('orders messages in time, within the conversation\'s life, with unread ones only after the last reply', () => {
    for (const c of conversations) {
      const times = c.messages.map((m) => m.createdAt);
      expect([...times].sort()).toEqual(times);
      for (const m of c.messages) {
        expect(m.createdAt >= c.createdAt).toBe(true);
        if (!written.has(m.uniqueId)) expect(m.createdAt <= NOW, `${m.uniqueId} is generated, so not after now`).toBe(true);
      }
      const lastReply = c.messages.map((m) => m.direction).lastIndexOf('OutBound');
      c.messages.forEach((m, i) => {
        if (m.direction === 'InBound' && m.status === 'Sent') expect(i).toBeGreaterThan(lastReply);
      });
    }
  });

  it('has plausible outbound statuses: older replies read, only the newest may still be Sent or Delivered', () => {
    let failed = 0;
    let outbound = 0;
    for (const c of conversations) {
      const out = c.messages.filter((m) => m.direction === 'OutBound' && !written.has(m.uniqueId));
      outbound += out.length;
      failed += out.filter((m) => m.status === 'Failed').length;
      out.slice(0, -2).forEach((m) => expect(['Read', 'Failed']).toContain(m.status));
    }
    expect(outbound).toBeGreaterThan(0);
    expect(failed / outbound).toBeLessThan(0.1);
  });

  it('points reactions and replies at earlier messages of the same conversation', () => {
    for (const c of conversations) {
      const seen = new Set<string>();
      for (const m of c.messages) {
        if (m.messageType === 'Reaction') expect(seen.has(String(m.messageData.messageId))).toBe(true);
        if (m.replyToMessageId) expect(seen.has(m.replyToMessageId)).toBe(true);
        seen.add(m.uniqueId);
      }
    }
  });

  it('links campaigns, assignees and tags to records of the same organization', () => {
    const store = mock.app.mock.store;
    let linked = 0;
    for (const c of conversations) {
      if (typeof c.campaignId === 'string' && c.campaignId) {
        linked++;
        const campaign = store.campaigns.get(c.campaignId);
        expect(campaign?.organizationId).toBe(c.organizationId);
        expect(campaign!.createdAt < c.createdAt).toBe(true);
        expect(c.initiatedBy).toBe('Campaign');
      } else expect(c.initiatedBy).toBe('Contact');
      if (c.assignedTo) expect(store.members.get(c.assignedTo.uniqueId)?.organizationId).toBe(c.organizationId);
      for (const t of c.tags) expect(store.tags.get(t.uniqueId)?.organizationId).toBe(c.organizationId);
    }
    expect(linked).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

/**
 * A deleted contact takes its conversations and their messages with it (the real database cascades):
 * every endpoint that shows conversations, messages or counts must agree.
 */
type Schemas = components['schemas'];
type Conv = Schemas['ConversationSchema'];
type Total = { paginationMeta: { total: number } };

const mock = useMock();

const ALL_TIME = 'from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';
const total = async (path: string) => (await mock.call<Total>('GET', `${path}${path.includes('?') ? '&' : '?'}page=1&per_page=1`)).body.paginationMeta.total;

async function snapshot() {
  const dash = (await mock.call<{ aggregateAnalytics: { conversationStats: Record<string, number>; messageStats: Record<string, number>; contactStats: Record<string, number> } }>('GET', `/analytics/aggregate-counts?${ALL_TIME}`)).body.aggregateAnalytics;
  const lists = (await mock.call<{ lists: Array<{ uniqueId: string; numberOfContacts: number }> }>('GET', '/lists?page=1&per_page=500')).body.lists;
  return {
    dash,
    conversations: { Active: await total('/conversations'), Closed: await total('/conversations?status=Closed') },
    messages: await total('/messages'),
    unread: await total('/messages?status=unread'),
    contacts: await total('/contacts'),
    lists: Object.fromEntries(lists.map((l) => [l.uniqueId, l.numberOfContacts])),
  };
}

describe('deleting a contact', () => {
  it('deletes its conversations and messages everywhere, and only those', async () => {
    const store = mock.app.mock.store;
    const org = mock.app.mock.world.mainOrganizationId;
    // A contact with conversations of more than one status, in at least one list, if the world has one.
    const candidates = [...store.contacts.values()].filter((c) => c.organizationId === org && store.conversationsOfContact(c.uniqueId).length > 0);
    const contact =
      candidates.find((c) => new Set(store.conversationsOfContact(c.uniqueId).map((id) => store.conversations.get(id)!.status)).size > 1) ??
      candidates.find((c) => [...store.lists.values()].some((l) => l.contactIds.includes(c.uniqueId))) ??
      candidates[0]!;
    const detail = (await mock.call<{ contact: { conversations: Conv[]; lists: Array<{ uniqueId: string }> } }>('GET', `/contacts/${contact.uniqueId}`)).body.contact;
    const convs = detail.conversations;
    expect(convs.length).toBeGreaterThan(0);
    const messageIds = convs.flatMap((c) => c.messages.map((m) => m.uniqueId));
    const byStatus = (s: string) => convs.filter((c) => c.status === s).length;
    const unread = convs.reduce((n, c) => n + store.conversations.get(c.uniqueId)!.unreadCount, 0);
    const pending = convs.filter((c) => c.status === 'Active' && store.conversations.get(c.uniqueId)!.unreadCount > 0).length;
    const before = await snapshot();

    expect((await mock.call('DELETE', `/contacts/${contact.uniqueId}`)).body).toEqual({ data: true });
    const after = await snapshot();

    // The conversation list, by status and by contact.
    expect(after.conversations).toEqual({ Active: before.conversations.Active - byStatus('Active'), Closed: before.conversations.Closed - byStatus('Closed') });
    for (const s of ['Active', 'Closed', 'Deleted']) expect(await total(`/conversations?status=${s}&contact_id=${contact.uniqueId}`)).toBe(0);
    // Each conversation: detail, thread, messages.
    for (const c of convs) {
      expect(await mock.call('GET', `/conversation/${c.uniqueId}`)).toMatchObject({ status: 404, body: 'conversation not found' });
      expect(await mock.call('GET', `/conversation/${c.uniqueId}/messages?page=1&per_page=10`)).toMatchObject({ status: 404, body: 'conversation not found' });
      expect(await mock.call('POST', `/conversation/${c.uniqueId}/messages`, { body: { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Text', text: 'hello?' } } })).toMatchObject({ status: 404 });
      expect(await total(`/messages?conversation_id=${c.uniqueId}`)).toBe(0);
    }
    for (const id of messageIds.slice(0, 3)) expect(await total(`/conversations?message_id=${id}`)).toBe(0);
    // /messages and the dashboard.
    expect(after.messages).toBe(before.messages - messageIds.length);
    expect(after.unread).toBe(before.unread - unread);
    expect(after.dash.messageStats.totalMessages).toBe(before.dash.messageStats.totalMessages! - messageIds.length);
    expect(after.dash.conversationStats).toEqual({
      totalConversations: before.dash.conversationStats.totalConversations! - convs.length,
      conversationsActive: before.dash.conversationStats.conversationsActive! - byStatus('Active'),
      conversationsClosed: before.dash.conversationStats.conversationsClosed! - byStatus('Closed'),
      conversationsPending: before.dash.conversationStats.conversationsPending! - pending,
    });
    expect(after.dash.contactStats.totalContacts).toBe(before.dash.contactStats.totalContacts! - 1);
    // Contacts and lists.
    expect(after.contacts).toBe(before.contacts - 1);
    expect(await mock.call('GET', `/contacts/${contact.uniqueId}`)).toMatchObject({ status: 404, body: 'Contact not found' });
    for (const [id, n] of Object.entries(before.lists)) {
      const member = detail.lists.some((l) => l.uniqueId === id);
      expect(after.lists[id], id).toBe(member ? n - 1 : n);
      expect(await total(`/contacts?list_id=${id}`)).toBe(after.lists[id]);
    }
    // A new conversation cannot be opened with the deleted contact.
    expect(await mock.call('POST', '/conversations', { body: { contactId: contact.uniqueId } })).toMatchObject({ status: 404, body: 'Contact not found' });
  });

  it('deleting a list’s contacts cascades the same way', async () => {
    const store = mock.app.mock.store;
    const list = [...store.lists.values()].find((l) => l.organizationId === mock.app.mock.world.mainOrganizationId && l.contactIds.some((id) => store.conversationsOfContact(id).length > 0))!;
    const convIds = list.contactIds.flatMap((id) => store.conversationsOfContact(id));
    const messages = convIds.reduce((n, id) => n + store.conversations.get(id)!.messageCount, 0);
    const before = await snapshot();
    expect((await mock.call('DELETE', `/contacts?id=${list.uniqueId}`)).body).toEqual({ data: true });
    const after = await snapshot();
    expect(after.messages).toBe(before.messages - messages);
    expect(after.dash.conversationStats.totalConversations).toBe(before.dash.conversationStats.totalConversations! - convIds.length);
    for (const id of convIds) expect((await mock.call('GET', `/conversation/${id}`)).status).toBe(404);
  });
});

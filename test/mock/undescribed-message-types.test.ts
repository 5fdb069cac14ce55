import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../src/generated/wapikit.js';
import { startMock, type TestMock } from '../support/mock-client.js';

// `Contacts` and `Address` are in the spec's MessageTypeEnum, but no message schema describes their content.
type Schemas = components['schemas'];
type Conversation = Schemas['ConversationSchema'];
type Message = Schemas['MessageSchema'];
type Analytics = Schemas['GetConversationAnalyticsResponseSchema'];

let m: TestMock;
beforeAll(async () => {
  m = await startMock();
});
afterAll(() => m.close());

const firstConversation = async (): Promise<Conversation> =>
  (await m.call<Schemas['GetConversationsResponseSchema']>('GET', '/conversations?page=1&per_page=1')).body.conversations[0]!;
const threadOf = async (id: string): Promise<Message[]> =>
  (await m.call<Schemas['GetConversationMessagesResponseSchema']>('GET', `/conversation/${id}/messages?page=1&per_page=200`)).body.messages;

describe('message types the spec names but does not describe', () => {
  it.each(['Contacts', 'Address'])('refuses to send a %s message (no send body admits it), changing nothing', async (messageType) => {
    const conv = await firstConversation();
    const before = await threadOf(conv.uniqueId);
    const r = await m.call('POST', `/conversation/${conv.uniqueId}/messages`, {
      body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType, text: 'hello' } },
    });
    expect(r.status).toBe(400);
    expect(typeof r.body).toBe('string');
    expect(r.body).toContain('messageType');
    expect(await threadOf(conv.uniqueId)).toEqual(before);
  });

  describe('a stored Contacts message (a state file may hold one; the world never makes one)', () => {
    let conv: Conversation;
    let cardId: string;
    let before: Message[];
    beforeAll(async () => {
      conv = await firstConversation();
      const sent = await m.call<Schemas['SendMessageInConversationResponseSchema']>('POST', `/conversation/${conv.uniqueId}/messages`, {
        body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'Here is the contact card.' } },
      });
      expect(sent.status).toBe(200);
      cardId = sent.body.message.uniqueId;
      before = await threadOf(conv.uniqueId);
      // Load a state whose last message of that conversation is a contact card.
      const state = JSON.parse(await (await fetch(`${m.url}/__mock/state`)).text()) as { collections: { ownThreads: Array<[string, Array<Record<string, unknown>>]> } };
      const card = state.collections.ownThreads.find(([id]) => id === conv.uniqueId)![1].find((x) => x.uniqueId === cardId)!;
      card.messageType = 'Contacts';
      card.messageData = { contacts: [{ name: { formatted_name: 'Asha Rao' }, phones: [{ phone: '+919876543210' }] }] };
      const put = await fetch(`${m.url}/__mock/state`, { method: 'PUT', body: JSON.stringify(state), headers: { 'content-type': 'application/json' } });
      expect(put.status).toBe(200);
    });

    it('is counted by the conversation analytics instead of failing them', async () => {
      const r = await m.call<Analytics>('GET', '/analytics/conversations?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z');
      expect(r.status).toBe(200);
      expect(r.body.analytics.messageTypeTrafficDistributionAnalytics).toContainEqual({ type: 'Contacts', sent: 1, received: 0 });
    });

    it('is left out where the API shows messages, since no message schema can show it (the real server shows null)', async () => {
      const shown = before.filter((x) => x.uniqueId !== cardId);
      expect(await threadOf(conv.uniqueId)).toEqual(shown);
      const detail = await m.call<Schemas['GetConversationByIdResponseSchema']>('GET', `/conversation/${conv.uniqueId}`);
      expect(detail.status).toBe(200);
      expect(detail.body.conversation.messages.map((x) => x.uniqueId)).toEqual(shown.map((x) => x.uniqueId));
      expect(detail.body.conversation.totalMessages).toBe(before.length);
      const contact = await m.call<Schemas['GetContactByIdResponseSchema']>('GET', `/contacts/${conv.contactId}`);
      expect(contact.status).toBe(200);
      expect(JSON.stringify(contact.body)).not.toContain(cardId);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { account, logIn, signUp } from '../support/account-flows.js';
import { useMock, type TestMock } from '../support/mock-client.js';
import { AGENT_ACCOUNT } from '../../src/world/demo-accounts.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type ChatMessage = Schemas['AiChatMessageSchema'];

type Line = { type: 'messageDetails'; userMessage: ChatMessage; aiMessage: ChatMessage } | { type: 'text-delta'; content: string } | { type: 'finish'; finishReason: string };

const mock = useMock();

async function chats(token = mock.token): Promise<Array<{ uniqueId: string; title: string }>> {
  const r = await mock.call('GET', '/ai/chats?page=1&per_page=50', { token });
  expect(r.status).toBe(200);
  return r.body.chats;
}

const defaultChat = async (token = mock.token) => (await chats(token)).find((c) => c.title === 'Default Chat')!;

/** Sends a question and parses the NDJSON body the mock answers with. */
async function ask(chatId: string, query: string, token = mock.token): Promise<{ status: number; contentType: string; lines: Line[]; raw: string }> {
  const r = await mock.call('POST', `/ai/chat/${chatId}/messages`, { body: { query }, token });
  const contentType = r.headers.get('content-type') ?? '';
  const raw = r.text;
  const lines = r.status === 200 ? raw.trimEnd().split('\n').map((l) => JSON.parse(l) as Line) : [];
  return { status: r.status, contentType, lines, raw };
}

async function allActiveConversations(): Promise<Array<{ numberOfUnreadMessages: number; assignedTo?: unknown }>> {
  const out = [];
  for (let page = 1; ; page++) {
    const r = await mock.call('GET', `/conversations?page=${page}&per_page=50`);
    out.push(...r.body.conversations);
    if (r.body.conversations.length < 50) return out;
  }
}

describe('AI chats', () => {
  it('every member has a Default Chat; the demo owner also has history with votes', async () => {
    const mine = await chats();
    expect(mine.map((c) => c.title).sort()).toEqual(['Campaign planning', 'Default Chat']);
    const chat = await defaultChat();
    expect((await mock.call('GET', `/ai/chat/${chat.uniqueId}`)).body.chat).toEqual(chat);
    const messages = await mock.call('GET', `/ai/chat/${chat.uniqueId}/messages?page=1&per_page=50`);
    expect(messages.body.messages.map((m: ChatMessage) => m.role)).toEqual(['User', 'Assistant', 'User', 'Assistant']);
    const votes = await mock.call('GET', `/ai/chat/${chat.uniqueId}/vote?page=1&per_page=10`);
    expect(votes.body.votes).toHaveLength(1);
    expect(messages.body.messages.map((m: ChatMessage) => m.uniqueId)).toContain(votes.body.votes[0].messageId);
    const agent = await logIn(mock, AGENT_ACCOUNT.username, AGENT_ACCOUNT.password);
    expect((await chats(agent)).map((c) => c.title)).toEqual(['Default Chat']);
  });

  it('a private chat of another member is invisible (404)', async () => {
    const agent = await logIn(mock, AGENT_ACCOUNT.username, AGENT_ACCOUNT.password);
    const privateChat = (await chats()).find((c) => c.title === 'Campaign planning')!;
    const r = await mock.call('GET', `/ai/chat/${privateChat.uniqueId}`, { token: agent });
    expect([r.status, r.body]).toEqual([404, 'Chat not found']);
  });

  it('streams messageDetails, text deltas and finish as NDJSON, and stores both messages', async () => {
    const chat = await defaultChat();
    const before = (await mock.call('GET', `/ai/chat/${chat.uniqueId}/messages?page=1&per_page=1`)).body.paginationMeta.total as number;
    const { status, contentType, lines } = await ask(chat.uniqueId, 'How many open conversations do we have?');
    expect(status).toBe(200);
    expect(contentType).toBe('application/octet-stream');
    const [first, ...rest] = lines;
    const last = rest.pop();
    expect(first?.type).toBe('messageDetails');
    expect(last).toEqual({ type: 'finish', finishReason: 'done' });
    expect(rest.length).toBeGreaterThan(1);
    expect(rest.every((l) => l.type === 'text-delta')).toBe(true);
    const details = first as Extract<Line, { type: 'messageDetails' }>;
    expect(details.userMessage).toMatchObject({ role: 'User', content: 'How many open conversations do we have?' });
    expect(details.aiMessage.role).toBe('Assistant');
    expect(rest.map((l) => (l as { content: string }).content).join('')).toBe(details.aiMessage.content);

    const page = await mock.call('GET', `/ai/chat/${chat.uniqueId}/messages?page=1&per_page=2`);
    expect(page.body.paginationMeta.total).toBe(before + 2);
    expect(page.body.messages).toEqual([details.userMessage, details.aiMessage]);
  });

  it('answers from the organization\'s real data: the counts match the conversation endpoints', async () => {
    const conversations = await allActiveConversations();
    const open = conversations.length;
    const unread = conversations.reduce((n, c) => n + c.numberOfUnreadMessages, 0);
    const unassigned = conversations.filter((c) => !c.assignedTo).length;
    const { lines } = await ask((await defaultChat()).uniqueId, 'How many conversations are open and unread?');
    const answer = (lines[0] as Extract<Line, { type: 'messageDetails' }>).aiMessage.content;
    expect(answer).toContain(`You have ${open.toLocaleString('en-US')} open conversations`);
    expect(answer).toContain(`${unread.toLocaleString('en-US')} unread messages in total`);
    expect(answer).toContain(`${unassigned.toLocaleString('en-US')} open conversation`);

    // Marking a conversation read changes the next answer.
    const withUnread = (await mock.call('GET', '/conversations?page=1&per_page=50')).body.conversations.find((c: { numberOfUnreadMessages: number }) => c.numberOfUnreadMessages > 0);
    await mock.call('POST', `/conversation/${withUnread.uniqueId}/read`);
    const again = await ask((await defaultChat()).uniqueId, 'How many conversations are open and unread?');
    expect((again.lines[0] as Extract<Line, { type: 'messageDetails' }>).aiMessage.content).toContain(`${(unread - withUnread.numberOfUnreadMessages).toLocaleString('en-US')} unread messages in total`);
  });

  it.each([
    ['running campaigns', 'Which campaigns are running?', (s: TestMock) => [...s.app.mock.store.campaigns.values()].filter((c) => c.organizationId === s.app.mock.world.mainOrganizationId && c.status === 'Running').map((c) => `"${c.name}"`)],
    ['the returns policy from the knowledge base', 'What is the returns policy?', () => ['"Returns and refunds policy"', 'within 30 days']],
    ['the top tags', 'Which tags are most common?', () => ['The most frequent tags on open conversations are']],
  ])('answers about %s', async (_name, query, expected) => {
    const { lines } = await ask((await defaultChat()).uniqueId, query);
    const answer = (lines[0] as Extract<Line, { type: 'messageDetails' }>).aiMessage.content;
    const wanted = expected(mock);
    expect(wanted.length).toBeGreaterThan(0);
    for (const w of wanted) expect(answer).toContain(w);
  });

  it('is deterministic: the same question in a fresh mock gives the same bytes', async () => {
    const first = await ask((await defaultChat()).uniqueId, 'What is the shipping cost?');
    mock.app.mock.reset();
    const second = await ask((await defaultChat()).uniqueId, 'What is the shipping cost?');
    expect(second.raw).toBe(first.raw);
  });

  it.each([
    ['a blank query', { query: '   ' }, 400],
    ['a missing query', {}, 400],
  ])('refuses %s and stores nothing', async (_name, body, status) => {
    const chat = await defaultChat();
    const before = (await mock.call('GET', `/ai/chat/${chat.uniqueId}/messages?page=1&per_page=1`)).body.paginationMeta.total;
    const r = await mock.call('POST', `/ai/chat/${chat.uniqueId}/messages`, { body });
    expect(r.status).toBe(status);
    expect((await mock.call('GET', `/ai/chat/${chat.uniqueId}/messages?page=1&per_page=1`)).body.paginationMeta.total).toBe(before);
  });

  it('refuses to answer when the organization has not enabled AI', async () => {
    const bare = await signUp(mock, account('noai'));
    const orgId = (await mock.call('POST', '/organization', { body: { name: 'No AI Inc' }, token: bare })).body.organization.uniqueId;
    const token = (await mock.call('POST', '/auth/switch', { body: { organizationId: orgId }, token: bare })).body.token;
    const chat = await defaultChat(token);
    const r = await ask(chat.uniqueId, 'hello', token);
    expect(r.status).toBe(400);
    await mock.call('POST', `/organization/${orgId}`, { body: { name: 'No AI Inc', aiConfiguration: { model: 'Mistral', apiKey: 'k' } }, token });
    expect((await ask(chat.uniqueId, 'hello', token)).status).toBe(200);
  });
});

describe('votes', () => {
  it('records one vote per user and answer; voting again replaces it', async () => {
    const chat = await defaultChat();
    const { lines } = await ask(chat.uniqueId, 'Any unread messages?');
    const answerId = (lines[0] as Extract<Line, { type: 'messageDetails' }>).aiMessage.uniqueId;
    const up = await mock.call('POST', `/ai/chat/${chat.uniqueId}/vote`, { body: { messageId: answerId, type: 'Upvote' } });
    expect(up.status).toBe(200);
    expect(up.body.vote).toMatchObject({ messageId: answerId, vote: 'Upvote' });
    const down = await mock.call('POST', `/ai/chat/${chat.uniqueId}/vote`, { body: { messageId: answerId, type: 'Downvote' } });
    expect(down.body.vote).toMatchObject({ uniqueId: up.body.vote.uniqueId, vote: 'Downvote' });
    const votes = (await mock.call('GET', `/ai/chat/${chat.uniqueId}/vote?page=1&per_page=50`)).body.votes.filter((v: { messageId: string }) => v.messageId === answerId);
    expect(votes).toEqual([down.body.vote]);
  });

  it.each([
    ['a question (not an answer)', 'User', 400, 'Only answers of the assistant can be voted on'],
    ['a message of another chat', 'none', 404, 'Message not found'],
  ])('refuses a vote on %s', async (_name, role, status, message) => {
    const chat = await defaultChat();
    const messages = (await mock.call('GET', `/ai/chat/${chat.uniqueId}/messages?page=1&per_page=50`)).body.messages as ChatMessage[];
    const messageId = role === 'User' ? messages.find((m) => m.role === 'User')!.uniqueId : '5f0c1e9a-2b3c-4d5e-8f70-112233445566';
    const r = await mock.call('POST', `/ai/chat/${chat.uniqueId}/vote`, { body: { messageId, type: 'Upvote' } });
    expect([r.status, r.body]).toEqual([status, message]);
  });
});

describe('reply suggestions', () => {
  it('gives 2–3 suggestions addressed to the contact, from the conversation\'s last customer message', async () => {
    const convs = (await mock.call('GET', '/conversations?page=1&per_page=20')).body.conversations as Array<{ uniqueId: string; contact: { name: string } }>;
    for (const c of convs.slice(0, 8)) {
      const r = await mock.call('GET', `/ai/response-suggestions?conversationId=${c.uniqueId}`);
      expect(r.status).toBe(200);
      expect(r.body.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(r.body.suggestions.length).toBeLessThanOrEqual(3);
      expect(new Set(r.body.suggestions).size).toBe(r.body.suggestions.length);
      expect(r.body.suggestions.join(' ')).toContain(c.contact.name.split(' ')[0]);
    }
  });

  it('cites the knowledge base when the customer asks about a policy it covers', async () => {
    const id = (await mock.call('GET', '/conversations?page=1&per_page=1')).body.conversations[0].uniqueId as string;
    // The customer writes in about returns (as an inbound WhatsApp message would arrive).
    const store = mock.app.mock.store;
    const c = store.conversations.get(id)!;
    const template = store.messagesOf(id)[0]!;
    store.appendMessage(c, { ...template, uniqueId: '0d0d0d0d-1111-4222-8333-444444444444', direction: 'InBound', status: 'Sent', createdAt: '2026-11-24T12:00:30.000Z', messageType: 'Text', messageData: { text: 'Can I return the lamp? What is your returns policy?' } } as typeof template);
    const r = await mock.call('GET', `/ai/response-suggestions?conversationId=${id}`);
    expect(r.body.suggestions.some((s: string) => s.includes('30 days'))).toBe(true);
  });

  it.each([
    ['an unknown conversation', '7e57e57e-aaaa-4bbb-8ccc-dddddddddddd', 400, 'conversation not found'],
    ['a malformed id', 'nope', 400, undefined],
  ])('refuses %s', async (_name, id, status, message) => {
    const r = await mock.call('GET', `/ai/response-suggestions?conversationId=${id}`);
    expect(r.status).toBe(status);
    if (message) expect(r.body).toBe(message);
  });
});

describe('segment recommendations', () => {
  it('for a contact: first the lists they are in, then similar lists', async () => {
    const store = mock.app.mock.store;
    const list = [...store.lists.values()].find((l) => l.organizationId === mock.app.mock.world.mainOrganizationId && l.contactIds.length > 0 && l.tagIds.length > 0)!;
    const contactId = list.contactIds[0]!;
    const r = await mock.call('GET', `/ai/segment-recommendations?contactId=${contactId}`);
    expect(r.status).toBe(200);
    const [own] = r.body.recommendations;
    const expected = [...store.lists.values()].filter((l) => l.contactIds.includes(contactId)).map((l) => l.uniqueId).sort();
    expect(own.lists.map((l: { uniqueId: string }) => l.uniqueId).sort()).toEqual(expected);
    const lists = (await mock.call('GET', '/lists?page=1&per_page=50')).body.lists ?? [];
    for (const l of own.lists) {
      const listed = lists.find((x: { uniqueId: string }) => x.uniqueId === l.uniqueId);
      if (listed) expect(l).toEqual(listed);
    }
  });

  it('without a contact: the largest lists and the most used tags', async () => {
    const r = await mock.call('GET', '/ai/segment-recommendations');
    expect(r.body.recommendations.length).toBe(2);
    const sizes = r.body.recommendations[0].lists.map((l: { numberOfContacts: number }) => l.numberOfContacts);
    expect([...sizes].sort((a: number, b: number) => b - a)).toEqual(sizes);
    expect(r.body.recommendations[1].tags.length).toBeGreaterThan(0);
  });

  it('a conversation and a contact that do not match are refused', async () => {
    const [a, b] = (await mock.call('GET', '/conversations?page=1&per_page=2')).body.conversations;
    const r = await mock.call('GET', `/ai/segment-recommendations?conversationId=${a.uniqueId}&contactId=${b.contactId}`);
    expect(r.status).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Schemas = components['schemas'];
type Conv = Schemas['ConversationSchema'];

const mock = useMock();

async function firstPage(query = 'page=1&per_page=50'): Promise<Conv[]> {
  const r = await mock.call<{ conversations: Conv[] }>('GET', `/conversations?${query}`);
  expect(r.status).toBe(200);
  return r.body.conversations;
}

describe('GET /conversations', () => {
  it('pages through Active conversations, newest first, with an exact total', async () => {
    const p1 = await mock.call<{ conversations: Conv[]; paginationMeta: { page: number; per_page: number; total: number } }>('GET', '/conversations?page=1&per_page=20');
    const p2 = await mock.call<{ conversations: Conv[] }>('GET', '/conversations?page=2&per_page=20');
    expect(p1.body.paginationMeta).toMatchObject({ page: 1, per_page: 20 });
    expect(p1.body.paginationMeta.total).toBeGreaterThan(20);
    const all = [...p1.body.conversations, ...p2.body.conversations];
    expect(new Set(all.map((c) => c.uniqueId)).size).toBe(all.length);
    expect(all.every((c) => c.status === 'Active')).toBe(true);
    const times = all.map((c) => c.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const asc = (await firstPage('page=1&per_page=5&order=asc')).map((c) => c.createdAt);
    expect([...asc].sort()).toEqual(asc);
  });

  it.each([
    ['per_page above 50', 'page=1&per_page=51', "query parameter 'per_page' must be at most 50 (got 51)"],
    ['page 0', 'page=0&per_page=10', "query parameter 'page' must be at least 1 (got 0)"],
    ['a missing page', 'per_page=10', "query parameter 'page' is required"],
    ['a non-integer page', 'page=abc&per_page=10', "query parameter 'page' must be an integer (got 'abc')"],
  ])('rejects %s with a 400 naming the parameter', async (_name, query, message) => {
    const r = await mock.call('GET', `/conversations?${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toBe(message);
  });

  // Rules only the spec states (openapi/README.md, "Lenient by default"): the server lists the conversations
  // as if the parameter were absent; the mock does too, and names the violation in its warning header.
  it.each([
    ['an unknown status', 'page=1&per_page=10&status=Resolved', "query parameter 'status' must be one of Active, Closed, Deleted (got 'Resolved')"],
    ['a malformed contact_id', 'page=1&per_page=10&contact_id=42', "query parameter 'contact_id' must be a valid uuid (got '42')"],
  ])('answers %s as the server does, with a warning naming the parameter', async (_name, query, message) => {
    const r = await mock.call<{ conversations: unknown[] }>('GET', `/conversations?${query}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-wapikit-mock-warning')).toContain(message);
    expect(r.body.conversations).toEqual((await mock.call<{ conversations: unknown[] }>('GET', '/conversations?page=1&per_page=10')).body.conversations);
  });

  it('filters by status, contact, campaign and message', async () => {
    const closed = await firstPage('page=1&per_page=50&status=Closed');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((c) => c.status === 'Closed')).toBe(true);

    const some = (await firstPage())[3]!;
    const byContact = await firstPage(`page=1&per_page=50&contact_id=${some.contactId}`);
    expect(byContact.map((c) => c.uniqueId)).toEqual([some.uniqueId]);

    const fromCampaign = (await firstPage()).find((c) => c.campaignId !== '');
    expect(fromCampaign, 'the default world has campaign replies').toBeDefined();
    const byCampaign = await firstPage(`page=1&per_page=50&campaign_id=${fromCampaign!.campaignId}`);
    expect(byCampaign.length).toBeGreaterThan(0);
    expect(byCampaign.every((c) => c.campaignId === fromCampaign!.campaignId)).toBe(true);

    const detail = await mock.call<{ conversation: Conv }>('GET', `/conversation/${some.uniqueId}`);
    const messageId = detail.body.conversation.messages[0]!.uniqueId;
    expect((await firstPage(`page=1&per_page=50&message_id=${messageId}`)).map((c) => c.uniqueId)).toEqual([some.uniqueId]);
  });
});

describe('one conversation, the same everywhere', () => {
  it('agrees on totalMessages and numberOfUnreadMessages across list, detail, thread and /messages', async () => {
    for (const listed of (await firstPage()).slice(0, 10)) {
      const { body } = await mock.call<{ conversation: Conv }>('GET', `/conversation/${listed.uniqueId}`);
      const c = body.conversation;
      expect(c.contactId).toBe(c.contact.uniqueId);
      expect(c.totalMessages).toBe(c.messages.length);
      expect(listed.totalMessages).toBe(c.messages.length);
      const unread = c.messages.filter((m) => m.direction === 'InBound' && m.status === 'Sent').length;
      expect(c.numberOfUnreadMessages).toBe(unread);
      expect(listed.numberOfUnreadMessages).toBe(unread);
      const thread = await mock.call<{ paginationMeta: { total: number } }>('GET', `/conversation/${c.uniqueId}/messages?page=1&per_page=200`);
      expect(thread.body.paginationMeta.total).toBe(c.messages.length);
      const global = await mock.call<{ paginationMeta: { total: number } }>('GET', `/messages?conversation_id=${c.uniqueId}&page=1&per_page=5`);
      expect(global.body.paginationMeta.total).toBe(c.messages.length);
      const unreadGlobal = await mock.call<{ paginationMeta: { total: number } }>('GET', `/messages?conversation_id=${c.uniqueId}&status=unread&page=1&per_page=5`);
      expect(unreadGlobal.body.paginationMeta.total).toBe(unread);
    }
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await mock.call('GET', '/conversation/6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6');
    expect(unknown).toMatchObject({ status: 404, body: 'conversation not found' });
    const malformed = await mock.call('GET', '/conversation/not-a-uuid');
    expect(malformed).toMatchObject({ status: 400, body: "path parameter 'id' must be a valid uuid (got 'not-a-uuid')" });
  });

  it('pages a thread newest first, each page oldest to newest', async () => {
    const c = (await firstPage()).find((x) => (x.totalMessages ?? 0) >= 6)!;
    const all = (await mock.call<{ conversation: Conv }>('GET', `/conversation/${c.uniqueId}`)).body.conversation.messages.map((m) => m.uniqueId);
    const p1 = await mock.call<{ messages: Array<{ uniqueId: string }> }>('GET', `/conversation/${c.uniqueId}/messages?page=1&per_page=3`);
    const p2 = await mock.call<{ messages: Array<{ uniqueId: string }> }>('GET', `/conversation/${c.uniqueId}/messages?page=2&per_page=3`);
    expect(p1.body.messages.map((m) => m.uniqueId)).toEqual(all.slice(-3));
    expect(p2.body.messages.map((m) => m.uniqueId)).toEqual(all.slice(-6, -3));
  });
});

describe('writes', () => {
  it('a sent message is in the thread, counted, first in /messages, and earlier inbound messages become read', async () => {
    const c = (await firstPage()).find((x) => x.numberOfUnreadMessages > 0)!;
    expect(c, 'the test world has an unread conversation').toBeDefined();
    const sent = await mock.call<{ message: { uniqueId: string; direction: string; status: string; messageData: { text: string } } }>('POST', `/conversation/${c.uniqueId}/messages`, {
      body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'Thanks, checking that for you now.' } },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.message).toMatchObject({ direction: 'OutBound', status: 'Sent', messageData: { text: 'Thanks, checking that for you now.' } });
    expect(sent.body.message.uniqueId).toMatch(UUID_V4);
    const after = (await mock.call<{ conversation: Conv }>('GET', `/conversation/${c.uniqueId}`)).body.conversation;
    expect(after.totalMessages).toBe(c.totalMessages! + 1);
    expect(after.messages.at(-1)!.uniqueId).toBe(sent.body.message.uniqueId);
    expect(after.numberOfUnreadMessages).toBe(0);
    const newest = await mock.call<{ messages: Array<{ uniqueId: string }> }>('GET', '/messages?page=1&per_page=1');
    expect(newest.body.messages[0]!.uniqueId).toBe(sent.body.message.uniqueId);
    const listed = (await firstPage(`page=1&per_page=50&contact_id=${c.contactId}`))[0]!;
    expect(listed.totalMessages).toBe(after.totalMessages);
  });

  it('rejects a bad message body with a 400 naming the field, and changes nothing', async () => {
    const c = (await firstPage())[0]!;
    const before = (await mock.call<{ conversation: Conv }>('GET', `/conversation/${c.uniqueId}`)).text;
    const cases: Array<[unknown, string]> = [
      [{ createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text' } }, "request body field 'messageData.text' is required"],
      [{ createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Telegram', text: 'hi' } }, "request body field 'messageData.messageType' must be one of Text, Audio, Video, Image, Document, Sticker, Reaction, Location (got 'Telegram')"],
      [{ messageData: { messageType: 'Text', text: 'hi' } }, "request body field 'createdAt' is required"],
      [{ createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Image', id: '999' } }, `request body field 'messageData.id' must be a media id uploaded to this conversation with POST /conversation/${c.uniqueId}/upload (got '999')`],
      [{ createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Reaction', reaction: '👍', messageId: 'nope' } }, "request body field 'messageData.messageId' must be the uniqueId of a message of this conversation (got 'nope')"],
    ];
    for (const [body, message] of cases) {
      const r = await mock.call('POST', `/conversation/${c.uniqueId}/messages`, { body });
      expect(r, JSON.stringify(body)).toMatchObject({ status: 400, body: message });
    }
    const malformed = await mock.call('POST', `/conversation/${c.uniqueId}/messages`, { rawBody: '{"createdAt":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatch(/^request body is not valid JSON/);
    expect((await mock.call('GET', `/conversation/${c.uniqueId}`)).text).toBe(before);
  });

  it('uploads a file, sends it as an image, and serves the bytes back', async () => {
    const c = (await firstPage())[1]!;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'parcel.png');
    const up = await mock.call<{ mediaId: string; mediaUrl: string }>('POST', `/conversation/${c.uniqueId}/upload`, { rawBody: form });
    expect(up.status).toBe(200);
    expect(up.body.mediaId).toMatch(/^\d{15,16}$/);
    const sent = await mock.call<{ message: { messageData: { id: string; link: string } } }>('POST', `/conversation/${c.uniqueId}/messages`, {
      body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Image', id: up.body.mediaId, caption: 'Your parcel' } },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.message.messageData.link).toBe(up.body.mediaUrl);
    const file = await fetch(up.body.mediaUrl, { headers: { 'x-access-token': mock.token } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(png);
  });

  it('serves the media of generated messages with their real content type', async () => {
    for (const c of await firstPage()) {
      const detail = (await mock.call<{ conversation: Conv }>('GET', `/conversation/${c.uniqueId}`)).body.conversation;
      const link = detail.messages.map((m) => ('link' in m.messageData ? m.messageData.link : undefined)).find((l) => typeof l === 'string');
      if (!link) continue;
      const res = await fetch(link, { headers: { 'x-access-token': mock.token } });
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(20);
      expect(res.headers.get('content-type')).toMatch(/^(image|application\/pdf|audio|video)/);
      return;
    }
    throw new Error('no media message in the first page of conversations');
  });

  it('marks read, assigns, unassigns, changes status and deletes', async () => {
    const [a] = (await firstPage()).filter((x) => x.numberOfUnreadMessages > 0);
    expect(a).toBeDefined();
    expect((await mock.call('POST', `/conversation/${a!.uniqueId}/read`)).body).toEqual({ isRead: true });
    expect((await mock.call<{ conversation: Conv }>('GET', `/conversation/${a!.uniqueId}`)).body.conversation.numberOfUnreadMessages).toBe(0);

    const member = [...mock.app.mock.store.members.values()].find((m) => m.organizationId === mock.app.mock.world.mainOrganizationId && m.accessLevel === 'Member')!;
    expect((await mock.call('POST', `/conversation/${a!.uniqueId}/assign`, { body: { organizationMemberId: member.uniqueId } })).body).toEqual({ data: true });
    expect((await mock.call<{ conversation: Conv }>('GET', `/conversation/${a!.uniqueId}`)).body.conversation.assignedTo?.uniqueId).toBe(member.uniqueId);
    const notMember = await mock.call('POST', `/conversation/${a!.uniqueId}/assign`, { body: { organizationMemberId: '6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6' } });
    expect(notMember).toMatchObject({ status: 404, body: 'organization member not found' });
    await mock.call('POST', `/conversation/${a!.uniqueId}/unassign`, { body: { userId: member.userId } });
    expect((await mock.call<{ conversation: Conv }>('GET', `/conversation/${a!.uniqueId}`)).body.conversation.assignedTo).toBeUndefined();

    const closed = await mock.call<{ conversation: Conv }>('POST', `/conversation/${a!.uniqueId}`, { body: { status: 'Closed' } });
    expect(closed.body.conversation.status).toBe('Closed');
    expect((await firstPage()).some((x) => x.uniqueId === a!.uniqueId)).toBe(false);
    expect((await firstPage('page=1&per_page=50&status=Closed')).some((x) => x.uniqueId === a!.uniqueId)).toBe(true);

    expect((await mock.call('DELETE', `/conversation/${a!.uniqueId}`)).body).toEqual({ data: true });
    expect(await mock.call('GET', `/conversation/${a!.uniqueId}`)).toMatchObject({ status: 404, body: 'conversation not found' });
    expect((await mock.call<{ paginationMeta: { total: number } }>('GET', `/messages?conversation_id=${a!.uniqueId}&page=1&per_page=5`)).body.paginationMeta.total).toBe(0);
  });

  it('starts a conversation with a contact that has none open', async () => {
    const store = mock.app.mock.store;
    const contact = [...store.contacts.values()].find((k) => k.organizationId === mock.app.mock.world.mainOrganizationId && store.conversationsOfContact(k.uniqueId).length === 0)!;
    const r = await mock.call<{ conversation: Conv }>('POST', '/conversations', { body: { contactId: contact.uniqueId, initialMessage: { messageType: 'Text', text: 'Hello from the team!' } } });
    expect(r.status).toBe(200);
    expect(r.body.conversation).toMatchObject({ contactId: contact.uniqueId, status: 'Active', totalMessages: 1, numberOfUnreadMessages: 0 });
    const again = await mock.call('POST', '/conversations', { body: { contactId: contact.uniqueId } });
    expect(again.status).toBe(400);
    expect(again.body).toMatch(/already has an active conversation/);
  });
});

describe('summary', () => {
  it('is built from the thread and repeatable', async () => {
    const c = (await firstPage()).find((x) => (x.totalMessages ?? 0) >= 4)!;
    const a = await mock.call<{ summary: string; messageCount: number; openQuestions: string[] }>('GET', `/conversation/${c.uniqueId}/generate-summary`);
    const b = await mock.call('GET', `/conversation/${c.uniqueId}/generate-summary`);
    expect(a.text).toBe(b.text);
    expect(a.body.summary).toContain(c.contact.name);
    expect(a.body.messageCount).toBe(c.totalMessages);
    if (c.numberOfUnreadMessages > 0) expect(a.body.openQuestions.length).toBeGreaterThan(0);
  });
});

import { decode } from '@msgpack/msgpack';
import { beforeEach, describe, expect, it } from 'vitest';
import { frameOf, isFor } from '../../src/handlers/event-stream.js';
import type { LiveEvent } from '../../src/store/events.js';
import { useMock } from '../support/mock-client.js';
import { connectEvents, type EventStream } from '../support/sse-client.js';
import { AGENT_ACCOUNT } from '../../src/world/demo-accounts.js';

// A fresh world (and so a fresh event hub, with no connection of an earlier test still closing) for each test.
const mock = useMock();
let agentToken: string;
beforeEach(async () => {
  const login = await mock.call<{ token: string }>('POST', '/auth/login', { body: { username: AGENT_ACCOUNT.username, password: AGENT_ACCOUNT.password }, token: null });
  expect(login.status).toBe(200);
  agentToken = login.body.token;
});

/** An untagged event every connection receives: what arrives before it is all that was meant for the connection. */
function marker(n: number): void {
  mock.app.mock.store.events.publish({ type: 'CampaignProgress', data: { campaignId: `marker-${n}`, messagesSent: n, messagesErrored: 0, status: 'Running' } });
}

async function withStreams<T>(tokens: string[], body: (streams: EventStream[]) => Promise<T>): Promise<T> {
  const streams = await Promise.all(tokens.map((t) => connectEvents(mock.url, t)));
  try {
    for (const s of streams) expect(await s.next()).toEqual({ event: 'connected', data: 'OK' });
    return await body(streams);
  } finally {
    for (const s of streams) s.close();
  }
}

describe('GET /events', () => {
  it('answers text/event-stream and starts with the connected frame', async () => {
    await withStreams([mock.token], async ([s]) => {
      expect(s!.res.status).toBe(200);
      expect(s!.res.headers.get('content-type')).toBe('text/event-stream');
      expect(s!.res.headers.get('cache-control')).toBe('no-store');
    });
  });

  it('delivers a NewMessage whose message is the one the API answered', async () => {
    await withStreams([mock.token], async ([s]) => {
      const c = (await mock.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1')).body.conversations[0]!;
      const sent = await mock.call<{ message: Record<string, unknown> }>('POST', `/conversation/${c.uniqueId}/messages`, {
        body: { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Text', text: 'Your order ships today.' } },
      });
      expect(sent.status).toBe(200);
      const { event, payload } = await s!.nextPayload();
      expect(event).toBe('NewMessage');
      expect(payload.message).toEqual(sent.body.message);
      expect(payload.conversation).toMatchObject({ uniqueId: c.uniqueId, totalMessages: expect.any(Number) });
    });
  });

  it('makes media links absolute under each listener\'s own origin and base path', async () => {
    const port = new URL(mock.url).port;
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const streams = await Promise.all(hosts.map((host) => connectEvents(mock.url, mock.token, { host })));
    try {
      for (const s of streams) expect(await s.next()).toEqual({ event: 'connected', data: 'OK' });
      const c = (await mock.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1')).body.conversations[0]!;
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' }), 'parcel.png');
      const up = await mock.call<{ mediaId: string; mediaUrl: string }>('POST', `/conversation/${c.uniqueId}/upload`, { rawBody: form });
      expect(up.status).toBe(200);
      const sent = await mock.call<{ message: { messageData: { link: string } } }>('POST', `/conversation/${c.uniqueId}/messages`, {
        body: { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Image', id: up.body.mediaId } },
      });
      expect(sent.status).toBe(200);
      const path = `/api/conversation/${c.uniqueId}/media/${up.body.mediaId}`;
      expect(sent.body.message.messageData.link).toBe(`http://127.0.0.1:${port}${path}`);
      for (const [i, s] of streams.entries()) {
        const { event, payload } = await s.nextPayload();
        expect(event).toBe('NewMessage');
        expect((payload.message as { messageData: { link: string } }).messageData.link).toBe(`http://${hosts[i]}${path}`);
      }
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('routes as the server does: organization-wide, to one user, or to everybody', async () => {
    const store = mock.app.mock.store;
    const org = mock.app.mock.world.mainOrganizationId;
    const agent = [...store.users.values()].find((u) => u.username === 'agent')!;
    const agentMember = store.memberOf(agent.uniqueId, org)!;
    const other = [...store.organizations.values()].find((o) => o.uniqueId !== org)!;
    await withStreams([mock.token, agentToken], async ([demo, agentStream]) => {
      const c = (await mock.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=2')).body.conversations[1]!;
      // To the assignee only.
      expect((await mock.call('POST', `/conversation/${c.uniqueId}/assign`, { body: { organizationMemberId: agentMember.uniqueId } })).status).toBe(200);
      // To another organization: nobody here.
      store.events.publish({ type: 'NewConversation', organizationId: other.uniqueId, data: { conversation: { uniqueId: 'elsewhere' } } });
      marker(1);
      expect(await agentStream!.nextPayload()).toEqual({ event: 'ChatAssignment', payload: { conversationId: c.uniqueId } });
      expect(await agentStream!.nextPayload()).toMatchObject({ event: 'CampaignProgress', payload: { campaignId: 'marker-1' } });
      expect(await demo!.nextPayload()).toMatchObject({ event: 'CampaignProgress', payload: { campaignId: 'marker-1' } });
    });
  });

  it('encodes numbers as floats, as the Go server does after its JSON round-trip', () => {
    const frame = frameOf({ type: 'CampaignProgress', data: { campaignId: 'x', messagesSent: 3, messagesErrored: 0, status: 'Running' } }, 'http://mock.test/api');
    const [head, data] = frame.split('\n');
    expect(head).toBe('event: CampaignProgress');
    expect(frame.endsWith('\n\n')).toBe(true);
    const bytes = Buffer.from(data!.slice('data: '.length), 'base64');
    expect(decode(bytes)).toEqual({ campaignId: 'x', messagesSent: 3, messagesErrored: 0, status: 'Running' });
    expect(bytes.includes(0xcb)).toBe(true); // float 64
  });

  it.each<[string, boolean, LiveEvent]>([
    ['an untagged event', true, { type: 'CampaignProgress', data: {} }],
    ['an event of the organization', true, { type: 'NewMessage', organizationId: 'org-a', data: {} }],
    ['an event of another organization', false, { type: 'NewMessage', organizationId: 'org-b', data: {} }],
    ['an event for the user', true, { type: 'ChatAssignment', organizationId: 'org-a', userId: 'user-a', data: {} }],
    ['an event for another user', false, { type: 'ChatAssignment', organizationId: 'org-a', userId: 'user-b', data: {} }],
  ])('a connection of user-a in org-a gets %s: %s', (_name, delivered, event) => {
    expect(isFor(event, { organizationId: 'org-a', userId: 'user-a' })).toBe(delivered);
  });

  it('refuses a bad token with the SSE error frame', async () => {
    for (const token of ['not-a-jwt', '']) {
      const res = await fetch(`${mock.url}/api/events?token=${token}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      expect(await res.text()).toBe('event: error\ndata: Authorization failed\n\n');
    }
  });

  it('unsubscribes when the client goes away', async () => {
    const hub = mock.app.mock.store.events;
    const before = hub.size;
    const s = await connectEvents(mock.url, mock.token);
    await s.next();
    expect(hub.size).toBe(before + 1);
    s.close();
    for (let i = 0; i < 100 && hub.size > before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(hub.size).toBe(before);
  });
});

/**
 * An open event stream follows its token's access: when the member is removed, the organization or the user
 * goes, or the token expires, the stream ends with the `Authorization failed` error frame, and nothing
 * published afterwards reaches it.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { useMock } from '../support/mock-client.js';
import { connectEvents, type EventStream, type Frame } from '../support/sse-client.js';
import { AGENT_ACCOUNT } from '../../src/world/demo-accounts.js';

const mock = useMock();

const CONNECTED: Frame = { event: 'connected', data: 'OK' };
const REVOKED: Frame = { event: 'error', data: 'Authorization failed' };

async function login(username: string, password: string): Promise<string> {
  const res = await mock.call<{ token: string }>('POST', '/auth/login', { body: { username, password }, token: null });
  expect(res.status).toBe(200);
  return res.body.token;
}

async function open(token: string): Promise<EventStream> {
  const s = await connectEvents(mock.url, token);
  expect(s.res.status).toBe(200);
  expect(await s.next()).toEqual(CONNECTED);
  return s;
}

async function firstConversation(): Promise<string> {
  return (await mock.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1')).body.conversations[0]!.uniqueId;
}

/** Sends a text through the API as the demo owner: a write that publishes a NewMessage to the organization. */
async function sendText(conversationId: string, text: string): Promise<void> {
  const res = await mock.call('POST', `/conversation/${conversationId}/messages`, {
    body: { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Text', text } },
  });
  expect(res.status).toBe(200);
}

describe('an open event stream loses access with its token', () => {
  it('a member removed from the organization: the stream ends at once, and later messages do not reach it', async () => {
    const agentToken = await login(AGENT_ACCOUNT.username, AGENT_ACCOUNT.password);
    const store = mock.app.mock.store;
    const agent = [...store.users.values()].find((u) => u.username === 'agent')!;
    const member = store.memberOf(agent.uniqueId, mock.app.mock.world.mainOrganizationId)!;
    const removed = await open(agentToken);
    const owner = await open(mock.token);
    try {
      expect((await mock.call('DELETE', `/organization/members/${member.uniqueId}`)).status).toBe(200);
      // Nothing else has been published: the removal alone ends the stream.
      expect(await removed.rest()).toEqual([REVOKED]);
      expect((await mock.call('GET', '/user', { token: agentToken })).status).toBe(401);

      await sendText(await firstConversation(), 'After the removal: not for the removed member.');
      expect((await owner.next()).event).toBe('NewMessage');
      expect(store.events.size).toBe(1);
    } finally {
      removed.close();
      owner.close();
    }
  });

  it.each<[string, (store: Store, userId: string, organizationId: string) => void]>([
    ['the user is suspended', (store, userId) => { store.users.get(userId)!.status = 'Suspended'; }],
    ['the user is deleted', (store, userId) => { store.users.delete(userId); }],
    ['the organization is deleted', (store, _userId, organizationId) => { store.organizations.delete(organizationId); }],
  ])('%s: the next event is not delivered and the stream ends; REST calls get 401', async (_name, change) => {
    const agentToken = await login(AGENT_ACCOUNT.username, AGENT_ACCOUNT.password);
    const store = mock.app.mock.store;
    const org = mock.app.mock.world.mainOrganizationId;
    const agent = [...store.users.values()].find((u) => u.username === 'agent')!;
    const s = await open(agentToken);
    try {
      // A change made without going through the domain (no access notification): the stream must still not
      // deliver anything once the token no longer resolves.
      change(store, agent.uniqueId, org);
      store.events.publish({ type: 'NewMessage', organizationId: org, data: { message: { text: 'secret' } } });
      expect(await s.rest()).toEqual([REVOKED]);
      expect((await mock.call('GET', '/user', { token: agentToken })).status).toBe(401);
    } finally {
      s.close();
    }
  });

  it('a token that expires: the stream ends once the mock\'s clock passes its exp, and REST calls get 401', async () => {
    const world = mock.app.mock.world;
    // Valid for 4 seconds of the mock's clock; the test clock moves one second per reading (each write reads it).
    const short = await mock.app.mock.tokens.sign(world.demoUserId, world.mainOrganizationId, 4);
    const exp = (JSON.parse(Buffer.from(short.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp;
    const s = await open(short);
    expect((await mock.call('GET', '/user', { token: short })).status).toBe(200);
    try {
      const conversation = await firstConversation();
      const sentAt: number[] = [];
      for (let i = 0; i < 8; i++) {
        await sendText(conversation, `message ${i}`);
        sentAt.push(Math.floor(mock.app.mock.store.peekNow().getTime() / 1000));
      }
      const frames = await s.rest();
      expect(frames.at(-1)).toEqual(REVOKED);
      // Exactly the messages sent while the token was valid arrived; none after its exp.
      expect(frames.filter((f) => f.event === 'NewMessage')).toHaveLength(sentAt.filter((t) => t < exp).length);
      expect(sentAt.filter((t) => t < exp).length).toBeLessThan(sentAt.length);
      expect((await mock.call('GET', '/user', { token: short })).status).toBe(401);
    } finally {
      s.close();
    }
  });

  it('a token that expires while nothing is published: the stream still ends', async () => {
    const world = mock.app.mock.world;
    const short = await mock.app.mock.tokens.sign(world.demoUserId, world.mainOrganizationId, 2);
    const s = await open(short);
    try {
      // Writes that publish no event, moving the mock's clock past the token's exp.
      for (let i = 0; i < 4; i++) expect((await mock.call('POST', '/organization/tags', { body: { label: `expiry-${i}` } })).status).toBe(200);
      expect(await s.rest(3000)).toEqual([REVOKED]);
    } finally {
      s.close();
    }
  });
});

describe('the token rule open streams share with REST calls', () => {
  it('a token stops working at its exp by the mock\'s clock, even after it was accepted once', async () => {
    const world = mock.app.mock.world;
    const short = await mock.app.mock.tokens.sign(world.demoUserId, world.mainOrganizationId, 2);
    expect((await mock.call('GET', '/user', { token: short })).status).toBe(200);
    mock.app.mock.store.clock(); // each reading of the test clock is one second later
    mock.app.mock.store.clock();
    const res = await mock.call('GET', '/user', { token: short });
    expect(res.status).toBe(401);
    expect(res.body).toBe('Unauthorized access');
  });
});

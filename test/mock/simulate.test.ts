import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOf, stopCampaignRunner } from '../../src/domain/campaign-runner.js';
import { ManualScheduler } from '../../src/domain/scheduler.js';
import { start } from '../../src/domain/simulate.js';
import type { LiveEvent } from '../../src/store/events.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type Conv = Schemas['ConversationSchema'];
type Payload = { conversation: Conv; message?: Conv['messages'][number] };

/** Runs the simulation on virtual time for `ms` and returns what it published. */
function simulate(mock: TestMock, ms: number, intervalMs = 1000) {
  const clock = new ManualScheduler();
  const events: LiveEvent[] = [];
  const unsubscribe = mock.app.mock.store.events.subscribe((e) => events.push(e));
  const stop = start(mock.app.mock.store, { seed: 7, simulateIntervalMs: intervalMs }, clock);
  clock.advance(ms);
  return { clock, events, stop, unsubscribe };
}

describe('--simulate on virtual time', () => {
  let mock: TestMock;
  let run: ReturnType<typeof simulate>;
  beforeAll(async () => {
    mock = await startMock();
    run = simulate(mock, 60_000);
  });
  afterAll(async () => {
    run.unsubscribe();
    await mock.close();
  });

  it('customers write in at about the configured interval', () => {
    const customerMessages = run.events.filter((e) => e.type === 'NewMessage' && (e.data as Payload).conversation.campaignId === '');
    // One message every 0.5–1.5 s over a minute (campaign replies aside).
    expect(customerMessages.length).toBeGreaterThanOrEqual(40);
    expect(customerMessages.length).toBeLessThanOrEqual(120);
  });

  it('every message is an unread InBound text, and every conversation it touches agrees with the API', async () => {
    const touched = new Set<string>();
    for (const e of run.events.filter((x) => x.type === 'NewMessage')) {
      const { conversation, message } = e.data as Payload;
      expect(message).toMatchObject({ direction: 'InBound', status: 'Sent', messageType: 'Text', conversationId: conversation.uniqueId });
      const text = message?.messageType === 'Text' ? message.messageData.text : '';
      expect(text.length).toBeGreaterThan(3);
      touched.add(conversation.uniqueId);
    }
    expect(touched.size).toBeGreaterThan(5);
    const store = mock.app.mock.store;
    const ours = [...touched].filter((id) => store.conversations.get(id)?.organizationId === mock.app.mock.world.mainOrganizationId);
    // The demo token sees the main organization; the smaller ones hear from their customers too.
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.length).toBeLessThan(touched.size);
    for (const id of ours) {
      const c = (await mock.call<{ conversation: Conv }>('GET', `/conversation/${id}`)).body.conversation;
      expect(c.totalMessages).toBe(c.messages.length);
      expect(c.numberOfUnreadMessages).toBe(c.messages.filter((m) => m.direction === 'InBound' && m.status === 'Sent').length);
      expect(c.numberOfUnreadMessages).toBeGreaterThan(0);
      const listed = (await mock.call<{ conversations: Conv[] }>('GET', `/conversations?page=1&per_page=50&contact_id=${c.contactId}`)).body.conversations.find((x) => x.uniqueId === id)!;
      expect(listed.totalMessages).toBe(c.totalMessages);
    }
  });

  it('sometimes opens a conversation, for a contact who had none open, announced before its first message', async () => {
    const opened = run.events.flatMap((e, i) => (e.type === 'NewConversation' ? [[e, i] as const] : []));
    expect(opened.length).toBeGreaterThan(0);
    for (const [e, i] of opened) {
      const c = (e.data as Payload).conversation;
      expect(mock.app.mock.store.conversationsOfContact(c.contactId).filter((id) => mock.app.mock.store.conversations.get(id)?.status === 'Active')).toEqual([c.uniqueId]);
      expect(c.initiatedBy).toBe(c.campaignId === '' ? 'Contact' : 'Campaign');
      expect(c.status).toBe('Active');
      const following = run.events[i + 1]!;
      expect(following.type).toBe('NewMessage');
      expect((following.data as Payload).conversation.uniqueId).toBe(c.uniqueId);
      if (c.organizationId !== mock.app.mock.world.mainOrganizationId) continue;
      const active = (await mock.call<{ conversations: Conv[] }>('GET', `/conversations?page=1&per_page=50&contact_id=${c.contactId}`)).body.conversations;
      expect(active.map((x) => x.uniqueId)).toEqual([c.uniqueId]);
    }
  });

  it('keeps the world’s running campaigns sending', () => {
    const store = mock.app.mock.store;
    const running = [...store.campaigns.values()].filter((k) => store.world.campaigns.some((w) => w.uniqueId === k.uniqueId && w.status === 'Running'));
    expect(running.length).toBeGreaterThan(0);
    // A minute is enough to reach every contact: each one is Finished, having tried its whole audience once.
    for (const k of running) {
      expect(k.status).toBe('Finished');
      expect(k.messagesSent + k.messagesErrored).toBe(audienceOf(store, k).length);
    }
    expect(running.some((k) => k.messagesSent + k.messagesErrored > store.world.campaigns.find((w) => w.uniqueId === k.uniqueId)!.messagesSent + store.world.campaigns.find((w) => w.uniqueId === k.uniqueId)!.messagesErrored)).toBe(true);
    expect(run.events.some((e) => e.type === 'CampaignProgress')).toBe(true);
  });

  it('stops: nothing more happens after stop()', () => {
    run.stop();
    stopCampaignRunner(mock.app.mock.store);
    const count = run.events.length;
    run.clock.advance(120_000);
    expect(run.events.length).toBe(count);
    expect(run.clock.pending).toBe(0);
  });
});

describe('--simulate is repeatable', () => {
  it('the same seed and the same time give the same events', async () => {
    const once = async () => {
      const mock = await startMock();
      try {
        const run = simulate(mock, 20_000);
        run.stop();
        return JSON.stringify(run.events);
      } finally {
        await mock.close();
      }
    };
    const a = await once();
    expect(a.length).toBeGreaterThan(1000);
    expect(await once()).toBe(a);
  });
});

describe('--simulate on real timers', () => {
  let mock: TestMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('writes in on its own with unref’d timers, and stop() ends it', async () => {
    const store = mock.app.mock.store;
    const events: LiveEvent[] = [];
    store.events.subscribe((e) => events.push(e));
    const stop = start(store, { seed: 7, simulateIntervalMs: 20 });
    try {
      for (let i = 0; i < 100 && events.filter((e) => e.type === 'NewMessage').length < 3; i++) await new Promise((r) => setTimeout(r, 20));
      expect(events.filter((e) => e.type === 'NewMessage').length).toBeGreaterThanOrEqual(3);
    } finally {
      stop();
      stopCampaignRunner(store);
    }
    const count = events.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(events.length).toBe(count);
  });
});

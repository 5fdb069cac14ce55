import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type Conv = Schemas['ConversationSchema'];
type Msg = Schemas['MessageSchema'];
type Aggregate = Schemas['AggregateAnalyticsSchema'];
type CampaignAnalytics = Schemas['CampaignAnalyticsResponseSchema'];

const mock = useMock();

async function everything<T>(path: string, key: string, perPage = 50): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const r = await mock.call<Record<string, unknown> & { paginationMeta: { total: number } }>('GET', `${path}${path.includes('?') ? '&' : '?'}page=${page}&per_page=${perPage}`);
    expect(r.status).toBe(200);
    const items = r.body[key] as T[];
    out.push(...items);
    if (out.length >= r.body.paginationMeta.total || items.length === 0) return out;
  }
}

/** Everything the list endpoints show, read the way a client would. */
async function listed() {
  const conversations: Conv[] = [];
  for (const status of ['Active', 'Closed', 'Deleted']) conversations.push(...(await everything<Conv>(`/conversations?status=${status}`, 'conversations')));
  return {
    conversations,
    contacts: await everything<{ status: string; createdAt: string }>('/contacts', 'contacts'),
    campaigns: await everything<{ uniqueId: string; status: string; createdAt: string }>('/campaigns', 'campaigns', 500),
    messages: await everything<Msg>('/messages', 'messages', 100_000),
  };
}

const PERIODS: Array<[string, string, string]> = [
  ['all time', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'],
  ['the last 30 days', '2026-10-25T12:00:00Z', '2026-11-24T12:00:00Z'],
  ['the last day', '2026-11-23T12:00:00Z', '2026-11-24T12:00:00Z'],
  ['a week in September', '2026-09-01T00:00:00Z', '2026-09-08T00:00:00Z'],
];

async function aggregate(from: string, to: string): Promise<Aggregate> {
  const r = await mock.call<{ aggregateAnalytics: Aggregate }>('GET', `/analytics/aggregate-counts?from=${from}&to=${to}`);
  expect(r.status).toBe(200);
  return r.body.aggregateAnalytics;
}

function expectedCounts(data: Awaited<ReturnType<typeof listed>>, from: string, to: string): Aggregate {
  const inside = (iso: string) => Date.parse(iso) >= Date.parse(from) && Date.parse(iso) <= Date.parse(to);
  const convs = data.conversations.filter((c) => inside(c.createdAt));
  const msgs = data.messages.filter((m) => inside(m.createdAt));
  const camps = data.campaigns.filter((k) => inside(k.createdAt));
  const contacts = data.contacts.filter((c) => inside(c.createdAt));
  const status = (s: string) => msgs.filter((m) => m.status === s).length;
  const campaigns = (s: string) => camps.filter((k) => k.status === s).length;
  return {
    messageStats: {
      totalMessages: msgs.length,
      messagesSent: status('Sent'),
      messagesFailed: status('Failed'),
      messagesDelivered: status('Delivered'),
      messagesUndelivered: status('UnDelivered'),
      messagesRead: status('Read'),
      messagesUnread: msgs.filter((m) => m.status === 'Sent' && m.direction === 'InBound').length,
    },
    conversationStats: {
      totalConversations: convs.length,
      conversationsActive: convs.filter((c) => c.status === 'Active').length,
      conversationsClosed: convs.filter((c) => c.status === 'Closed').length,
      conversationsPending: convs.filter((c) => c.status === 'Active' && c.numberOfUnreadMessages > 0).length,
    },
    campaignStats: {
      totalCampaigns: camps.length,
      campaignsDraft: campaigns('Draft'),
      campaignsScheduled: campaigns('Scheduled'),
      campaignsRunning: campaigns('Running'),
      campaignsPaused: campaigns('Paused'),
      campaignsCancelled: campaigns('Cancelled'),
      campaignsFinished: campaigns('Finished'),
    },
    contactStats: {
      totalContacts: contacts.length,
      contactsActive: contacts.filter((c) => c.status === 'Active').length,
      contactsBlocked: contacts.filter((c) => c.status === 'Blocked').length,
    },
  };
}

describe('GET /analytics/aggregate-counts', () => {
  it.each(PERIODS)('equals what the list endpoints show for %s', async (_name, from, to) => {
    const data = await listed();
    const expected = expectedCounts(data, from, to);
    expect(await aggregate(from, to)).toEqual(expected);
  });

  it('over all time, equals the list endpoints’ paginationMeta totals', async () => {
    const a = await aggregate(PERIODS[0]![1], PERIODS[0]![2]);
    const total = async (path: string) => (await mock.call<{ paginationMeta: { total: number } }>('GET', `${path}${path.includes('?') ? '&' : '?'}page=1&per_page=1`)).body.paginationMeta.total;
    expect(a.contactStats.totalContacts).toBe(await total('/contacts'));
    expect(a.contactStats.contactsBlocked).toBe(await total('/contacts?status=Blocked'));
    expect(a.campaignStats.totalCampaigns).toBe(await total('/campaigns'));
    expect(a.campaignStats.campaignsFinished).toBe(await total('/campaigns?status=Finished'));
    expect(a.conversationStats.conversationsActive).toBe(await total('/conversations'));
    expect(a.conversationStats.conversationsClosed).toBe(await total('/conversations?status=Closed'));
    expect(a.conversationStats.totalConversations).toBe((await total('/conversations')) + (await total('/conversations?status=Closed')) + (await total('/conversations?status=Deleted')));
    expect(a.messageStats.totalMessages).toBe(await total('/messages'));
    expect(a.messageStats.messagesRead).toBe(await total('/messages?status=read'));
    expect(a.messageStats.messagesUnread).toBe(await total('/messages?status=unread'));
    expect(a.messageStats.messagesSent).toBe(await total('/messages?status=sent'));
    expect(a.messageStats.messagesFailed).toBe(await total('/messages?status=failed'));
    expect(a.messageStats.totalMessages).toBeGreaterThan(100);
  });

  it('follows writes: a new contact, a sent message, a read conversation', async () => {
    const [from, to] = ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'];
    const before = await aggregate(from, to);
    await mock.call('POST', '/contacts', { body: [{ name: 'New', phone: '+14155550188', status: 'Blocked', attributes: {}, listsIds: [] }] });
    const unread = (await everything<Conv>('/conversations', 'conversations')).find((c) => c.numberOfUnreadMessages > 0)!;
    await mock.call('POST', `/conversation/${unread.uniqueId}/messages`, { body: { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Text', text: 'On it!' } } });
    const after = await aggregate(from, to);
    expect(after.contactStats).toEqual({ ...before.contactStats, totalContacts: before.contactStats.totalContacts! + 1, contactsBlocked: before.contactStats.contactsBlocked! + 1 });
    expect(after.messageStats.totalMessages).toBe(before.messageStats.totalMessages! + 1);
    // Replying reads the thread: its unread messages become Read, and the conversation is no longer pending.
    expect(after.messageStats.messagesUnread).toBe(before.messageStats.messagesUnread! - unread.numberOfUnreadMessages);
    expect(after.messageStats.messagesRead).toBe(before.messageStats.messagesRead! + unread.numberOfUnreadMessages);
    expect(after.conversationStats.conversationsPending).toBe(before.conversationStats.conversationsPending! - 1);
    expect(after).toEqual(expectedCounts(await listed(), from, to));
  });

  it.each([
    ['from after to', 'from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', 'Invalid date range'],
    ['a missing to', 'from=2026-11-01T00:00:00Z', "query parameter 'to' is required"],
    ['a malformed from', 'from=yesterday&to=2026-11-01T00:00:00Z', "query parameter 'from' must be a valid date-time (got 'yesterday')"],
  ])('rejects %s', async (_name, query, message) => {
    expect(await mock.call('GET', `/analytics/aggregate-counts?${query}`)).toMatchObject({ status: 400, body: message });
    expect(await mock.call('GET', `/analytics/campaigns?${query}`)).toMatchObject({ status: 400, body: message });
  });
});

describe('campaign analytics', () => {
  it('each campaign: its counters, its linked conversations, and the same object as the campaign’s stats', async () => {
    const campaigns = await everything<{ uniqueId: string; status: string }>('/campaigns', 'campaigns', 500);
    const store = mock.app.mock.store;
    for (const { uniqueId, status } of campaigns) {
      const r = await mock.call<CampaignAnalytics>('GET', `/analytics/campaign/${uniqueId}`);
      expect(r.status).toBe(200);
      const k = store.campaigns.get(uniqueId)!;
      expect(r.body).toMatchObject({ messagesSent: k.messagesSent, messagesFailed: k.messagesErrored, messagesDelivered: k.messagesDelivered, messagesRead: k.messagesRead, totalMessages: k.messagesSent + k.messagesErrored });
      let linked = 0;
      for (const s of ['Active', 'Closed', 'Deleted']) {
        linked += (await mock.call<{ paginationMeta: { total: number } }>('GET', `/conversations?page=1&per_page=1&status=${s}&campaign_id=${uniqueId}`)).body.paginationMeta.total;
      }
      expect(r.body.conversationInitiated).toBe(linked);
      expect(r.body.openRate).toBe(k.messagesSent === 0 ? 0 : Math.round((10000 * k.messagesRead) / k.messagesSent) / 100);
      expect(r.body.messageAnalytics.reduce((n, p) => n + p.sent, 0)).toBe(k.messagesSent);
      expect(r.body.messageAnalytics.reduce((n, p) => n + p.replied, 0)).toBe(linked);
      if (status === 'Draft') expect(r.body.totalMessages).toBe(0);
      const detail = await mock.call<{ campaign: { stats: CampaignAnalytics } }>('GET', `/campaigns/${uniqueId}`);
      expect(detail.body.campaign.stats).toEqual(r.body);
    }
  });

  it('over all time, the overview is the sum of the campaigns', async () => {
    const campaigns = await everything<{ uniqueId: string }>('/campaigns', 'campaigns', 500);
    const each = await Promise.all(campaigns.map(async (k) => (await mock.call<CampaignAnalytics>('GET', `/analytics/campaign/${k.uniqueId}`)).body));
    const all = (await mock.call<{ analytics: CampaignAnalytics }>('GET', '/analytics/campaigns?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z')).body.analytics;
    for (const key of ['messagesSent', 'messagesFailed', 'messagesDelivered', 'messagesRead', 'totalMessages', 'conversationInitiated'] as const) {
      expect(all[key], key).toBe(each.reduce((n, a) => n + a[key], 0));
    }
    expect(all.messagesSent).toBeGreaterThan(0);
  });

  it('a period holds only what happened in it', async () => {
    const all = (await mock.call<{ analytics: CampaignAnalytics }>('GET', '/analytics/campaigns?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z')).body.analytics;
    const split = '2026-10-01T00:00:00.000Z';
    const before = (await mock.call<{ analytics: CampaignAnalytics }>('GET', `/analytics/campaigns?from=2000-01-01T00:00:00Z&to=2026-09-30T23:59:59.999Z`)).body.analytics;
    const after = (await mock.call<{ analytics: CampaignAnalytics }>('GET', `/analytics/campaigns?from=${split}&to=2100-01-01T00:00:00Z`)).body.analytics;
    expect(before.messagesSent + after.messagesSent).toBe(all.messagesSent);
    expect(before.conversationInitiated + after.conversationInitiated).toBe(all.conversationInitiated);
    expect(after.messageAnalytics.every((p) => p.date >= split)).toBe(true);
    expect(before.messageAnalytics.every((p) => p.date < split)).toBe(true);
  });

  it('answers 404 for an unknown campaign', async () => {
    expect(await mock.call('GET', '/analytics/campaign/6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6')).toMatchObject({ status: 404, body: 'Campaign not found' });
  });
});

describe('GET /analytics/conversations', () => {
  it.each(PERIODS)('agrees with the dashboard and the message list for %s', async (_name, from, to) => {
    const r = await mock.call<{ analytics: Record<string, unknown> & { messageTypeTrafficDistributionAnalytics: Array<{ type: string; sent: number; received: number }>; conversationsAnalytics: Array<{ numberOfNewConversationOpened: number }> } }>(
      'GET',
      `/analytics/conversations?from=${from}&to=${to}`,
    );
    expect(r.status).toBe(200);
    const a = r.body.analytics;
    const dash = await aggregate(from, to);
    expect(a).toMatchObject(dash.conversationStats);
    const data = await listed();
    const inside = (iso: string) => Date.parse(iso) >= Date.parse(from) && Date.parse(iso) <= Date.parse(to);
    const msgs = data.messages.filter((m) => inside(m.createdAt));
    const inbound = msgs.filter((m) => m.direction === 'InBound').length;
    const outbound = msgs.length - inbound;
    expect(a.inboundToOutboundRatio).toBe(outbound === 0 ? 0 : Math.round((100 * inbound) / outbound) / 100);
    for (const { type, sent, received } of a.messageTypeTrafficDistributionAnalytics) {
      expect(sent, type).toBe(msgs.filter((m) => m.messageType === type && m.direction === 'OutBound').length);
      expect(received, type).toBe(msgs.filter((m) => m.messageType === type && m.direction === 'InBound').length);
    }
    expect(a.messageTypeTrafficDistributionAnalytics.reduce((n, t) => n + t.sent + t.received, 0)).toBe(msgs.length);
    const opened = data.conversations.filter((c) => inside(c.createdAt));
    expect(a.serviceConversations).toBe(opened.filter((c) => c.initiatedBy === 'Contact').length);
    expect(a.conversationsAnalytics.reduce((n, p) => n + p.numberOfNewConversationOpened, 0)).toBe(opened.length);
    if (msgs.length > 0) expect(a.avgResponseTimeInMinutes).toBeGreaterThanOrEqual(0);
  });

  it('defaults to the last 30 days when from and to are left out', async () => {
    const r = await mock.call<{ analytics: { totalConversations: number } }>('GET', '/analytics/conversations');
    expect(r.status).toBe(200);
    expect(r.body.analytics.totalConversations).toBeGreaterThan(0);
  });
});

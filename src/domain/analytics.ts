import type { ConversationState, Store } from '../store/store.js';
import type { CampaignRecord, MessageStatus } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { campaignActivity, type SendActivity } from './campaign-runner.js';
import { rejected } from './errors.js';
import { messageFacts, STATUSES, TYPES } from './message-facts.js';

/**
 * Analytics computed from the store, never invented. Definitions (each checkable against a list endpoint):
 * - a conversation, contact or campaign counts in a period when its `createdAt` is in [from, to];
 *   a message when its `createdAt` is. Conversations of every status count, as in `GET /messages`.
 * - conversations "pending" are Active ones with unread messages (`numberOfUnreadMessages > 0`).
 * - message statuses: `messagesSent` = status Sent (what `GET /messages?status=sent` lists), `messagesUnread`
 *   = InBound and Sent (`?status=unread`), the others one status each.
 * - campaign figures: the campaign's counters, dated at `sentAt` for what was sent before the mock started
 *   and at each send for what the campaign runner sent since; replies are the conversations linked to the
 *   campaign (`GET /conversations?campaign_id=`), dated by their `createdAt`; link clicks exist only for
 *   what the runner sent with link tracking on. Rates are percentages (0–100, two decimals) of messages sent.
 */

type CampaignAnalytics = Schemas['CampaignAnalyticsResponseSchema'];
type AggregateAnalytics = Schemas['AggregateAnalyticsSchema'];
type ConversationAnalytics = Schemas['ConversationAggregateAnalytics'];

export const INVALID_RANGE = 'Invalid date range';

export interface Range {
  fromMs: number;
  toMs: number;
}

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period from the query. `from` after `to` is refused as the server does; missing ends take `fallback`. */
export function rangeOf(from: string | undefined, to: string | undefined, fallback?: () => { from: string; to: string }): Range {
  const d = fallback && (from === undefined || to === undefined) ? fallback() : undefined;
  const fromMs = Date.parse(from ?? d?.from ?? '');
  const toMs = Date.parse(to ?? d?.to ?? '');
  if (Number.isNaN(fromMs) || Number.isNaN(toMs) || fromMs > toMs) throw rejected(INVALID_RANGE);
  return { fromMs, toMs };
}

/*
 * A range's ends as ISO strings, so that timestamps in the store's own form (`toISOString`: 24 characters,
 * ending in 'Z') compare as strings, in order of time, without being parsed (parsing 200,000 timestamps is
 * most of what a dashboard over a large world would cost). Other forms are parsed.
 */
const ISO_MIN_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const ISO_MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
const isoBound = (ms: number, below: string, above: string) => (ms < ISO_MIN_MS ? below : ms > ISO_MAX_MS ? above : new Date(ms).toISOString());
const bounds = new WeakMap<Range, { from: string; to: string }>();
function isoBoundsOf(r: Range): { from: string; to: string } {
  let b = bounds.get(r);
  if (!b) {
    b = { from: isoBound(r.fromMs, '', '~'), to: isoBound(r.toMs, '', '~') };
    bounds.set(r, b);
  }
  return b;
}
const isCanonicalIso = (iso: string) => iso.length === 24 && iso.charCodeAt(23) === 90 && iso.charCodeAt(10) === 84 && iso.charCodeAt(19) === 46;

const within = (r: Range | undefined, iso: string) => {
  if (!r) return true;
  if (isCanonicalIso(iso)) {
    const b = isoBoundsOf(r);
    return iso >= b.from && iso <= b.to;
  }
  const t = Date.parse(iso);
  return t >= r.fromMs && t <= r.toMs;
};

/** Whether a timestamp is before the range starts (parsed only when not in the store's own form). */
const beforeRange = (r: Range, iso: string) => (isCanonicalIso(iso) ? iso < isoBoundsOf(r).from : Date.parse(iso) < r.fromMs);

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.min(100, Math.round((10000 * n) / d) / 100));
const dayOf = (iso: string) => iso.slice(0, 10);
const dayPoint = (day: string) => ({ date: `${day}T00:00:00.000Z`, label: `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}` });

/** Every day from the first to the last of `days` (sorted ISO dates), so charts have no gaps. */
function spanOf(days: Iterable<string>): string[] {
  const sorted = [...new Set(days)].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00.000Z`); t <= Date.parse(`${last}T00:00:00.000Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Something that happened to a campaign's messages at one time: what the runner sent, plus replies. */
interface CampaignEvent extends SendActivity {
  replied: number;
}

function campaignEvents(store: Store, k: CampaignRecord): CampaignEvent[] {
  const runner = campaignActivity(store, k.uniqueId);
  const sum = (key: 'sent' | 'delivered' | 'read' | 'failed') => runner.reduce((n, a) => n + a[key], 0);
  const base: CampaignEvent = {
    at: k.sentAt ?? k.createdAt,
    sent: k.messagesSent - sum('sent'),
    delivered: k.messagesDelivered - sum('delivered'),
    read: k.messagesRead - sum('read'),
    failed: k.messagesErrored - sum('failed'),
    clicks: 0,
    replied: 0,
  };
  const events: CampaignEvent[] = [];
  if (base.sent || base.delivered || base.read || base.failed) events.push(base);
  for (const a of runner) events.push({ ...a, replied: 0 });
  for (const id of store.conversationsOfCampaign(k.uniqueId)) {
    const c = store.conversations.get(id);
    if (c && c.organizationId === k.organizationId) events.push({ at: c.createdAt, sent: 0, delivered: 0, read: 0, failed: 0, clicks: 0, replied: 1 });
  }
  return events;
}

function summarizeCampaignEvents(all: readonly CampaignEvent[], range: Range | undefined): CampaignAnalytics {
  const events = all.filter((e) => within(range, e.at));
  const total = (key: keyof Omit<CampaignEvent, 'at'>) => events.reduce((n, e) => n + e[key], 0);
  const sent = total('sent');
  const delivered = total('delivered');
  const read = total('read');
  const clicks = total('clicks');
  const replied = total('replied');
  const byDay = new Map<string, Omit<CampaignEvent, 'at'>>();
  for (const e of events) {
    const b = byDay.get(dayOf(e.at)) ?? { sent: 0, delivered: 0, read: 0, failed: 0, clicks: 0, replied: 0 };
    for (const key of ['sent', 'delivered', 'read', 'failed', 'clicks', 'replied'] as const) b[key] += e[key];
    byDay.set(dayOf(e.at), b);
  }
  const days = spanOf(byDay.keys());
  const zero = { sent: 0, delivered: 0, read: 0, failed: 0, clicks: 0, replied: 0 };
  return {
    messagesSent: sent,
    messagesFailed: total('failed'),
    messagesDelivered: delivered,
    messagesUndelivered: Math.max(0, sent - delivered),
    messagesRead: read,
    totalMessages: sent + total('failed'),
    conversationInitiated: replied,
    responseRate: pct(replied, sent),
    openRate: pct(read, sent),
    engagementRate: pct(replied + clicks, delivered),
    totalLinkClicks: clicks,
    engagementTrends: days.map((d) => ({ ...dayPoint(d), count: (byDay.get(d) ?? zero).replied + (byDay.get(d) ?? zero).clicks })),
    linkClicksData: days.map((d) => ({ ...dayPoint(d), count: (byDay.get(d) ?? zero).clicks })),
    messageAnalytics: days.map((d) => {
      const b = byDay.get(d) ?? zero;
      return { ...dayPoint(d), sent: b.sent, delivered: b.delivered, replied: b.replied, read: b.read };
    }),
  };
}

/** `GET /analytics/campaign/{id}` (and a campaign's `stats`): all of the campaign's history. */
export function campaignAnalytics(store: Store, k: CampaignRecord): CampaignAnalytics {
  return summarizeCampaignEvents(campaignEvents(store, k), undefined);
}

/** `GET /analytics/campaigns`: every campaign of the organization, what happened in the period. */
export function aggregateCampaignAnalytics(store: Store, organizationId: string, range: Range): CampaignAnalytics {
  const events: CampaignEvent[] = [];
  for (const k of store.campaigns.values()) if (k.organizationId === organizationId) events.push(...campaignEvents(store, k));
  return summarizeCampaignEvents(events, range);
}

function conversationsOf(store: Store, organizationId: string): ConversationState[] {
  const out: ConversationState[] = [];
  for (const c of store.conversations.values()) if (c.organizationId === organizationId) out.push(c);
  return out;
}

function conversationStats(convs: readonly ConversationState[], range: Range) {
  const opened = convs.filter((c) => within(range, c.createdAt));
  const stats = { totalConversations: opened.length, conversationsActive: 0, conversationsClosed: 0, conversationsPending: 0 };
  for (const c of opened) {
    if (c.status === 'Active') {
      stats.conversationsActive++;
      if (c.unreadCount > 0) stats.conversationsPending++;
    } else if (c.status === 'Closed') stats.conversationsClosed++;
  }
  return { opened, stats };
}

/** `GET /analytics/aggregate-counts`: the dashboard totals for the period. */
export function aggregateCounts(store: Store, organizationId: string, range: Range): { aggregateAnalytics: AggregateAnalytics } {
  const convs = conversationsOf(store, organizationId);
  const messageStats = { totalMessages: 0, messagesSent: 0, messagesFailed: 0, messagesDelivered: 0, messagesUndelivered: 0, messagesRead: 0, messagesUnread: 0 };
  const byStatus = new Array<number>(STATUSES.length).fill(0);
  const sent = STATUSES.indexOf('Sent');
  for (const c of convs) {
    if (beforeRange(range, c.lastMessageAt)) continue;
    const { start, end, at, status, inbound } = messageFacts(store, c.uniqueId);
    for (let i = start; i < end; i++) {
      const t = at[i]!;
      if (t < range.fromMs || t > range.toMs) continue;
      messageStats.totalMessages++;
      byStatus[status[i]!]! += 1;
      if (status[i] === sent && inbound[i] === 1) messageStats.messagesUnread++;
    }
  }
  const count = (status: MessageStatus) => byStatus[STATUSES.indexOf(status)]!;
  messageStats.messagesSent = count('Sent');
  messageStats.messagesFailed = count('Failed');
  messageStats.messagesDelivered = count('Delivered');
  messageStats.messagesUndelivered = count('UnDelivered');
  messageStats.messagesRead = count('Read');
  const campaigns = [...store.campaigns.values()].filter((k) => k.organizationId === organizationId && within(range, k.createdAt));
  const campaignsIn = (status: CampaignRecord['status']) => campaigns.filter((k) => k.status === status).length;
  const contactStats = { totalContacts: 0, contactsActive: 0, contactsBlocked: 0 };
  for (const c of store.contacts.values()) {
    if (c.organizationId !== organizationId || !within(range, c.createdAt)) continue;
    contactStats.totalContacts++;
    if (c.status === 'Active') contactStats.contactsActive++;
    else if (c.status === 'Blocked') contactStats.contactsBlocked++;
  }
  return {
    aggregateAnalytics: {
      messageStats,
      conversationStats: conversationStats(convs, range).stats,
      campaignStats: {
        totalCampaigns: campaigns.length,
        campaignsDraft: campaignsIn('Draft'),
        campaignsScheduled: campaignsIn('Scheduled'),
        campaignsRunning: campaignsIn('Running'),
        campaignsPaused: campaignsIn('Paused'),
        campaignsCancelled: campaignsIn('Cancelled'),
        campaignsFinished: campaignsIn('Finished'),
      },
      contactStats,
    },
  };
}

/**
 * `GET /analytics/conversations`: conversations opened in the period by state, `serviceConversations` (opened
 * by the customer), the mean first-response time (from a customer message waiting for an answer to the next
 * OutBound message, for answers in the period), the InBound/OutBound ratio, a per-day series (conversations
 * opened; conversations with at least one message that day) and messages per type and direction.
 */
export function conversationAnalytics(store: Store, organizationId: string, range: Range): { analytics: ConversationAnalytics } {
  const convs = conversationsOf(store, organizationId);
  const { opened, stats } = conversationStats(convs, range);
  let inbound = 0;
  let outbound = 0;
  const perType = TYPES.map(() => ({ sent: 0, received: 0 }));
  // Conversations with at least one message in the period, per day number (days since the epoch, UTC).
  const activeByDayNumber = new Map<number, number>();
  let waits = 0;
  let waitedMs = 0;
  const seenDays: number[] = [];
  for (const c of convs) {
    if (beforeRange(range, c.lastMessageAt)) continue;
    const f = messageFacts(store, c.uniqueId);
    let waitingSince: number | undefined;
    seenDays.length = 0;
    for (let i = f.start; i < f.end; i++) {
      const t = f.at[i]!;
      const inPeriod = t >= range.fromMs && t <= range.toMs;
      if (inPeriod) {
        const types = perType[f.type[i]!]!;
        if (f.inbound[i] === 1) {
          inbound++;
          types.received++;
        } else {
          outbound++;
          types.sent++;
        }
        // A conversation counts once per day: threads are nearly always in time order, so the last day seen
        // is usually the answer; the list covers threads that are not.
        const day = Math.floor(t / DAY_MS);
        if (seenDays.at(-1) !== day && !seenDays.includes(day)) {
          seenDays.push(day);
          activeByDayNumber.set(day, (activeByDayNumber.get(day) ?? 0) + 1);
        }
      }
      // First-response time: from a customer message waiting for an answer to the next OutBound message.
      if (f.inbound[i] === 1) waitingSince ??= t;
      else if (waitingSince !== undefined) {
        if (inPeriod) {
          waits++;
          waitedMs += t - waitingSince;
        }
        waitingSince = undefined;
      }
    }
  }
  const activeByDay = new Map([...activeByDayNumber].map(([d, n]) => [new Date(d * DAY_MS).toISOString().slice(0, 10), n] as const));
  const openedByDay = new Map<string, number>();
  for (const c of opened) openedByDay.set(dayOf(c.createdAt), (openedByDay.get(dayOf(c.createdAt)) ?? 0) + 1);
  const days = spanOf([...activeByDay.keys(), ...openedByDay.keys()]);
  return {
    analytics: {
      avgResponseTimeInMinutes: waits === 0 ? 0 : Math.round((100 * waitedMs) / waits / 60_000) / 100,
      ...stats,
      serviceConversations: opened.filter((c) => c.initiatedBy === 'Contact').length,
      inboundToOutboundRatio: outbound === 0 ? 0 : Math.round((100 * inbound) / outbound) / 100,
      conversationsAnalytics: days.map((d) => ({
        ...dayPoint(d),
        numberOfActiveConversation: activeByDay.get(d) ?? 0,
        numberOfNewConversationOpened: openedByDay.get(d) ?? 0,
      })),
      messageTypeTrafficDistributionAnalytics: TYPES.flatMap((type, i) => {
        const t = perType[i]!;
        return t.sent + t.received > 0 ? [{ type, sent: t.sent, received: t.received }] : [];
      }),
    },
  };
}

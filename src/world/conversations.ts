/**
 * Conversation headers of an organisation, and the rows of the thread table their
 * messages are generated from.
 *
 * Rules:
 * - createdAt falls in the last ~90 days (a little more weight on recent days),
 *   and never later than 10 minutes before `now`;
 * - a conversation following a script marked `campaign` answers a broadcast: its
 *   contact is taken from the campaign's lists, it starts after the campaign was
 *   sent, `campaignId` is set and `initiatedBy` is `'Campaign'`. Every other
 *   conversation has `campaignId: ''` and `initiatedBy: 'Contact'`. (The real
 *   Feb-2025 server writes `'Contact'` in both cases; the mock uses the enum's
 *   second value to make the link visible.)
 * - conversations of one contact never overlap: each ends (its horizon) before the
 *   next starts, and only the contact's latest conversation can be Active;
 * - a finished script (or an opt-out / wrong number) older than 3 days is often
 *   Closed; everything else stays Active.
 *
 * Per-conversation working data lives in typed arrays (no object per conversation
 * besides the record itself), which keeps 100,000 conversations fast to build.
 */
import type { ContactTable } from './audience.js';
import type { CampaignDraft } from './campaigns.js';
import type { BusinessKind, ConversationRecord, ConversationStatus, TagRecord } from './model.js';
import { assignmentWeight, type BuildContext, type TeamMember } from './organizations.js';
import { chance, pick, pickWeighted } from './random.js';
import type { Scenario } from './scenarios/index.js';
import type { ThreadTable } from './thread-table.js';
import { finishSkeleton, planSkeleton, type ThreadGenerators } from './threads.js';
import { DAY, MINUTE, iso } from './time.js';

export interface ConversationInputs {
  readonly kind: BusinessKind;
  readonly organizationId: string;
  /** Index of the organisation in the thread table. */
  readonly tableOrganization: number;
  /** `[worldSeed, orgIndex]`. */
  readonly seedPrefix: readonly number[];
  readonly scenarios: readonly Scenario[];
  readonly count: number;
  readonly contacts: ContactTable;
  readonly campaigns: readonly CampaignDraft[];
  readonly members: readonly TeamMember[];
  readonly tags: readonly TagRecord[];
}

/** Most conversations one contact gets. */
const MAX_PER_CONTACT = 4;
/** Latest createdAt of a generated conversation, relative to now. */
const NEWEST = 10 * MINUTE;
const WINDOW = 90 * DAY;
const NO_TAGS: readonly string[] = Object.freeze([]);

/** Builds the headers (sorted by createdAt) and adds their rows to `table`. */
export function buildConversations(ctx: BuildContext, gens: ThreadGenerators, table: ThreadTable, input: ConversationInputs): ConversationRecord[] {
  const f = ctx.fakers.en;
  const now = ctx.nowMs;
  const n = input.count;
  const scenarios = input.scenarios;
  const direct = scenarios.filter((s) => s.campaign !== true);
  const contactCount = input.contacts.records.length;
  if (contactCount === 0 && n > 0) throw new Error('Conversations need contacts');
  const eligibleCampaigns = input.campaigns.filter(
    (c) => c.sentMs !== undefined && c.sentMs >= now - WINDOW + 2 * DAY && c.sentMs <= now - NEWEST - 5 * MINUTE && c.lists.some((l) => l.members.length > 0),
  );
  const campaignIndex = new Map(input.campaigns.map((c, i) => [c, i]));

  // Contacts who write to the business, in a random order; the first ones get the
  // first conversations, later conversations go to returning customers.
  const engaged = new Int32Array(contactCount);
  for (let i = 0; i < contactCount; i++) engaged[i] = i;
  for (let i = contactCount - 1; i > 0; i--) {
    const j = f.number.int(i);
    const tmp = engaged[i] ?? 0;
    engaged[i] = engaged[j] ?? 0;
    engaged[j] = tmp;
  }
  const distinct = Math.max(1, Math.min(contactCount, Math.round(n * 0.85)));
  let nextEngaged = 0;

  // Columns, indexed by generation order.
  const scenarioOf = new Uint8Array(n);
  const contactOf = new Int32Array(n);
  const campaignOf = new Int32Array(n).fill(-1);
  const startOf = new Float64Array(n);
  const horizonOf = new Float64Array(n).fill(now);
  const isLatest = new Uint8Array(n).fill(1);
  const isFirst = new Uint8Array(n);
  const perContact = new Uint8Array(contactCount);

  /** A member of `pool[0..size)` with room for another conversation, or -1. */
  const withRoom = (pool: Int32Array, size: number): number => {
    if (size <= 0) return -1;
    for (let attempt = 0; attempt < 6; attempt++) {
      const c = pool[f.number.int(size - 1)] ?? 0;
      if ((perContact[c] ?? 0) < MAX_PER_CONTACT) return c;
    }
    const offset = f.number.int(size - 1);
    for (let k = 0; k < size; k++) {
      const c = pool[(offset + k) % size] ?? 0;
      if ((perContact[c] ?? 0) < MAX_PER_CONTACT) return c;
    }
    return -1;
  };

  for (let i = 0; i < n; i++) {
    let scenario = pickWeighted(f, scenarios, (s) => s.weight);
    let contact = -1;
    let campaign = -1;
    let start = 0;
    const answerable = scenario.campaign === true ? eligibleCampaigns.filter((c) => scenario.campaignTemplates?.includes(c.templateName) ?? true) : [];
    if (answerable.length > 0) {
      const candidate = pick(f, answerable);
      const list = pick(f, candidate.lists.filter((l) => l.members.length > 0));
      contact = withRoom(list.members, list.members.length);
      if (contact >= 0) {
        campaign = campaignIndex.get(candidate) ?? -1;
        const earliest = (candidate.sentMs ?? now) + 5 * MINUTE;
        const latest = now - NEWEST;
        const u = f.number.float();
        const wanted = earliest + Math.round(3 * DAY * u * u * u);
        start = wanted <= latest ? wanted : earliest + Math.round((latest - earliest) * f.number.float());
      }
    }
    if (campaign < 0) {
      if (scenario.campaign === true) scenario = pickWeighted(f, direct, (s) => s.weight);
      contact = nextEngaged < distinct ? (engaged[nextEngaged++] ?? 0) : withRoom(engaged, distinct);
      if (contact < 0) contact = withRoom(engaged, contactCount);
      if (contact < 0) throw new Error('Not enough contacts for the conversations');
      start = now - NEWEST - Math.round((WINDOW - NEWEST) * f.number.float() ** 1.15);
    }
    scenarioOf[i] = scenarios.indexOf(scenario);
    contactOf[i] = contact;
    campaignOf[i] = campaign;
    startOf[i] = start;
    perContact[contact] = (perContact[contact] ?? 0) + 1;
  }

  // Group the conversations of each contact (counting sort by contact).
  const firstOfContact = new Int32Array(contactCount + 1);
  for (let i = 0; i < n; i++) firstOfContact[(contactOf[i] ?? 0) + 1] = (firstOfContact[(contactOf[i] ?? 0) + 1] ?? 0) + 1;
  for (let c = 0; c < contactCount; c++) firstOfContact[c + 1] = (firstOfContact[c + 1] ?? 0) + (firstOfContact[c] ?? 0);
  const byContact = new Int32Array(n);
  const fill = firstOfContact.slice(0, contactCount);
  for (let i = 0; i < n; i++) {
    const c = contactOf[i] ?? 0;
    byContact[fill[c] ?? 0] = i;
    fill[c] = (fill[c] ?? 0) + 1;
  }
  const createdBefore = input.contacts.createdBefore;
  for (let c = 0; c < contactCount; c++) {
    const from = firstOfContact[c] ?? 0;
    const to = firstOfContact[c + 1] ?? 0;
    if (to === from) continue;
    const convs = Array.from(byContact.subarray(from, to));
    if (convs.length > 1) {
      // Space them out; each ends before the next starts.
      convs.sort((a, b) => (startOf[a] ?? 0) - (startOf[b] ?? 0) || a - b);
      for (let k = 1; k < convs.length; k++) {
        const prev = convs[k - 1] ?? 0;
        const cur = convs[k] ?? 0;
        const prevStart = startOf[prev] ?? 0;
        if ((startOf[cur] ?? 0) < prevStart + DAY) {
          const spaced = prevStart + DAY + f.number.int(3 * DAY);
          startOf[cur] = spaced <= now - NEWEST ? spaced : Math.max(startOf[cur] ?? 0, prevStart + 2 * MINUTE);
        }
        horizonOf[prev] = (startOf[cur] ?? 0) - MINUTE;
        isLatest[prev] = 0;
      }
    }
    isFirst[convs[0] ?? 0] = 1;
    let bound = (startOf[convs[0] ?? 0] ?? now) - MINUTE;
    for (const i of convs) {
      const sent = input.campaigns[campaignOf[i] ?? -1]?.sentMs;
      if (sent !== undefined) bound = Math.min(bound, sent - MINUTE);
    }
    createdBefore[c] = Math.min(createdBefore[c] ?? now, bound);
  }

  const assignees = input.members.filter((m) => assignmentWeight(m) > 0);
  const tagByLabel = new Map(input.tags.map((t) => [t.label, t.uniqueId]));
  const vip = tagByLabel.get('VIP');
  const followUp = tagByLabel.get('Needs follow-up') ?? tagByLabel.get('Follow-up');
  const fresh = tagByLabel.get('New customer');
  const urgent = tagByLabel.get('Urgent');
  const records = new Array<ConversationRecord>(n);

  for (let i = 0; i < n; i++) {
    const scenario = scenarios[scenarioOf[i] ?? 0];
    const c = contactOf[i] ?? 0;
    const contact = input.contacts.records[c];
    const city = input.contacts.cities[c];
    const country = input.contacts.countries[c];
    if (scenario === undefined || contact === undefined || city === undefined || country === undefined) throw new Error('Inconsistent conversation inputs');
    const campaign = input.campaigns[campaignOf[i] ?? -1];
    const start = startOf[i] ?? now;
    const horizon = horizonOf[i] ?? now;
    const seedPath = [...input.seedPrefix, i];
    const planned = planSkeleton(gens, seedPath, scenario, start, horizon);
    const last = planned.messages[planned.messages.length - 1];
    const lastMs = last?.at ?? start;

    let status: ConversationStatus = 'Active';
    if (isLatest[i] === 0) status = 'Closed';
    else if (scenario.closes === true && planned.completed) status = 'Closed';
    else if (planned.completed && lastMs < now - 3 * DAY && chance(f, 0.35)) status = 'Closed';
    // Once the business confirmed the opt-out, the contact gets no more broadcasts.
    if (scenario.optOut === true && planned.messages.some((m) => m.direction === 'OutBound')) contact.status = 'Inactive';
    const summary = finishSkeleton(gens, planned, status, start, now);

    const assigned = assignees.length > 0 && chance(f, status === 'Closed' ? 0.9 : 0.72) ? pickWeighted(f, assignees, assignmentWeight) : undefined;
    const speaker = assigned ?? (assignees.length > 0 ? pickWeighted(f, assignees, assignmentWeight) : undefined);
    const conversationId = ctx.uuid();
    table.add({
      conversationId,
      organization: input.tableOrganization,
      generation: i,
      scenario: scenarioOf[i] ?? 0,
      startMs: start,
      horizonMs: horizon,
      status,
      contactPhone: contact.phone,
      contactFirstName: input.contacts.firstNames[c] ?? contact.name,
      country,
      city,
      agentFirstName: speaker?.firstName ?? 'Sam',
      campaignName: campaign?.topic ?? '',
      messages: planned.messages,
    });

    let tagIds: string[] | undefined;
    const tag = (id: string | undefined, p: number): void => {
      if (id === undefined || (tagIds?.includes(id) ?? false) || !chance(f, p)) return;
      (tagIds ??= []).push(id);
    };
    for (const label of scenario.tags) tag(tagByLabel.get(label), 0.8);
    if (contact.attributes.tier === 'gold') tag(vip, 0.7);
    if (status === 'Active' && summary.unreadCount > 0 && summary.lastMessageMs < now - DAY) tag(followUp, 0.7);
    if (isFirst[i] === 1) tag(fresh, 0.15);
    tag(urgent, 0.05);

    records[i] = {
      uniqueId: conversationId,
      organizationId: input.organizationId,
      contactId: contact.uniqueId,
      campaignId: campaign?.record.uniqueId ?? '',
      initiatedBy: campaign !== undefined ? 'Campaign' : 'Contact',
      status,
      ...(assigned !== undefined ? { assignedToMemberId: assigned.member.uniqueId } : {}),
      tagIds: tagIds ?? NO_TAGS,
      createdAt: iso(start),
      scenario: scenario.key,
      messageCount: summary.messageCount,
      unreadCount: summary.unreadCount,
      lastMessageAt: iso(summary.lastMessageMs),
    };
  }

  // Order by creation time (ties by generation order).
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (startOf[a] ?? 0) - (startOf[b] ?? 0) || a - b);
  return Array.from(order, (i) => records[i]).filter((r): r is ConversationRecord => r !== undefined);
}

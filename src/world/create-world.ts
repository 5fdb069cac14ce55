/**
 * createWorld({ seed, now, size }) — a pure, deterministic generator of the data of
 * a Wapikit deployment: a main organisation (an online store with `size`
 * conversations, ~1.3 × size contacts, lists, campaigns, templates, phone numbers,
 * a team with roles and tags) and a small second organisation (a clinic, 8–40
 * conversations) that the demo user also belongs to.
 *
 * Design: eager headers, lazy threads.
 * - Everything except message contents is built eagerly: users, organisations,
 *   members, roles, tags, contacts, lists, phone numbers, templates, campaigns and
 *   conversation headers.
 * - Every conversation has its own seed path `[seed, orgIndex, generationIndex]`.
 *   From it, the thread's *skeleton* (who writes when, message types, statuses;
 *   thread-plan.ts) is computed eagerly to fill each header's exact `messageCount`
 *   (= totalMessages), `unreadCount` (= numberOfUnreadMessages) and `lastMessageAt` —
 *   a few µs per conversation. Of the skeleton only each message's time, status,
 *   direction and type are kept (thread-facts.ts, ~11 bytes a message), which is what
 *   analytics and `GET /messages` read: `world.factsOf(conversationId)`.
 * - The *content* (ids, texts, media, reactions; threads.ts) comes from a second,
 *   independent stream of the same seed path and is rendered on demand by
 *   `world.threadOf(conversationId)`: pure (same result whatever the call order,
 *   independent of other threads), ~0.1–0.3 ms per thread, cached in a bounded
 *   LRU (1,000 threads). `mediaOf` / `findMedia` derive a conversation's media
 *   files from its thread.
 * - What a thread is generated from is stored column-wise (thread-table.ts) as
 *   immutable copies taken at creation, so a server that later changes records
 *   (copy-on-write, please) cannot change what a thread renders to.
 *
 * Cost (2-core machine, see measure-world.ts): size 100,000 builds in ~3 s of CPU
 * and keeps ~90 MB of heap; size 1,000 in ~0.3 s.
 *
 * Determinism: all randomness comes from Faker instances with a seeded randomizer
 * (random.ts); time only from `options.now`. Same options → deep-equal world.
 * After start, a server mints further ids with `createIdSource(world.runtimeIdSeed)`.
 */
import { buildContacts, buildLists, finishContacts, finishLists } from './audience.js';
import { buildCampaigns, type CampaignDraft } from './campaigns.js';
import { buildConversations } from './conversations.js';
import { uuidFrom } from './ids.js';
import type {
  BusinessKind,
  CampaignRecord,
  ContactRecord,
  ConversationRecord,
  CountryCode,
  ListRecord,
  MediaRecord,
  MemberRecord,
  MessageRecord,
  OrganizationRecord,
  PhoneNumberRecord,
  RoleRecord,
  TagRecord,
  TemplateRecord,
  UserRecord,
  World,
  WorldOptions,
} from './model.js';
import {
  buildClinicTeam,
  buildOrganization,
  buildPhoneNumbers,
  buildStoreTeam,
  buildTags,
  buildTemplates,
  websiteDomain,
  type BuildContext,
  type Team,
} from './organizations.js';
import { createFakerSet, pick } from './random.js';
import { scenariosFor } from './scenarios/index.js';
import type { ThreadFacts } from './thread-facts.js';
import { ThreadTable } from './thread-table.js';
import { createThreadGenerators, renderThread, type BusinessContext, type RenderedThread, type ThreadGenerators } from './threads.js';
import { DAY, parseIso } from './time.js';

import { checkWorldOptions, DEFAULT_WORLD_OPTIONS } from './world-options.js';

export { DEFAULT_WORLD_OPTIONS, MAX_WORLD_SIZE } from './world-options.js';

/** How many rendered threads `threadOf` keeps. */
const THREAD_CACHE_SIZE = 1000;

/** Stream tags mixed into the seed so that each use gets its own sequence. */
const HEADER_STREAM = 0x68656164; // 'head'
const RUNTIME_STREAM = 0x72756e74; // 'runt'

function validate(options: WorldOptions): number {
  checkWorldOptions(options);
  return parseIso(options.now);
}

interface OrganizationData {
  readonly organization: OrganizationRecord;
  readonly team: Team;
  readonly tags: TagRecord[];
  readonly contacts: ContactRecord[];
  readonly lists: ListRecord[];
  readonly phoneNumbers: PhoneNumberRecord[];
  readonly templates: TemplateRecord[];
  readonly campaigns: CampaignRecord[];
  readonly conversations: ConversationRecord[];
}

interface OrganizationPlan {
  readonly index: number;
  readonly kind: BusinessKind;
  readonly country: CountryCode;
  readonly ageMs: number;
  readonly conversations: number;
  readonly contacts: number;
  readonly lists: number;
  readonly campaigns: number;
  readonly phoneNumbers: number;
  /** Share of contacts from the business's own country. */
  readonly homeShare: number;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function buildOrganizationData(
  ctx: BuildContext,
  gens: ThreadGenerators,
  threads: ThreadTable,
  seed: number,
  plan: OrganizationPlan,
  team: (org: OrganizationRecord) => Team,
): OrganizationData {
  const organization = buildOrganization(ctx, { kind: plan.kind, country: plan.country, ageMs: plan.ageMs });
  const orgMs = parseIso(organization.createdAt);
  const builtTeam = team(organization);
  const tags = buildTags(ctx, organization);
  const phoneNumbers = buildPhoneNumbers(ctx, organization, plan.phoneNumbers);
  const templates = buildTemplates(ctx, organization);
  const contacts = buildContacts(ctx, plan.kind, organization.uniqueId, plan.country, plan.contacts, plan.homeShare);
  const listDrafts = buildLists(ctx, plan.kind, organization.uniqueId, contacts, tags, plan.lists, orgMs);
  const creators = builtTeam.members.filter((m) => m.member.accessLevel === 'Owner' || m.roleKeys.includes('campaigns') || m.roleKeys.includes('frontDesk'));
  const campaignDrafts: CampaignDraft[] = buildCampaigns(ctx, {
    kind: plan.kind,
    organizationId: organization.uniqueId,
    count: plan.campaigns,
    lists: listDrafts,
    tags,
    templates: templates.filter((t) => t.status === 'APPROVED'),
    phoneNumbers,
    creators,
    contactCount: contacts.records.length,
  });
  const doctors = plan.kind === 'clinic' ? builtTeam.members.filter((m) => m.roleKeys.includes('doctor')).map((m) => m.user.name.replace(/^Dr\. (\S+) (.+)$/, 'Dr. $2')) : [];
  const business: BusinessContext = {
    kind: plan.kind,
    name: organization.name,
    website: websiteDomain(organization),
    address: organization.address,
    city: organization.city,
    latitude: organization.latitude,
    longitude: organization.longitude,
    doctors,
  };
  const seedPrefix = [seed, plan.index];
  const scenarios = scenariosFor(plan.kind);
  const tableOrganization = threads.addOrganization({ seedPrefix, business, scenarios });
  const conversations = buildConversations(ctx, gens, threads, {
    kind: plan.kind,
    organizationId: organization.uniqueId,
    tableOrganization,
    seedPrefix,
    scenarios,
    count: plan.conversations,
    contacts,
    campaigns: campaignDrafts,
    members: builtTeam.members,
    tags,
  });
  // Contacts who never wrote: a few went quiet or were blocked.
  const talked = new Set(conversations.map((c) => c.contactId));
  const activeTalk = new Set(conversations.filter((c) => c.status === 'Active').map((c) => c.contactId));
  for (const record of contacts.records) {
    if (record.status !== 'Active') continue;
    if (!talked.has(record.uniqueId) && ctx.fakers.en.number.float() < 0.025) record.status = 'Inactive';
    else if (!activeTalk.has(record.uniqueId) && ctx.fakers.en.number.float() < 0.012) record.status = 'Blocked';
  }
  // Even a small world shows one contact of each non-active status.
  for (const [status, eligible] of [
    ['Inactive', (id: string) => !talked.has(id)],
    ['Blocked', (id: string) => !activeTalk.has(id)],
  ] as const) {
    if (contacts.records.some((r) => r.status === status)) continue;
    const candidate = contacts.records.find((r) => r.status === 'Active' && eligible(r.uniqueId));
    if (candidate !== undefined) candidate.status = status;
  }
  return {
    organization,
    team: builtTeam,
    tags,
    contacts: finishContacts(ctx, contacts, orgMs + DAY),
    lists: finishLists(listDrafts, contacts),
    phoneNumbers,
    templates,
    campaigns: campaignDrafts.map((c) => c.record),
    conversations,
  };
}

/** Generates a world. Pure: the same options always give a deep-equal result. */
export function createWorld(options: WorldOptions = DEFAULT_WORLD_OPTIONS): World {
  const nowMs = validate(options);
  const { seed, size } = options;
  const fakers = createFakerSet([seed, HEADER_STREAM]);
  const ctx: BuildContext = { fakers, uuid: () => uuidFrom(fakers.en), nowMs, phones: new Set<string>() };
  const gens = createThreadGenerators();
  const f = fakers.en;

  const log2 = Math.log2(Math.max(2, size));
  const homeCountries: readonly CountryCode[] = ['US', 'GB', 'IN'];
  const storePlan: OrganizationPlan = {
    index: 0,
    kind: 'store',
    country: pick(f, homeCountries),
    ageMs: f.number.int({ min: 420 * DAY, max: 700 * DAY }),
    conversations: size,
    contacts: Math.max(2, Math.round(size * 1.3)),
    lists: clamp(Math.round(3 + log2), 4, 20),
    campaigns: clamp(Math.round(2 * log2), 6, 36),
    phoneNumbers: 2,
    homeShare: 0.4,
  };
  const clinicConversations = clamp(Math.round(size / 40), 8, 40);
  const clinicPlan: OrganizationPlan = {
    index: 1,
    kind: 'clinic',
    country: pick(f, homeCountries),
    ageMs: f.number.int({ min: 200 * DAY, max: 400 * DAY }),
    conversations: clinicConversations,
    contacts: Math.round(clinicConversations * 1.5),
    lists: 3,
    campaigns: 4,
    phoneNumbers: 1,
    homeShare: 0.95,
  };

  const threads = new ThreadTable(nowMs, storePlan.conversations + clinicPlan.conversations);
  const store = buildOrganizationData(ctx, gens, threads, seed, storePlan, (org) => buildStoreTeam(ctx, org));
  const demo = store.team.newUsers[0];
  if (demo === undefined) throw new Error('The store team has no demo user');
  const clinic = buildOrganizationData(ctx, gens, threads, seed, clinicPlan, (org) => buildClinicTeam(ctx, org, demo));
  const orgs = [store, clinic];
  threads.seal();

  const cache = new Map<string, RenderedThread>();
  const rendered = (conversationId: string): RenderedThread | undefined => {
    const hit = cache.get(conversationId);
    if (hit !== undefined) {
      cache.delete(conversationId);
      cache.set(conversationId, hit);
      return hit;
    }
    const context = threads.contextOf(conversationId);
    if (context === undefined) return undefined;
    const thread = renderThread(gens, context);
    cache.set(conversationId, thread);
    if (cache.size > THREAD_CACHE_SIZE) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    return thread;
  };

  const members: MemberRecord[] = orgs.flatMap((o) => o.team.members.map((m) => m.member));
  const users: UserRecord[] = orgs.flatMap((o) => o.team.newUsers);
  const roles: RoleRecord[] = orgs.flatMap((o) => o.team.roles);

  return {
    options: { seed, now: options.now, size },
    mainOrganizationId: store.organization.uniqueId,
    demoUserId: demo.uniqueId,
    users,
    organizations: orgs.map((o) => o.organization),
    members,
    roles,
    tags: orgs.flatMap((o) => o.tags),
    contacts: orgs.flatMap((o) => o.contacts),
    lists: orgs.flatMap((o) => o.lists),
    phoneNumbers: orgs.flatMap((o) => o.phoneNumbers),
    templates: orgs.flatMap((o) => o.templates),
    campaigns: orgs.flatMap((o) => o.campaigns),
    conversations: orgs.flatMap((o) => o.conversations),
    runtimeIdSeed: [seed, RUNTIME_STREAM],
    threadOf: (conversationId: string): readonly MessageRecord[] | undefined => rendered(conversationId)?.messages,
    mediaOf: (conversationId: string): readonly MediaRecord[] | undefined => rendered(conversationId)?.media,
    findMedia: (conversationId: string, mediaId: string): MediaRecord | undefined => rendered(conversationId)?.media.find((m) => m.mediaId === mediaId),
    factsOf: (conversationId: string): ThreadFacts | undefined => threads.factsOf(conversationId),
  };
}

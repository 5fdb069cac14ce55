import { createIdSource, type IdSource } from '../world/ids.js';
import type {
  CampaignRecord, ContactRecord, ConversationRecord, ListRecord, MemberRecord, MessageRecord, OrganizationRecord,
  PhoneNumberRecord, RoleRecord, TagRecord, TemplateRecord, UserRecord, World,
} from '../world/model.js';
import { ContactPhones } from './contact-phones.js';
import { EventHub } from './events.js';
import type {
  AiChatMessageRecord, AiChatRecord, AiVoteRecord, ApiKeyRecord, InviteRecord, KnowledgeDocumentRecord, NotificationRecord,
  OrganizationSettings, PasswordReset, PendingRegistration,
} from './organization-records.js';
import { SortedIds } from './sorted-ids.js';

/** Removes `readonly` one level down: the store owns mutable copies of the generated records. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? U[] : T[K] };

export type ConversationState = Mutable<ConversationRecord>;

/** A file uploaded through `POST /conversation/{id}/upload`, kept in memory. */
export interface UploadRecord {
  mediaId: string;
  conversationId: string;
  contentType: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Every record collection of a store, by name, and the record it holds: what a snapshot saves and
 * `Store.fromRecords` loads. A collection added to the Store is declared here (the class must then have it).
 */
export interface StoreRecords {
  users: Mutable<UserRecord>;
  organizations: Mutable<OrganizationRecord>;
  members: Mutable<MemberRecord>;
  roles: Mutable<RoleRecord>;
  tags: Mutable<TagRecord>;
  contacts: Mutable<ContactRecord>;
  lists: Mutable<ListRecord>;
  phoneNumbers: PhoneNumberRecord;
  templates: TemplateRecord;
  campaigns: Mutable<CampaignRecord>;
  conversations: ConversationState;
  ownThreads: MessageRecord[];
  uploads: UploadRecord;
  notifications: NotificationRecord;
  invites: InviteRecord;
  apiKeys: ApiKeyRecord;
  aiChats: AiChatRecord;
  aiChatMessages: AiChatMessageRecord[];
  aiVotes: AiVoteRecord;
  knowledgeBase: KnowledgeDocumentRecord;
  organizationSettings: OrganizationSettings;
  pendingRegistrations: PendingRegistration;
  passwordResets: PasswordReset;
}

export type CollectionName = keyof StoreRecords;

/** Records to load into a store: per collection, `[key, record]` entries in the order the store keeps them. */
export type StoreRecordEntries = { [K in CollectionName]?: RecordEntries<K> };

/** One collection's records as `[key, record]` entries. */
export type RecordEntries<K extends CollectionName> = Iterable<readonly [string, StoreRecords[K]]>;

/** Gives each collection's records (undefined: none), for records that are not at hand as one object. */
export type RecordSource = <K extends CollectionName>(name: K) => RecordEntries<K> | undefined;

/** A store seen as its record collections. */
export type StoreCollections = { readonly [K in CollectionName]: Map<string, StoreRecords[K]> };

/** The collection names, written once: the type makes the object list every collection and nothing else. */
const COLLECTIONS: { readonly [K in CollectionName]: true } = {
  users: true, organizations: true, members: true, roles: true, tags: true, contacts: true, lists: true, phoneNumbers: true,
  templates: true, campaigns: true, conversations: true, ownThreads: true, uploads: true, notifications: true, invites: true,
  apiKeys: true, aiChats: true, aiChatMessages: true, aiVotes: true, knowledgeBase: true, organizationSettings: true,
  pendingRegistrations: true, passwordResets: true,
};

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}

/** Every collection name, in declaration order. */
export const COLLECTION_NAMES: readonly CollectionName[] = Object.keys(COLLECTIONS).filter(isCollectionName);

function loadCollection<K extends CollectionName>(store: StoreCollections, name: K, entries: RecordEntries<K> | undefined): void {
  if (!entries) return;
  const map = store[name];
  for (const [key, record] of entries) map.set(key, record);
}

/**
 * All mutable state of one mock server: containers and indexes only. Records are kept in maps by id, with
 * the indexes that keep every list request O(page size): conversations by organization and status in
 * createdAt order, and conversations by contact and by campaign. The store runs no domain code: a new
 * store is empty, `Store.fromRecords` fills one and builds its indexes, and seeding a store from its world
 * is a separate step (src/seed). Message threads stay in the world (regenerated on demand) until a write
 * touches them; then the store keeps its own copy.
 */
/** Records' ids grouped by `groupKey`, each group in ascending `sortKey` order (ties by id). */
function sortedGroups<T extends { uniqueId: string }>(records: Iterable<T>, groupKey: (r: T) => string, sortKey: (r: T) => string): Map<string, SortedIds> {
  const groups = new Map<string, Array<{ id: string; key: string }>>();
  for (const r of records) {
    const k = groupKey(r);
    const g = groups.get(k);
    const entry = { id: r.uniqueId, key: sortKey(r) };
    if (g) g.push(entry);
    else groups.set(k, [entry]);
  }
  return new Map([...groups].map(([k, entries]) => [k, SortedIds.fromSorted(entries)]));
}

/** The group under `key`, created empty when there is none yet. */
function groupOf(index: Map<string, SortedIds>, key: string): SortedIds {
  let s = index.get(key);
  if (!s) index.set(key, (s = new SortedIds()));
  return s;
}

export class Store implements StoreCollections {
  readonly users = new Map<string, Mutable<UserRecord>>();
  readonly organizations = new Map<string, Mutable<OrganizationRecord>>();
  readonly members = new Map<string, Mutable<MemberRecord>>();
  readonly roles = new Map<string, Mutable<RoleRecord>>();
  readonly tags = new Map<string, Mutable<TagRecord>>();
  readonly contacts = new Map<string, Mutable<ContactRecord>>();
  readonly lists = new Map<string, Mutable<ListRecord>>();
  readonly phoneNumbers = new Map<string, PhoneNumberRecord>();
  readonly templates = new Map<string, TemplateRecord>();
  readonly campaigns = new Map<string, Mutable<CampaignRecord>>();
  readonly conversations = new Map<string, ConversationState>();
  /** Threads the store has written to (a copy of the world's thread plus the writes). */
  readonly ownThreads = new Map<string, MessageRecord[]>();
  readonly uploads = new Map<string, UploadRecord>();
  // ---- organization side (seeded by src/seed/organization-side.ts)
  readonly notifications = new Map<string, NotificationRecord>();
  readonly invites = new Map<string, InviteRecord>();
  /** API keys by member id (at most one per member). */
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly aiChats = new Map<string, AiChatRecord>();
  /** Messages of each AI chat, oldest first, by chat id. */
  readonly aiChatMessages = new Map<string, AiChatMessageRecord[]>();
  readonly aiVotes = new Map<string, AiVoteRecord>();
  readonly knowledgeBase = new Map<string, KnowledgeDocumentRecord>();
  /** AI, Slack and email settings by organization id. */
  readonly organizationSettings = new Map<string, OrganizationSettings>();
  /** Sign-ups waiting for their one-time code, by lower-cased email. */
  readonly pendingRegistrations = new Map<string, PendingRegistration>();
  /** Password resets in progress, by lower-cased email. */
  readonly passwordResets = new Map<string, PasswordReset>();
  readonly events = new EventHub();
  /** Contact ids by organization and phone (kept by src/domain/contacts.ts). */
  readonly contactPhones = new ContactPhones();
  readonly ids: IdSource;

  /** `${organizationId}|${status}` → conversation ids in createdAt order. */
  private readonly byOrgStatus = new Map<string, SortedIds>();
  private readonly byContact = new Map<string, Set<string>>();
  private readonly byCampaign = new Map<string, Set<string>>();
  /**
   * Organization id → its conversation ids by `lastMessageAt` and by `createdAt` (any status): the order
   * `GET /messages` opens threads in. Built on first use, then kept up to date by every write below.
   * These derived indexes (and the contact ones below) are `#` fields: they are caches, not state, so what
   * enumerates the store's state (tests' state dumps) does not see a read build them.
   */
  #byOrgLastMessage: Map<string, SortedIds> | undefined;
  #byOrgCreated: Map<string, SortedIds> | undefined;
  /** Organization id → its contact ids by `createdAt` (then id): `GET /contacts` pages. Built on first use. */
  #contactTimelines: Map<string, SortedIds> | undefined;
  #contactRevision = 0;
  /** message id → conversation id, built on first use (it needs every thread). */
  private messageIndex: Map<string, string> | undefined;

  /** The latest time the clock gave (the world's `now` before any write). */
  private lastReading: Date;
  #changes = 0;
  #readings = 0;
  /** Reads the clock (a stepping clock moves forward): use it for writes. */
  readonly clock: () => Date;

  /**
   * An empty store over `world` (its threads and options) and `clock`. `idEpoch` counts the imports the state
   * has been through: ids minted after an import come from a stream of their own, so they never repeat earlier ones.
   */
  constructor(
    readonly world: World,
    clock: () => Date,
    readonly idEpoch = 0,
  ) {
    this.lastReading = new Date(world.options.now);
    this.clock = () => {
      this.#readings++;
      this.lastReading = clock();
      return this.lastReading;
    };
    this.ids = createIdSource(idEpoch === 0 ? world.runtimeIdSeed : [...world.runtimeIdSeed, idEpoch]);
  }

  /** A store holding exactly these records (each collection in the given order), with its indexes built from them. */
  static fromRecords(world: World, clock: () => Date, records: StoreRecordEntries | RecordSource, idEpoch = 0): Store {
    const store = new Store(world, clock, idEpoch);
    const entriesOf: RecordSource = typeof records === 'function' ? records : (name) => records[name];
    for (const name of COLLECTION_NAMES) loadCollection(store, name, entriesOf(name));
    store.buildIndexes();
    return store;
  }

  /** Builds every index from the records (on a store whose indexes are empty). */
  private buildIndexes(): void {
    for (const c of this.contacts.values()) this.contactPhones.set(c.organizationId, c.phone, c.uniqueId);
    for (const c of this.conversations.values()) this.indexRelations(c);
    for (const [k, ids] of sortedGroups(this.conversations.values(), (c) => `${c.organizationId}|${c.status}`, (c) => c.createdAt)) this.byOrgStatus.set(k, ids);
  }

  now(): string {
    return this.clock().toISOString();
  }

  /**
   * Counts the changes that may have been made to this store: the pipeline touches it around every write it
   * runs, background work (the campaign runner, --simulate) on every job. A response computed at one revision
   * may be served again only while the revision is the same (src/pipeline/response-cache.ts).
   */
  get revision(): number {
    return this.#changes;
  }

  touch(): void {
    this.#changes++;
  }

  /** How many times the clock was read: an answer that read it depends on when it was asked. */
  get clockReadings(): number {
    return this.#readings;
  }

  /** The current time without moving the clock: for checks such as token expiry. */
  peekNow(): Date {
    return this.lastReading;
  }

  // ---- conversations and their indexes

  private indexRelations(c: ConversationState): void {
    const byC = this.byContact.get(c.contactId) ?? new Set<string>();
    byC.add(c.uniqueId);
    this.byContact.set(c.contactId, byC);
    if (c.campaignId) {
      const byK = this.byCampaign.get(c.campaignId) ?? new Set<string>();
      byK.add(c.uniqueId);
      this.byCampaign.set(c.campaignId, byK);
    }
  }

  /** Ids of one organization's conversations with one status, in createdAt order. */
  conversationIndex(organizationId: string, status: string): SortedIds {
    return groupOf(this.byOrgStatus, `${organizationId}|${status}`);
  }

  /** Ids of one organization's conversations (every status) in ascending order of `by`, ties by id. */
  conversationTimeline(organizationId: string, by: 'lastMessageAt' | 'createdAt'): SortedIds {
    const build = () => sortedGroups(this.conversations.values(), (c) => c.organizationId, (c) => c[by]);
    const index = by === 'lastMessageAt' ? (this.#byOrgLastMessage ??= build()) : (this.#byOrgCreated ??= build());
    return groupOf(index, organizationId);
  }

  /**
   * Drops the timelines (conversations and contacts), to be rebuilt on next use: cheaper than removing
   * thousands of entries one by one when a bulk delete is about to run.
   */
  forgetTimelines(): void {
    this.#byOrgLastMessage = undefined;
    this.#byOrgCreated = undefined;
    this.#contactTimelines = undefined;
  }

  conversationsOfContact(contactId: string): string[] {
    return [...(this.byContact.get(contactId) ?? [])];
  }

  conversationsOfCampaign(campaignId: string): string[] {
    return [...(this.byCampaign.get(campaignId) ?? [])];
  }

  addConversation(c: ConversationState, messages: MessageRecord[]): void {
    this.conversations.set(c.uniqueId, c);
    this.ownThreads.set(c.uniqueId, messages);
    this.conversationIndex(c.organizationId, c.status).insert(c.uniqueId, c.createdAt);
    this.indexRelations(c);
    if (this.#byOrgLastMessage) this.conversationTimeline(c.organizationId, 'lastMessageAt').insert(c.uniqueId, c.lastMessageAt);
    if (this.#byOrgCreated) this.conversationTimeline(c.organizationId, 'createdAt').insert(c.uniqueId, c.createdAt);
    for (const m of messages) this.messageIndex?.set(m.uniqueId, c.uniqueId);
  }

  setConversationStatus(c: ConversationState, status: ConversationState['status']): void {
    if (c.status === status) return;
    this.conversationIndex(c.organizationId, c.status).remove(c.uniqueId, c.createdAt);
    c.status = status;
    this.conversationIndex(c.organizationId, c.status).insert(c.uniqueId, c.createdAt);
  }

  removeConversation(c: ConversationState): void {
    // Reading a thread the store never wrote regenerates it: only worth it when the message index exists.
    if (this.messageIndex) for (const m of this.messagesOf(c.uniqueId)) this.messageIndex.delete(m.uniqueId);
    this.conversationIndex(c.organizationId, c.status).remove(c.uniqueId, c.createdAt);
    this.#byOrgLastMessage?.get(c.organizationId)?.remove(c.uniqueId, c.lastMessageAt);
    this.#byOrgCreated?.get(c.organizationId)?.remove(c.uniqueId, c.createdAt);
    this.byContact.get(c.contactId)?.delete(c.uniqueId);
    if (c.campaignId) this.byCampaign.get(c.campaignId)?.delete(c.uniqueId);
    this.conversations.delete(c.uniqueId);
    this.ownThreads.delete(c.uniqueId);
    for (const [id, u] of this.uploads) if (u.conversationId === c.uniqueId) this.uploads.delete(id);
  }

  // ---- messages

  /** A conversation's messages, oldest first (read-only view). */
  messagesOf(conversationId: string): readonly MessageRecord[] {
    return this.ownThreads.get(conversationId) ?? this.world.threadOf(conversationId) ?? [];
  }

  /** The conversation's thread as an array the store owns and may change. */
  writableThread(conversationId: string): MessageRecord[] {
    let own = this.ownThreads.get(conversationId);
    if (!own) {
      own = [...(this.world.threadOf(conversationId) ?? [])];
      this.ownThreads.set(conversationId, own);
    }
    return own;
  }

  appendMessage(c: ConversationState, m: MessageRecord): void {
    this.writableThread(c.uniqueId).push(m);
    c.messageCount += 1;
    const byLast = this.#byOrgLastMessage?.get(c.organizationId);
    byLast?.remove(c.uniqueId, c.lastMessageAt);
    c.lastMessageAt = m.createdAt;
    byLast?.insert(c.uniqueId, c.lastMessageAt);
    this.messageIndex?.set(m.uniqueId, c.uniqueId);
  }

  /** The conversation a message belongs to. Builds the message index on first call (it reads every thread once). */
  conversationOfMessage(messageId: string): string | undefined {
    if (!this.messageIndex) {
      this.messageIndex = new Map();
      for (const id of this.conversations.keys()) for (const m of this.messagesOf(id)) this.messageIndex.set(m.uniqueId, id);
    }
    return this.messageIndex.get(messageId);
  }

  // ---- contacts

  /** Changes each time a contact is added or removed: what caches of contact lookups are keyed on. */
  get contactsRevision(): number {
    return this.#contactRevision;
  }

  addContact(c: Mutable<ContactRecord>): void {
    this.contacts.set(c.uniqueId, c);
    this.#contactRevision++;
    if (this.#contactTimelines) this.contactTimeline(c.organizationId).insert(c.uniqueId, c.createdAt);
  }

  removeContact(c: Mutable<ContactRecord>): void {
    if (!this.contacts.delete(c.uniqueId)) return;
    this.#contactRevision++;
    this.#contactTimelines?.get(c.organizationId)?.remove(c.uniqueId, c.createdAt);
  }

  /** Ids of one organization's contacts in ascending `createdAt` order, ties by id. */
  contactTimeline(organizationId: string): SortedIds {
    this.#contactTimelines ??= sortedGroups(this.contacts.values(), (c) => c.organizationId, (c) => c.createdAt);
    return groupOf(this.#contactTimelines, organizationId);
  }

  // ---- people

  memberOf(userId: string, organizationId: string): Mutable<MemberRecord> | undefined {
    for (const m of this.members.values()) if (m.userId === userId && m.organizationId === organizationId) return m;
    return undefined;
  }

  userByLogin(login: string): Mutable<UserRecord> | undefined {
    const wanted = login.trim().toLowerCase();
    for (const u of this.users.values()) if (u.username.toLowerCase() === wanted || u.email.toLowerCase() === wanted) return u;
    return undefined;
  }

  permissionsOf(member: MemberRecord): Set<string> {
    const out = new Set<string>();
    for (const id of member.roleIds) for (const p of this.roles.get(id)?.permissions ?? []) out.add(p);
    return out;
  }
}

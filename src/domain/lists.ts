import type { Mutable, Store } from '../store/store.js';
import type { ListRecord } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { missing } from './errors.js';
import { byCreatedAt, meta, pageOf, type PageRequest } from './paginate.js';
import { requireOwned } from './references.js';
import { serializeTag } from './serialize.js';

export type ListState = Mutable<ListRecord>;
type ApiList = Schemas['ContactListSchema'];

export const LIST_NOT_FOUND = 'List not found';
/** The update handler's wording on the real server. */
export const CONTACT_LIST_NOT_FOUND = 'Contact list not found';

export function findList(store: Store, organizationId: string, id: string, message = LIST_NOT_FOUND): ListState {
  const l = store.lists.get(id);
  if (!l || l.organizationId !== organizationId) throw missing(message);
  return l;
}

/** Lists of one organization, oldest first. */
export function listsOf(store: Store, organizationId: string): ListState[] {
  return [...store.lists.values()].filter((l) => l.organizationId === organizationId).sort(byCreatedAt('asc'));
}

/** Ids of the list's contacts that exist: what `GET /contacts?list_id=` returns. */
export function membersOf(store: Store, l: ListRecord): string[] {
  return l.contactIds.filter((id) => store.contacts.get(id)?.organizationId === l.organizationId);
}

/*
 * A list's `contactIds` only ever grow in place (push) or are replaced by a new array (filter, concat), so
 * the array and its length identify its content: what is derived from it is kept until either changes.
 */
const memberSets = new WeakMap<readonly string[], { length: number; set: ReadonlySet<string> }>();
const memberCounts = new WeakMap<readonly string[], { store: Store; length: number; revision: number; count: number }>();
const NO_MEMBERS: ReadonlySet<string> = new Set();

/** The list's contact ids as a set (empty for no list), shared by the requests that read it. */
export function memberSet(l: ListRecord | undefined): ReadonlySet<string> {
  if (!l) return NO_MEMBERS;
  const hit = memberSets.get(l.contactIds);
  if (hit && hit.length === l.contactIds.length) return hit.set;
  const set = new Set(l.contactIds);
  memberSets.set(l.contactIds, { length: l.contactIds.length, set });
  return set;
}

/** How many of the list's contacts exist (`membersOf(...).length`), recounted only when the list or the contacts changed. */
function memberCount(store: Store, l: ListRecord): number {
  const hit = memberCounts.get(l.contactIds);
  if (hit && hit.store === store && hit.length === l.contactIds.length && hit.revision === store.contactsRevision) return hit.count;
  const count = membersOf(store, l).length;
  memberCounts.set(l.contactIds, { store, length: l.contactIds.length, revision: store.contactsRevision, count });
  return count;
}

/** Campaigns that started sending to the list (they have a `sentAt`). */
export function campaignsSentTo(store: Store, listId: string): number {
  let n = 0;
  for (const k of store.campaigns.values()) if (k.sentAt !== undefined && k.listIds.includes(listId)) n++;
  return n;
}

/** A list with its counts computed from the store, the same wherever a list appears. */
export function serializeList(store: Store, l: ListRecord): ApiList {
  return {
    uniqueId: l.uniqueId,
    name: l.name,
    description: l.description,
    numberOfContacts: memberCount(store, l),
    numberOfCampaignsSent: campaignsSentTo(store, l.uniqueId),
    tags: l.tagIds.flatMap((id) => serializeTag(store, id) ?? []),
    createdAt: l.createdAt,
  };
}

export function listLists(store: Store, organizationId: string, f: PageRequest & { order?: 'asc' | 'desc' }) {
  const all = listsOf(store, organizationId).sort(byCreatedAt(f.order ?? 'desc'));
  return { lists: pageOf(all, f).map((l) => serializeList(store, l)), paginationMeta: meta(f, all.length) };
}

export function getList(store: Store, organizationId: string, id: string): ApiList {
  return serializeList(store, findList(store, organizationId, id));
}

export interface ListInput {
  name: string;
  description?: string;
  tags: string[];
  contactIds?: string[];
}

/** `POST /lists`: unlike the real server, `contactIds` are honoured (each must be a contact of the organization). */
export function createList(store: Store, organizationId: string, body: ListInput): ApiList {
  const tagIds = requireOwned(store, organizationId, 'tags', body.tags, 'tags');
  const contactIds = requireOwned(store, organizationId, 'contacts', body.contactIds ?? [], 'contactIds');
  const l: ListState = {
    uniqueId: store.ids.uuid(),
    organizationId,
    name: body.name,
    description: body.description ?? '',
    tagIds,
    contactIds,
    createdAt: store.now(),
  };
  store.lists.set(l.uniqueId, l);
  return serializeList(store, l);
}

export function updateList(store: Store, organizationId: string, id: string, body: Omit<ListInput, 'contactIds'>): ApiList {
  const l = findList(store, organizationId, id, CONTACT_LIST_NOT_FOUND);
  const tagIds = requireOwned(store, organizationId, 'tags', body.tags, 'tags');
  l.name = body.name;
  if (body.description !== undefined) l.description = body.description;
  l.tagIds = tagIds;
  return serializeList(store, l);
}

/** Deletes the list; its contacts stay, and campaigns stop referring to it (the join rows cascade). */
export function deleteList(store: Store, organizationId: string, id: string): void {
  const l = findList(store, organizationId, id);
  for (const k of store.campaigns.values()) {
    if (k.organizationId === organizationId && k.listIds.includes(l.uniqueId)) k.listIds = k.listIds.filter((x) => x !== l.uniqueId);
  }
  store.lists.delete(l.uniqueId);
}

/** The lists a contact belongs to, oldest first. */
export function listsOfContact(store: Store, organizationId: string, contactId: string): ListState[] {
  return listsOf(store, organizationId).filter((l) => l.contactIds.includes(contactId));
}

/**
 * The lists of contacts of one organization, for serializing many contacts in one request: each list's members
 * are read once and each list serialized once, however many contacts are asked about (a page of contacts in
 * lists of 50,000 would otherwise scan every list for every contact).
 */
export function listsOfContacts(store: Store, organizationId: string): (contactId: string) => ApiList[] {
  const lists = listsOf(store, organizationId);
  const serialized = new Map<string, ApiList>();
  const isMember = (l: ListState, contactId: string) => memberSet(l).has(contactId);
  const serialize = (l: ListState) => {
    let out = serialized.get(l.uniqueId);
    if (!out) {
      out = serializeList(store, l);
      serialized.set(l.uniqueId, out);
    }
    return out;
  };
  return (contactId) => lists.filter((l) => isMember(l, contactId)).map(serialize);
}

/** Makes the contact a member of exactly these lists. */
export function setMemberships(store: Store, organizationId: string, contactId: string, listIds: readonly string[]): void {
  const wanted = new Set(listIds);
  for (const l of listsOf(store, organizationId)) {
    const has = l.contactIds.includes(contactId);
    if (wanted.has(l.uniqueId) && !has) l.contactIds.push(contactId);
    if (!wanted.has(l.uniqueId) && has) l.contactIds = l.contactIds.filter((x) => x !== contactId);
  }
}

/**
 * Adds contacts that were just created (so are in no list yet) to lists: list id → the new contacts, in order.
 * Linear in the contacts added, whatever the lists already hold.
 */
export function addNewMembers(store: Store, joining: ReadonlyMap<string, readonly string[]>): void {
  for (const [listId, contactIds] of joining) {
    const l = store.lists.get(listId);
    if (l) l.contactIds = l.contactIds.concat(contactIds);
  }
}

/** Takes the contacts out of every list of the organization: one pass over each list, however many contacts go. */
export function removeMembers(store: Store, organizationId: string, contactIds: ReadonlySet<string>): void {
  for (const l of store.lists.values()) {
    if (l.organizationId !== organizationId || !l.contactIds.some((id) => contactIds.has(id))) continue;
    l.contactIds = l.contactIds.filter((id) => !contactIds.has(id));
  }
}

import type { Mutable, Store } from '../store/store.js';
import type { ContactAttributes, ContactRecord, ContactStatus } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { missing, rejected } from './errors.js';
import { addNewMembers, listsOfContacts, memberSet, removeMembers, setMemberships } from './lists.js';
import { byCreatedAt, meta, offsetOf, type PageRequest } from './paginate.js';
import { normalizePhone } from './phone.js';
import { requireOwned } from './references.js';
import { serializeThread } from './serialize.js';

export type ContactState = Mutable<ContactRecord>;
type ApiContact = Schemas['ContactSchema'];
type NewContact = Schemas['NewContactSchema'];
type ContactUpdate = Schemas['UpdateContactSchema'];

export const CONTACT_NOT_FOUND = 'Contact not found';

export function findContact(store: Store, organizationId: string, id: string): ContactState {
  const c = store.contacts.get(id);
  if (!c || c.organizationId !== organizationId) throw missing(CONTACT_NOT_FOUND);
  return c;
}

/** The organization's contact with this phone (normalised digits), found through the store's phone index. */
function contactWithPhone(store: Store, organizationId: string, phone: string): ContactState | undefined {
  const id = store.contactPhones.get(organizationId, phone);
  const c = id === undefined ? undefined : store.contacts.get(id);
  return c && c.organizationId === organizationId && c.phone === phone ? c : undefined;
}

/** Contacts of one organization, oldest first. */
export function contactsOf(store: Store, organizationId: string): ContactState[] {
  return store.contactTimeline(organizationId).page(0, Number.MAX_SAFE_INTEGER, 'asc').flatMap((id) => store.contacts.get(id) ?? []);
}

/** A contact with its lists; `conversations` (with their messages) only on the detail view. */
export function serializeContact(
  store: Store,
  c: ContactRecord,
  /** The detail view: with the contact's conversations and their messages. */
  withConversations: boolean,
  /** The lists of a contact; pass one `listsOfContacts` to every contact of a page. */
  listsOfContact: (contactId: string) => Schemas['ContactListSchema'][] = listsOfContacts(store, c.organizationId),
): ApiContact {
  const contact: ApiContact = {
    uniqueId: c.uniqueId,
    name: c.name,
    phone: c.phone,
    attributes: { ...c.attributes },
    createdAt: c.createdAt,
    lists: listsOfContact(c.uniqueId),
    status: c.status,
  };
  if (!withConversations) return contact;
  const conversations = store
    .conversationsOfContact(c.uniqueId)
    .flatMap((id) => store.conversations.get(id) ?? [])
    .sort(byCreatedAt('asc'))
    .map((v) => ({
      uniqueId: v.uniqueId,
      contactId: v.contactId,
      campaignId: v.campaignId,
      organizationId: v.organizationId,
      initiatedBy: v.initiatedBy,
      messages: serializeThread(store.messagesOf(v.uniqueId)),
      createdAt: v.createdAt,
      status: v.status,
    }));
  return { ...contact, conversations };
}

export interface ContactFilter extends PageRequest {
  list_id?: string;
  status?: ContactStatus;
  order?: 'asc' | 'desc';
}

/**
 * `GET /contacts`: newest first unless `order=asc`; `list_id` and `status` filter (an unknown list matches nothing).
 * Pages come from the store's contact timeline: O(page) without filters, one pass in order (no sort) with them.
 */
export function listContacts(store: Store, organizationId: string, f: ContactFilter) {
  const timeline = store.contactTimeline(organizationId);
  const order = f.order ?? 'desc';
  const tests: Array<(c: ContactState) => boolean> = [];
  if (f.list_id) {
    const l = store.lists.get(f.list_id);
    const members = memberSet(l && l.organizationId === organizationId ? l : undefined);
    tests.push((c) => members.has(c.uniqueId));
  }
  if (f.status) tests.push((c) => c.status === f.status);
  const offset = offsetOf(f);
  let page: ContactState[];
  let total: number;
  if (tests.length === 0) {
    page = timeline.page(offset, f.per_page, order).flatMap((id) => store.contacts.get(id) ?? []);
    total = timeline.length;
  } else {
    page = [];
    total = 0;
    const n = timeline.length;
    for (let k = 0; k < n; k++) {
      const c = store.contacts.get(timeline.idAt(order === 'asc' ? k : n - 1 - k)!);
      if (!c || !tests.every((t) => t(c))) continue;
      if (total >= offset && page.length < f.per_page) page.push(c);
      total++;
    }
  }
  const lists = listsOfContacts(store, organizationId);
  return { contacts: page.map((c) => serializeContact(store, c, false, lists)), paginationMeta: meta(f, total) };
}

export function getContact(store: Store, organizationId: string, id: string): ApiContact {
  return serializeContact(store, findContact(store, organizationId, id), true);
}

/** A contact ready to insert: phone normalised, lists checked. */
export interface ContactDraft {
  name: string;
  phone: string;
  status: ContactStatus;
  attributes: Record<string, unknown>;
  listIds: readonly string[];
}

/**
 * Contacts about to be created, in two steps so that a large batch can be prepared a piece at a time while
 * other requests run: `add` turns each draft into a record with a fresh id, unless the organization already
 * has its phone or an earlier draft of the batch has it (skipped, as the real server skips duplicates
 * silently); `commit` inserts the records in one synchronous step, linear in their number (phones are looked
 * up in the store's index, new contacts are appended to their lists), with one clock reading for the batch.
 */
export class ContactBatch {
  private readonly pending: Array<{ record: ContactState; listIds: readonly string[] }> = [];
  /** Phone → id of every pending record (handed to the phone index on commit). */
  private phones = new Map<string, string>();
  private skipped = 0;
  /** The phone index's version after the last `add`: if it is the same at `commit`, no phone needs checking again. */
  private checkedAt = -1;

  constructor(
    private readonly store: Store,
    private readonly organizationId: string,
  ) {}

  add(d: ContactDraft): void {
    if (this.phones.has(d.phone) || contactWithPhone(this.store, this.organizationId, d.phone)) {
      this.skipped++;
      return;
    }
    const record: ContactState = {
      uniqueId: this.store.ids.uuid(),
      organizationId: this.organizationId,
      name: d.name,
      phone: d.phone,
      // The API takes any JSON values; the world's records only generate scalars.
      attributes: { ...d.attributes } as ContactAttributes,
      status: d.status,
      createdAt: '',
    };
    this.phones.set(record.phone, record.uniqueId);
    this.pending.push({ record, listIds: d.listIds });
    this.checkedAt = this.store.contactPhones.version;
  }

  /**
   * Inserts the batch. `listIds`, when given, are the lists of every contact of the batch (instead of each
   * draft's own). A phone taken since `add` is skipped now.
   */
  commit(listIds?: readonly string[]): { created: number; skipped: number } {
    const { store, organizationId } = this;
    const createdAt = store.now();
    const recheck = store.contactPhones.version !== this.checkedAt;
    const joining = new Map<string, string[]>();
    const createdIds: string[] = [];
    for (const { record, listIds: own } of this.pending) {
      if (recheck && contactWithPhone(store, organizationId, record.phone)) {
        this.phones.delete(record.phone);
        this.skipped++;
        continue;
      }
      record.createdAt = createdAt;
      store.addContact(record);
      createdIds.push(record.uniqueId);
      if (listIds) continue;
      for (const listId of own) {
        const members = joining.get(listId);
        if (members) members.push(record.uniqueId);
        else joining.set(listId, [record.uniqueId]);
      }
    }
    store.contactPhones.addAll(organizationId, this.phones);
    if (listIds) for (const listId of listIds) joining.set(listId, createdIds);
    addNewMembers(store, joining);
    this.pending.length = 0;
    this.phones = new Map();
    return { created: createdIds.length, skipped: this.skipped };
  }
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function createdMessage(created: number, skipped: number): string {
  const base = `Successfully created ${plural(created, 'contact', 'contacts')}`;
  return skipped === 0 ? base : `${base}; skipped ${plural(skipped, 'contact', 'contacts')} whose phone number already exists`;
}

function phoneOrThrow(input: string, field: string): string {
  const p = normalizePhone(input);
  if (!p.ok) throw rejected(`${field} is not a valid phone number: ${p.reason} (got '${input}')`);
  return p.phone;
}

/**
 * `POST /contacts`: every item is checked before anything is written (an invalid phone or an unknown list
 * rejects the whole request, naming the item). Unlike the real server, `status` is honoured.
 */
export function createContacts(store: Store, organizationId: string, items: readonly NewContact[]) {
  const drafts = items.map((item, i) => ({
    name: item.name,
    phone: phoneOrThrow(item.phone, `request body field '[${i}].phone'`),
    status: item.status,
    attributes: item.attributes,
    listIds: requireOwned(store, organizationId, 'lists', item.listsIds, `[${i}].listsIds`),
  }));
  const batch = new ContactBatch(store, organizationId);
  for (const d of drafts) batch.add(d);
  const { created, skipped } = batch.commit();
  return { message: createdMessage(created, skipped) };
}

/** `POST /contacts/{id}`: replaces the contact's fields and list memberships. The phone is normalised and must stay unique. */
export function updateContact(store: Store, organizationId: string, id: string, body: ContactUpdate): ApiContact {
  const c = findContact(store, organizationId, id);
  const phone = phoneOrThrow(body.phone, "request body field 'phone'");
  const listIds = requireOwned(store, organizationId, 'lists', body.lists, 'lists');
  const clash = contactWithPhone(store, organizationId, phone);
  if (clash && clash !== c) throw rejected(`request body field 'phone': another contact of this organization (${clash.uniqueId}) has the phone number ${phone}`);
  c.name = body.name;
  store.contactPhones.delete(organizationId, c.phone, c.uniqueId);
  c.phone = phone;
  store.contactPhones.set(organizationId, phone, c.uniqueId);
  c.status = body.status;
  c.attributes = { ...body.attributes } as ContactAttributes;
  setMemberships(store, organizationId, c.uniqueId, listIds);
  return serializeContact(store, c, false);
}

/**
 * `DELETE /contacts/{id}`. As in the real database, deleting a contact cascades: its conversations and their
 * messages are deleted too (gone from /conversations, /conversation/{id}, /messages and every count), and it
 * leaves its lists. Campaign counters keep the messages already sent to it.
 */
export function deleteContact(store: Store, organizationId: string, id: string): void {
  removeContacts(store, organizationId, [findContact(store, organizationId, id)]);
}

/** Past this many contacts, a delete drops the store's timelines rather than editing them entry by entry. */
const BULK = 64;

/** Deletes contacts of one organization with their conversations; one pass over the lists for all of them. */
function removeContacts(store: Store, organizationId: string, gone: readonly ContactState[]): void {
  if (gone.length > BULK) store.forgetTimelines();
  for (const c of gone) {
    for (const cid of store.conversationsOfContact(c.uniqueId)) {
      const conv = store.conversations.get(cid);
      if (conv) store.removeConversation(conv);
    }
    store.removeContact(c);
    store.contactPhones.delete(organizationId, c.phone, c.uniqueId);
  }
  removeMembers(store, organizationId, new Set(gone.map((c) => c.uniqueId)));
}

/** `DELETE /contacts?id=<list>`: deletes every contact of the list (each as `DELETE /contacts/{id}` would). */
export function deleteContactsOfList(store: Store, organizationId: string, listId: string): number {
  const l = store.lists.get(listId);
  if (!l || l.organizationId !== organizationId) throw rejected(`query parameter 'id' must be the id of a contact list of this organization (got '${listId}')`);
  const ids = [...l.contactIds];
  removeContacts(store, organizationId, ids.flatMap((id) => {
    const c = store.contacts.get(id);
    return c && c.organizationId === organizationId ? [c] : [];
  }));
  return ids.length;
}

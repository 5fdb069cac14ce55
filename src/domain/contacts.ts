import type { Mutable, Store } from '../store/store.js';
import type { ContactAttributes, ContactRecord, ContactStatus } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { parseCsv } from './csv.js';
import { missing, rejected } from './errors.js';
import { addMembers, listsOf, listsOfContact, serializeList, setMemberships } from './lists.js';
import { byCreatedAt, meta, pageOf, type PageRequest } from './paginate.js';
import { normalizePhone } from './phone.js';
import { requireOwned } from './references.js';
import { serializeMessage } from './serialize.js';

export type ContactState = Mutable<ContactRecord>;
type ApiContact = Schemas['ContactSchema'];
type NewContact = Schemas['NewContactSchema'];
type ContactUpdate = Schemas['UpdateContactSchema'];

export const CONTACT_NOT_FOUND = 'Contact not found';
/** The longest contact name bulk import accepts, as on the real server. */
export const MAX_NAME_LENGTH = 255;

export function findContact(store: Store, organizationId: string, id: string): ContactState {
  const c = store.contacts.get(id);
  if (!c || c.organizationId !== organizationId) throw missing(CONTACT_NOT_FOUND);
  return c;
}

/** Contacts of one organization, oldest first. */
export function contactsOf(store: Store, organizationId: string): ContactState[] {
  return [...store.contacts.values()].filter((c) => c.organizationId === organizationId).sort(byCreatedAt('asc'));
}

/** A contact with its lists; `conversations` (with their messages) only on the detail view. */
export function serializeContact(store: Store, c: ContactRecord, origin: string | undefined): ApiContact {
  const contact: ApiContact = {
    uniqueId: c.uniqueId,
    name: c.name,
    phone: c.phone,
    attributes: { ...c.attributes },
    createdAt: c.createdAt,
    lists: listsOfContact(store, c.organizationId, c.uniqueId).map((l) => serializeList(store, l)),
    status: c.status,
  };
  if (origin === undefined) return contact;
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
      messages: store.messagesOf(v.uniqueId).map((m) => serializeMessage(m, origin)),
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

/** `GET /contacts`: newest first unless `order=asc`; `list_id` and `status` filter (an unknown list matches nothing). */
export function listContacts(store: Store, organizationId: string, f: ContactFilter) {
  let all = contactsOf(store, organizationId);
  if (f.list_id) {
    const l = store.lists.get(f.list_id);
    const members = new Set(l && l.organizationId === organizationId ? l.contactIds : []);
    all = all.filter((c) => members.has(c.uniqueId));
  }
  if (f.status) all = all.filter((c) => c.status === f.status);
  if ((f.order ?? 'desc') === 'desc') all.reverse();
  return { contacts: pageOf(all, f).map((c) => serializeContact(store, c, undefined)), paginationMeta: meta(f, all.length) };
}

export function getContact(store: Store, organizationId: string, id: string, origin: string): ApiContact {
  return serializeContact(store, findContact(store, organizationId, id), origin);
}

/** A contact ready to insert: phone normalised, lists checked. */
interface ContactDraft {
  name: string;
  phone: string;
  status: ContactStatus;
  attributes: Record<string, unknown>;
  listIds: string[];
}

/**
 * Inserts contacts whose phone the organization does not have yet (nor an earlier draft of the same batch);
 * the others are skipped, as the real server skips duplicates silently. One clock reading for the batch.
 */
function insertContacts(store: Store, organizationId: string, drafts: readonly ContactDraft[]): { created: number; skipped: number } {
  const taken = new Set(contactsOf(store, organizationId).map((c) => c.phone));
  const createdAt = store.now();
  let created = 0;
  for (const d of drafts) {
    if (taken.has(d.phone)) continue;
    taken.add(d.phone);
    const c: ContactState = {
      uniqueId: store.ids.uuid(),
      organizationId,
      name: d.name,
      phone: d.phone,
      // The API takes any JSON values; the world's records only generate scalars.
      attributes: { ...d.attributes } as ContactAttributes,
      status: d.status,
      createdAt,
    };
    store.contacts.set(c.uniqueId, c);
    addMembers(store, d.listIds, [c.uniqueId]);
    created++;
  }
  return { created, skipped: drafts.length - created };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  const { created, skipped } = insertContacts(store, organizationId, drafts);
  return { message: createdMessage(created, skipped) };
}

/** `POST /contacts/{id}`: replaces the contact's fields and list memberships. The phone is normalised and must stay unique. */
export function updateContact(store: Store, organizationId: string, id: string, body: ContactUpdate): ApiContact {
  const c = findContact(store, organizationId, id);
  const phone = phoneOrThrow(body.phone, "request body field 'phone'");
  const listIds = requireOwned(store, organizationId, 'lists', body.lists, 'lists');
  const clash = contactsOf(store, organizationId).find((o) => o.phone === phone && o.uniqueId !== c.uniqueId);
  if (clash) throw rejected(`request body field 'phone': another contact of this organization (${clash.uniqueId}) has the phone number ${phone}`);
  c.name = body.name;
  c.phone = phone;
  c.status = body.status;
  c.attributes = { ...body.attributes } as ContactAttributes;
  setMemberships(store, organizationId, c.uniqueId, listIds);
  return serializeContact(store, c, undefined);
}

/**
 * `DELETE /contacts/{id}`. As in the real database, deleting a contact cascades: its conversations and their
 * messages are deleted too (gone from /conversations, /conversation/{id}, /messages and every count), and it
 * leaves its lists. Campaign counters keep the messages already sent to it.
 */
export function deleteContact(store: Store, organizationId: string, id: string): void {
  removeContact(store, findContact(store, organizationId, id));
}

function removeContact(store: Store, c: ContactState): void {
  for (const cid of store.conversationsOfContact(c.uniqueId)) {
    const conv = store.conversations.get(cid);
    if (conv) store.removeConversation(conv);
  }
  for (const l of listsOf(store, c.organizationId)) {
    if (l.contactIds.includes(c.uniqueId)) l.contactIds = l.contactIds.filter((x) => x !== c.uniqueId);
  }
  store.contacts.delete(c.uniqueId);
}

/** `DELETE /contacts?id=<list>`: deletes every contact of the list (each as `DELETE /contacts/{id}` would). */
export function deleteContactsOfList(store: Store, organizationId: string, listId: string): number {
  const l = store.lists.get(listId);
  if (!l || l.organizationId !== organizationId) throw rejected(`query parameter 'id' must be the id of a contact list of this organization (got '${listId}')`);
  const ids = [...l.contactIds];
  for (const id of ids) {
    const c = store.contacts.get(id);
    if (c && c.organizationId === organizationId) removeContact(store, c);
  }
  return ids.length;
}

export interface ImportInput {
  file: Buffer;
  delimiter?: string;
  listIds?: string;
}

/** Reads the `listIds` form field: a JSON array of list ids of the organization. */
function importLists(store: Store, organizationId: string, raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw rejected(`form field 'listIds' must be a JSON array of list ids, e.g. ["<uuid>"] (got '${raw}')`);
  }
  if (!Array.isArray(parsed) || !parsed.every((x): x is string => typeof x === 'string')) {
    throw rejected(`form field 'listIds' must be a JSON array of list ids, e.g. ["<uuid>"] (got '${raw}')`);
  }
  parsed.forEach((id, i) => {
    const l = store.lists.get(id);
    if (!l || l.organizationId !== organizationId) throw rejected(`form field 'listIds' item ${i} must be the id of a contact list of this organization (got '${id}')`);
  });
  return [...new Set(parsed)];
}

/**
 * `POST /contacts/bulk-import`: a CSV of `name,phone,attributes` (attributes a JSON object, optional) with a
 * header row, which is skipped. Good rows are imported (duplicates skipped) and added to `listIds`; bad rows
 * are left out and reported by line in the message. A file with no usable row, a bad delimiter or unknown
 * lists changes nothing (400).
 */
export function importContacts(store: Store, organizationId: string, input: ImportInput) {
  // One character, not a quote or a line break: the spec's pattern, already checked by the router.
  const delimiter = input.delimiter ?? ',';
  const listIds = importLists(store, organizationId, input.listIds);
  const text = input.file.toString('utf8');
  const { rows, unterminatedAt } = parseCsv(text, delimiter);
  if (unterminatedAt !== undefined) throw rejected(`form field 'file': the quoted field that starts on line ${unterminatedAt} is never closed`);
  const data = rows.slice(1);
  if (data.length === 0) throw rejected("form field 'file' must be a CSV file with a header row and at least one contact (columns: name, phone, attributes)");

  const drafts: ContactDraft[] = [];
  const problems: string[] = [];
  for (const { line, fields } of data) {
    const [name = '', phone = '', attributes = ''] = fields.map((x) => x.trim());
    if (fields.length > 3) {
      problems.push(`line ${line}: expected at most 3 columns (name, phone, attributes), got ${fields.length}`);
      continue;
    }
    if (name.length > MAX_NAME_LENGTH) {
      problems.push(`line ${line}: name is longer than ${MAX_NAME_LENGTH} characters`);
      continue;
    }
    const p = normalizePhone(phone);
    if (!p.ok) {
      problems.push(phone === '' ? `line ${line}: phone is missing` : `line ${line}: '${phone}' is not a valid phone number: ${p.reason}`);
      continue;
    }
    let attrs: unknown = {};
    if (attributes !== '') {
      try {
        attrs = JSON.parse(attributes);
      } catch {
        attrs = undefined;
      }
    }
    if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) {
      problems.push(`line ${line}: attributes must be a JSON object, e.g. {"city":"Pune"}`);
      continue;
    }
    drafts.push({ name, phone: p.phone, status: 'Active', attributes: attrs as Record<string, unknown>, listIds });
  }
  if (drafts.length === 0) throw rejected(`form field 'file' has no valid contact row: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
  const { created, skipped } = insertContacts(store, organizationId, drafts);
  const parts = [`Imported ${plural(created, 'contact', 'contacts')} from ${plural(data.length, 'row', 'rows')}`];
  if (skipped) parts.push(`skipped ${plural(skipped, 'contact', 'contacts')} whose phone number already exists`);
  if (problems.length) parts.push(`rejected ${plural(problems.length, 'row', 'rows')}: ${problems.join('; ')}`);
  return { message: parts.join('; ') };
}

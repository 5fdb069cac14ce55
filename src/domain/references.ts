import type { Store } from '../store/store.js';
import { rejected } from './errors.js';

/**
 * Checks of ids a request body refers to (tags, lists, contacts, templates, phone numbers): each must name a
 * record of the caller's organization. The schema already checked the format; this checks existence, and
 * names the offending field the way the router names schema violations.
 */
type Kind = 'tags' | 'lists' | 'contacts';

const WHAT: Record<Kind, string> = { tags: 'a tag', lists: 'a contact list', contacts: 'a contact' };

export function requireOwned(store: Store, organizationId: string, kind: Kind, ids: readonly string[], field: string): string[] {
  const records: Map<string, { organizationId: string }> = store[kind];
  ids.forEach((id, i) => {
    if (records.get(id)?.organizationId !== organizationId) {
      throw rejected(`request body field '${field}[${i}]' must be the id of ${WHAT[kind]} of this organization (got '${id}')`);
    }
  });
  return [...new Set(ids)];
}

export function requireTemplate(store: Store, organizationId: string, id: string, field: string): void {
  if (store.templates.get(id)?.organizationId !== organizationId) {
    throw rejected(`request body field '${field}' must be the id of a message template of this organization (see GET /organization/templates) (got '${id}')`);
  }
}

export function requirePhoneNumber(store: Store, organizationId: string, id: string, field: string): void {
  if (store.phoneNumbers.get(id)?.organizationId !== organizationId) {
    throw rejected(`request body field '${field}' must be the id of a business phone number of this organization (see GET /organization/phone-numbers) (got '${id}')`);
  }
}

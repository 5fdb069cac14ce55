/**
 * The knowledge base each generated business starts with: the policies and FAQs its team answers from
 * (returns, shipping, opening hours, warranty… for the store; appointments, lab reports, fees… for the
 * clinic), one module per business kind. Texts are filled with the organization's own facts: city,
 * address, currency, couriers, website.
 */
import type { OrganizationRecord } from '../model.js';
import { clinicDocuments } from './clinic.js';
import type { KnowledgeDraft } from './draft.js';
import { storeDocuments } from './store.js';

export type { KnowledgeDraft } from './draft.js';

export function knowledgeDocuments(org: OrganizationRecord): KnowledgeDraft[] {
  return org.businessKind === 'store' ? storeDocuments(org) : clinicDocuments(org);
}

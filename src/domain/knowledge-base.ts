/**
 * The knowledge base: the organization's reference documents (policies, FAQs) that the AI assistant quotes in
 * its answers and reply suggestions. Archived documents stay listed but are no longer used by the AI.
 */
import type { KnowledgeDocumentRecord } from '../store/organization-records.js';
import type { Store } from '../store/store.js';
import type { Schemas } from './api-types.js';
import { missing, rejected } from './errors.js';
import { byCreatedAt, meta, pageOf, type PageRequest } from './paginate.js';
import { requireOwned } from './references.js';
import { serializeTag } from './serialize.js';

type ApiDocument = Schemas['KnowledgeBaseDocumentSchema'];

export const DOCUMENT_NOT_FOUND = 'Document not found';

export function serializeDocument(store: Store, d: KnowledgeDocumentRecord): ApiDocument {
  return {
    uniqueId: d.uniqueId,
    title: d.title,
    content: d.content,
    tags: d.tagIds.flatMap((id) => serializeTag(store, id) ?? []),
    status: d.status,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function findDocument(store: Store, organizationId: string, id: string): KnowledgeDocumentRecord {
  const d = store.knowledgeBase.get(id);
  if (!d || d.organizationId !== organizationId) throw missing(DOCUMENT_NOT_FOUND);
  return d;
}

function cleanTitle(title: string): string {
  const t = title.trim();
  if (!t) throw rejected("request body field 'title' must not be blank");
  return t;
}

/** `GET /knowledge-base`, newest first unless `order=asc`. */
export function listDocuments(store: Store, organizationId: string, q: PageRequest & { order?: 'asc' | 'desc' }) {
  const docs = [...store.knowledgeBase.values()].filter((d) => d.organizationId === organizationId).sort(byCreatedAt(q.order ?? 'desc'));
  return { documents: pageOf(docs, q).map((d) => serializeDocument(store, d)), paginationMeta: meta(q, docs.length) };
}

export function getDocument(store: Store, organizationId: string, id: string): ApiDocument {
  return serializeDocument(store, findDocument(store, organizationId, id));
}

export function createDocument(store: Store, organizationId: string, body: Schemas['NewKnowledgeBaseDocumentSchema']): ApiDocument {
  const title = cleanTitle(body.title);
  const tagIds = requireOwned(store, organizationId, 'tags', body.tags ?? [], 'tags');
  const now = store.now();
  const doc: KnowledgeDocumentRecord = { uniqueId: store.ids.uuid(), organizationId, title, content: body.content, tagIds, status: body.status ?? 'Active', createdAt: now, updatedAt: now };
  store.knowledgeBase.set(doc.uniqueId, doc);
  return serializeDocument(store, doc);
}

/** `POST /knowledge-base/{id}`: changes only the fields sent. Everything is checked before anything changes. */
export function updateDocument(store: Store, organizationId: string, id: string, body: Schemas['UpdateKnowledgeBaseDocumentSchema']): ApiDocument {
  const doc = findDocument(store, organizationId, id);
  const title = body.title !== undefined ? cleanTitle(body.title) : doc.title;
  const tagIds = body.tags !== undefined ? requireOwned(store, organizationId, 'tags', body.tags, 'tags') : doc.tagIds;
  Object.assign(doc, { title, tagIds, content: body.content ?? doc.content, status: body.status ?? doc.status, updatedAt: store.now() });
  return serializeDocument(store, doc);
}

export function deleteDocument(store: Store, organizationId: string, id: string): void {
  store.knowledgeBase.delete(findDocument(store, organizationId, id).uniqueId);
}

/**
 * Organization tags: labels for lists, campaigns, conversations and knowledge-base documents, unique per
 * organization (compared without regard to case or surrounding spaces).
 */
import type { Mutable, Store } from '../store/store.js';
import type { TagRecord } from '../world/model.js';
import type { ApiTag } from './api-types.js';
import { rejected } from './errors.js';
import { byCreatedAt, meta, pageOf } from './paginate.js';
import type { SortedPage } from './organizations.js';

const toApi = (t: TagRecord): ApiTag => ({ uniqueId: t.uniqueId, label: t.label });

/** `GET /organization/tags`, oldest first unless `sortBy=desc`. */
export function listTags(store: Store, organizationId: string, q: SortedPage) {
  const tags = [...store.tags.values()].filter((t) => t.organizationId === organizationId).sort(byCreatedAt(q.sortBy ?? 'asc'));
  return { tags: pageOf(tags, q).map(toApi), paginationMeta: meta(q, tags.length) };
}

export function createTag(store: Store, organizationId: string, label: string): ApiTag {
  const trimmed = label.trim();
  if (!trimmed) throw rejected('Tag label is required');
  for (const t of store.tags.values()) {
    if (t.organizationId === organizationId && t.label.toLowerCase() === trimmed.toLowerCase()) throw rejected('Tag already exists');
  }
  const tag: Mutable<TagRecord> = { uniqueId: store.ids.uuid(), organizationId, label: trimmed, createdAt: store.now() };
  store.tags.set(tag.uniqueId, tag);
  return toApi(tag);
}

import type { MessageRecord } from '../world/model.js';
import type { ConversationState, Store } from '../store/store.js';
import type { ApiMessage } from './api-types.js';
import { meta, offsetOf, type PageRequest } from './paginate.js';
import { serializeThread } from './serialize.js';

export interface MessageFilter {
  page?: number;
  per_page?: number;
  order?: 'asc' | 'desc';
  status?: 'read' | 'unread' | 'sent' | 'failed';
  direction?: 'InBound' | 'OutBound';
  contact_id?: string;
  campaign_id?: string;
  list_id?: string;
  conversation_id?: string;
}

const STATUS_TEST: Record<NonNullable<MessageFilter['status']>, (m: MessageRecord) => boolean> = {
  read: (m) => m.status === 'Read',
  // Unread as the inbox counts it: inbound messages nobody has read yet.
  unread: (m) => m.direction === 'InBound' && m.status === 'Sent',
  sent: (m) => m.status === 'Sent',
  failed: (m) => m.status === 'Failed',
};

/**
 * `GET /messages`: messages of the caller's organization across conversations, newest first by default.
 * The conversations are narrowed by the relation filters first; a page is then merged from the threads
 * in order, so only the threads a page needs are read.
 */
export function listMessages(store: Store, organizationId: string, f: MessageFilter) {
  const p: PageRequest = { page: f.page ?? 1, per_page: f.per_page ?? 20 };
  const order = f.order ?? 'desc';
  let convs: ConversationState[] = [...store.conversations.values()].filter((c) => c.organizationId === organizationId);
  if (f.conversation_id) convs = convs.filter((c) => c.uniqueId === f.conversation_id);
  if (f.contact_id) convs = convs.filter((c) => c.contactId === f.contact_id);
  if (f.campaign_id) convs = convs.filter((c) => c.campaignId === f.campaign_id);
  if (f.list_id) {
    const members = new Set(store.lists.get(f.list_id)?.contactIds ?? []);
    convs = convs.filter((c) => members.has(c.contactId));
  }
  const test = (m: MessageRecord) => (!f.direction || m.direction === f.direction) && (!f.status || STATUS_TEST[f.status](m));
  const filtered = !!(f.direction || f.status);

  // Exact total: cheap from the counters when no message-level filter applies.
  const total = filtered
    ? convs.reduce((n, c) => n + store.messagesOf(c.uniqueId).filter(test).length, 0)
    : convs.reduce((n, c) => n + c.messageCount, 0);

  // k-way merge by createdAt, reading threads lazily in order of their newest (or oldest) message.
  const want = offsetOf(p) + p.per_page;
  const picked: MessageRecord[] = [];
  const key = (c: ConversationState) => (order === 'desc' ? c.lastMessageAt : c.createdAt);
  convs.sort((a, b) => (order === 'desc' ? (key(a) < key(b) ? 1 : -1) : key(a) < key(b) ? -1 : 1));
  const cursors: Array<{ list: readonly MessageRecord[]; i: number }> = [];
  let next = 0;
  const head = (cur: { list: readonly MessageRecord[]; i: number }) => cur.list[order === 'desc' ? cur.list.length - 1 - cur.i : cur.i];
  while (picked.length < want) {
    // Open threads whose boundary could still hold the next message.
    const best = cursors.reduce<{ list: readonly MessageRecord[]; i: number } | undefined>((b, cur) => {
      const m = head(cur);
      if (!m) return b;
      const bm = b && head(b);
      return !bm || (order === 'desc' ? m.createdAt > bm.createdAt : m.createdAt < bm.createdAt) ? cur : b;
    }, undefined);
    const bestAt = best ? head(best)?.createdAt : undefined;
    const candidate = convs[next];
    if (candidate && (bestAt === undefined || (order === 'desc' ? key(candidate) >= bestAt : key(candidate) <= bestAt))) {
      cursors.push({ list: filtered ? store.messagesOf(candidate.uniqueId).filter(test) : store.messagesOf(candidate.uniqueId), i: 0 });
      next += 1;
      continue;
    }
    if (!best) break;
    picked.push(head(best)!);
    best.i += 1;
  }
  const messages: ApiMessage[] = serializeThread(picked.slice(offsetOf(p)));
  return { messages, paginationMeta: meta(p, total) };
}

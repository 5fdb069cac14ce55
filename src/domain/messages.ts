import type { ConversationState, Store } from '../store/store.js';
import type { SortedIds } from '../store/sorted-ids.js';
import type { MessageRecord } from '../world/model.js';
import type { ApiMessage } from './api-types.js';
import { messageFacts, STATUSES, type MessageFacts } from './message-facts.js';
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

/**
 * The message-level filters as two tests on a thread's facts: the direction required (-1: any, 0: OutBound,
 * 1: InBound, 2: none can match) and the statuses allowed (one flag per index into STATUSES).
 */
interface FactFilter {
  inbound: number;
  statuses: Uint8Array;
}

function factFilter(f: MessageFilter): FactFilter {
  let inbound = f.direction === undefined ? -1 : f.direction === 'InBound' ? 1 : 0;
  const statuses = new Uint8Array(STATUSES.length).fill(f.status ? 0 : 1);
  const allow = (s: (typeof STATUSES)[number]) => void (statuses[STATUSES.indexOf(s)] = 1);
  if (f.status === 'read') allow('Read');
  if (f.status === 'sent') allow('Sent');
  if (f.status === 'failed') allow('Failed');
  if (f.status === 'unread') {
    // Unread as the inbox counts it: inbound messages nobody has read yet.
    allow('Sent');
    inbound = inbound === 0 ? 2 : 1;
  }
  return { inbound, statuses };
}

/** Conversations in the order their threads are opened: by `lastMessageAt` (desc) or `createdAt` (asc). */
interface Opening {
  /** The next conversation to open and the bound on its messages' times, or undefined when none is left. */
  peek(): { id: string; boundMs: number } | undefined;
  advance(): void;
}

function openingFromIndex(ids: SortedIds, order: 'asc' | 'desc'): Opening {
  let k = 0;
  const pos = () => (order === 'asc' ? k : ids.length - 1 - k);
  return {
    peek: () => {
      const id = ids.idAt(pos());
      return id === undefined ? undefined : { id, boundMs: Date.parse(ids.keyAt(pos())!) };
    },
    advance: () => void (k += 1),
  };
}

function openingFromList(convs: readonly ConversationState[], order: 'asc' | 'desc'): Opening {
  const key = (c: ConversationState) => (order === 'desc' ? c.lastMessageAt : c.createdAt);
  // The same order as the store's timelines: by key, then by id.
  const sorted = [...convs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.uniqueId < b.uniqueId ? -1 : a.uniqueId > b.uniqueId ? 1 : 0));
  if (order === 'desc') sorted.reverse();
  let k = 0;
  return {
    peek: () => {
      const c = sorted[k];
      return c && { id: c.uniqueId, boundMs: Date.parse(key(c)) };
    },
    advance: () => void (k += 1),
  };
}

/** An open thread: its facts and the position (in the facts' columns) of its next message in page order that matches the filters. */
interface Cursor {
  id: string;
  facts: MessageFacts;
  pos: number;
  /** Opening order: breaks ties between threads with a message at the same millisecond. */
  seq: number;
}

/**
 * The conversations a request's relation filters allow, or `undefined` when it has none (every conversation
 * of the organization). Each filter reads the store's indexes, never every conversation.
 */
function narrowed(store: Store, organizationId: string, f: MessageFilter): ConversationState[] | undefined {
  let ids: string[] | undefined;
  const keep = (next: Iterable<string>) => {
    if (ids === undefined) ids = [...next];
    else {
      const allowed = new Set(next);
      ids = ids.filter((id) => allowed.has(id));
    }
  };
  if (f.conversation_id) keep([f.conversation_id]);
  if (f.contact_id) keep(store.conversationsOfContact(f.contact_id));
  if (f.campaign_id) keep(store.conversationsOfCampaign(f.campaign_id));
  if (f.list_id) keep((store.lists.get(f.list_id)?.contactIds ?? []).flatMap((contactId) => store.conversationsOfContact(contactId)));
  if (ids === undefined) return undefined;
  return ids.flatMap((id) => {
    const c = store.conversations.get(id);
    return c && c.organizationId === organizationId ? [c] : [];
  });
}

/**
 * `GET /messages`: messages of the caller's organization across conversations, newest first by default (ties at
 * the same millisecond: the thread opened first, then the thread's own order). The conversations are narrowed
 * by the relation filters through the store's indexes; a page is then merged from the threads' facts (time,
 * status, direction — no content), opening threads in the order of the store's per-organization timeline, so a
 * page costs O(page + threads it touches), whatever the world's size. Only the threads holding a message of the
 * page are rendered.
 */
export function listMessages(store: Store, organizationId: string, f: MessageFilter) {
  const p: PageRequest = { page: f.page ?? 1, per_page: f.per_page ?? 20 };
  const order = f.order ?? 'desc';
  const convs = narrowed(store, organizationId, f);
  const { inbound, statuses } = factFilter(f);
  const filtered = f.direction !== undefined || f.status !== undefined;
  const matches = (facts: MessageFacts, i: number) => (inbound < 0 || facts.inbound[i] === inbound) && statuses[facts.status[i]!] === 1;

  // Exact total: from the counters when no message-level filter applies, else from the facts.
  const everyConv = (visit: (c: ConversationState) => void) => {
    if (convs) convs.forEach(visit);
    else for (const c of store.conversations.values()) if (c.organizationId === organizationId) visit(c);
  };
  let total = 0;
  everyConv((c) => {
    if (!filtered) total += c.messageCount;
    else {
      const { start, end, inbound: dir, status: st } = messageFacts(store, c.uniqueId);
      for (let i = start; i < end; i++) if ((inbound < 0 || dir[i] === inbound) && statuses[st[i]!] === 1) total++;
    }
  });

  // k-way merge by time over a heap of open threads.
  const desc = order === 'desc';
  const opening = convs ? openingFromList(convs, order) : openingFromIndex(store.conversationTimeline(organizationId, desc ? 'lastMessageAt' : 'createdAt'), order);
  const step = desc ? -1 : 1;
  const seek = (cur: Cursor) => {
    const { start, end } = cur.facts;
    while (cur.pos >= start && cur.pos < end && !matches(cur.facts, cur.pos)) cur.pos += step;
    return cur.pos >= start && cur.pos < end;
  };
  const heap = new CursorHeap(desc);
  const offset = offsetOf(p);
  const want = offset + p.per_page;
  const picked: Array<{ id: string; index: number }> = [];
  let count = 0;
  let seq = 0;
  while (count < want) {
    const top = heap.peek();
    const next = opening.peek();
    const topAt = top?.facts.at[top.pos];
    if (next && (topAt === undefined || (desc ? next.boundMs >= topAt : next.boundMs <= topAt))) {
      opening.advance();
      const facts = messageFacts(store, next.id);
      const cur: Cursor = { id: next.id, facts, pos: desc ? facts.end - 1 : facts.start, seq: seq++ };
      if (seek(cur)) heap.push(cur);
      continue;
    }
    if (!top) break;
    if (count >= offset) picked.push({ id: top.id, index: top.pos - top.facts.start });
    count++;
    top.pos += step;
    if (seek(top)) heap.siftDownTop();
    else heap.pop();
  }
  const records: MessageRecord[] = picked.map(({ id, index }) => store.messagesOf(id)[index]!);
  const messages: ApiMessage[] = serializeThread(records);
  return { messages, paginationMeta: meta(p, total) };
}

/** A binary heap of cursors, the one whose next message comes first in page order on top. */
class CursorHeap {
  private readonly items: Cursor[] = [];
  constructor(private readonly desc: boolean) {}

  private before(a: Cursor, b: Cursor): boolean {
    const ta = a.facts.at[a.pos]!;
    const tb = b.facts.at[b.pos]!;
    if (ta !== tb) return this.desc ? ta > tb : ta < tb;
    return a.seq < b.seq;
  }

  peek(): Cursor | undefined {
    return this.items[0];
  }

  push(c: Cursor): void {
    const h = this.items;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): void {
    const h = this.items;
    const last = h.pop();
    if (h.length === 0 || !last) return;
    h[0] = last;
    this.siftDownTop();
  }

  /** Restores the order after the top cursor moved on. */
  siftDownTop(): void {
    const h = this.items;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
      if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
      if (best === i) return;
      [h[i], h[best]] = [h[best]!, h[i]!];
      i = best;
    }
  }
}

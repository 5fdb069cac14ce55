import type { Store } from '../store/store.js';
import { FACT_STATUSES, FACT_TYPES, factColumns, widened, writeFact, type ThreadFacts } from '../world/thread-facts.js';
import type { MessageRecord } from '../world/model.js';

/**
 * What analytics and `GET /messages` need of a conversation's messages, in a compact form: time, status,
 * direction and type of each, oldest first. Threads the store never wrote to are pure functions of the world,
 * which kept these facts from their skeletons (src/world/thread-facts.ts): no thread is rendered for them.
 * Threads the store owns are checked against their records on every call, so a write (a send, a status
 * change) can never leave them stale.
 */

/** Every message status and type of the spec, in its order (the indexes below point into these). */
export const STATUSES = FACT_STATUSES;
export const TYPES = FACT_TYPES;

export type MessageFacts = ThreadFacts;

const EMPTY: MessageFacts = { start: 0, end: 0, ...factColumns(0) };

const writeRecord = (facts: MessageFacts, i: number, m: MessageRecord) => writeFact(facts, i, Date.parse(m.createdAt), m.status, m.direction, m.messageType);

/** The facts of a list of message records. */
export function factsOfRecords(thread: readonly MessageRecord[]): MessageFacts {
  const facts: MessageFacts = { start: 0, end: thread.length, ...factColumns(thread.length) };
  for (let i = 0; i < thread.length; i++) writeRecord(facts, i, thread[i]!);
  return facts;
}

/**
 * Facts of the threads the store owns, kept from one call to the next: a thread only grows (a send) or has a
 * message replaced by a new record (marked read), so a call compares record identities (cheap) and recomputes
 * only the entries whose record changed, instead of parsing every message of a long thread again.
 */
interface KeptFacts {
  facts: MessageFacts;
  /** The record each entry was computed from. */
  records: MessageRecord[];
}

const kept = new WeakMap<readonly MessageRecord[], KeptFacts>();

function ownFacts(thread: readonly MessageRecord[]): MessageFacts {
  const entry = kept.get(thread);
  // A thread that shrank is not a case of the domain; it is computed whole rather than assumed.
  if (!entry || thread.length < entry.records.length) {
    const facts = factsOfRecords(thread);
    kept.set(thread, { facts, records: [...thread] });
    return facts;
  }
  const n = thread.length;
  entry.facts = { ...widened(entry.facts, n), start: 0, end: n };
  const { records } = entry;
  for (let i = 0; i < n; i++) {
    const m = thread[i]!;
    if (records[i] !== m) {
      records[i] = m;
      writeRecord(entry.facts, i, m);
    }
  }
  return entry.facts;
}

export function messageFacts(store: Store, conversationId: string): MessageFacts {
  const own = store.ownThreads.get(conversationId);
  if (own) return ownFacts(own);
  return store.world.factsOf(conversationId) ?? EMPTY;
}

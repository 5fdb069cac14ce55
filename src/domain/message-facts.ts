import type { Store } from '../store/store.js';
import { FACT_STATUSES, FACT_TYPES, statusIndex, typeIndex, type ThreadFacts } from '../world/thread-facts.js';
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

const EMPTY: MessageFacts = { start: 0, end: 0, at: new Float64Array(0), status: new Uint8Array(0), inbound: new Uint8Array(0), type: new Uint8Array(0) };

/** The facts of a list of message records. */
export function factsOfRecords(thread: readonly MessageRecord[]): MessageFacts {
  const n = thread.length;
  const facts = { start: 0, end: n, at: new Float64Array(n), status: new Uint8Array(n), inbound: new Uint8Array(n), type: new Uint8Array(n) };
  for (let i = 0; i < n; i++) setFact(facts, i, thread[i]!);
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

function setFact(facts: MessageFacts, i: number, m: MessageRecord): void {
  facts.at[i] = Date.parse(m.createdAt);
  facts.status[i] = statusIndex(m.status);
  facts.inbound[i] = m.direction === 'InBound' ? 1 : 0;
  facts.type[i] = typeIndex(m.messageType);
}

function grown(facts: MessageFacts, n: number): MessageFacts {
  if (facts.at.length >= n) return { ...facts, end: n };
  const size = Math.max(n, 2 * facts.at.length, 16);
  const copy = <T extends Float64Array | Uint8Array>(a: T, make: (k: number) => T): T => {
    const b = make(size);
    b.set(a);
    return b;
  };
  return {
    start: 0,
    end: n,
    at: copy(facts.at, (k) => new Float64Array(k)),
    status: copy(facts.status, (k) => new Uint8Array(k)),
    inbound: copy(facts.inbound, (k) => new Uint8Array(k)),
    type: copy(facts.type, (k) => new Uint8Array(k)),
  };
}

function ownFacts(thread: readonly MessageRecord[]): MessageFacts {
  const entry = kept.get(thread);
  if (!entry) {
    const facts = factsOfRecords(thread);
    kept.set(thread, { facts, records: [...thread] });
    return facts;
  }
  const n = thread.length;
  // A thread that shrank is not a case of the domain; recompute it whole rather than assume.
  if (n < entry.records.length) {
    entry.facts = factsOfRecords(thread);
    entry.records = [...thread];
    return entry.facts;
  }
  entry.facts = grown(entry.facts, n);
  const { records } = entry;
  for (let i = 0; i < n; i++) {
    const m = thread[i]!;
    if (records[i] !== m) {
      records[i] = m;
      setFact(entry.facts, i, m);
    }
  }
  return entry.facts;
}

export function messageFacts(store: Store, conversationId: string): MessageFacts {
  const own = store.ownThreads.get(conversationId);
  if (own) return ownFacts(own);
  return store.world.factsOf(conversationId) ?? EMPTY;
}

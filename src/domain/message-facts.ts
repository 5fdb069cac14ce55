import { MessageStatusEnum, MessageTypeEnum } from '../generated/enums.js';
import type { Store } from '../store/store.js';
import type { MessageRecord, MessageStatus, MessageType } from '../world/model.js';

/**
 * What analytics needs of a conversation's messages, in a compact form: time, status, direction and type of
 * each, oldest first. Threads the store never wrote to are pure functions of the world, so their facts are
 * computed once and cached (the world regenerates a thread on every read, which is what makes a dashboard over
 * a large world slow); threads the store owns are read afresh, as writes change them.
 */

/** Every message status and type of the spec, in its order (the indexes below point into these). */
export const STATUSES: readonly MessageStatus[] = MessageStatusEnum;
export const TYPES: readonly MessageType[] = MessageTypeEnum;

export interface MessageFacts {
  readonly length: number;
  /** createdAt, epoch milliseconds. */
  readonly at: Float64Array;
  /** Index into STATUSES. */
  readonly status: Uint8Array;
  /** 1 for InBound, 0 for OutBound. */
  readonly inbound: Uint8Array;
  /** Index into TYPES. */
  readonly type: Uint8Array;
}

function factsOf(thread: readonly MessageRecord[]): MessageFacts {
  const n = thread.length;
  const facts = { length: n, at: new Float64Array(n), status: new Uint8Array(n), inbound: new Uint8Array(n), type: new Uint8Array(n) };
  thread.forEach((m, i) => {
    facts.at[i] = Date.parse(m.createdAt);
    facts.status[i] = STATUSES.indexOf(m.status);
    facts.inbound[i] = m.direction === 'InBound' ? 1 : 0;
    facts.type[i] = TYPES.indexOf(m.messageType);
  });
  return facts;
}

const cache = new WeakMap<Store, Map<string, MessageFacts>>();

export function messageFacts(store: Store, conversationId: string): MessageFacts {
  if (store.ownThreads.has(conversationId)) return factsOf(store.messagesOf(conversationId));
  let perStore = cache.get(store);
  if (!perStore) {
    perStore = new Map();
    cache.set(store, perStore);
  }
  let facts = perStore.get(conversationId);
  if (!facts) {
    facts = factsOf(store.messagesOf(conversationId));
    perStore.set(conversationId, facts);
  }
  return facts;
}

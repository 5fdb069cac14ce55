/**
 * The facts of every generated thread that analytics and message lists need — each message's time, status,
 * direction and type — kept from the skeletons the world plans anyway (thread-plan.ts), so nothing has to
 * render a thread's content to count or order its messages.
 *
 * The skeleton a thread is rendered from is the one the world planned (same seed stream, same statuses), so
 * these facts are exactly those of `world.threadOf(id)`; src/world/thread-facts.test.ts checks it.
 *
 * Stored column by column in growable typed arrays shared by all threads (a thread is a slice of them): a
 * 100,000-conversation world has about a million messages, ~11 MB here, and no object per message.
 */
import { MessageStatusEnum, MessageTypeEnum } from '../generated/enums.js';
import type { PlannedMessage } from './thread-plan.js';

type MessageStatus = (typeof MessageStatusEnum)[number];
type MessageType = (typeof MessageTypeEnum)[number];

/** Every message status and type of the spec, in its order: `status` and `type` below index into these. */
export const FACT_STATUSES: readonly MessageStatus[] = MessageStatusEnum;
export const FACT_TYPES: readonly MessageType[] = MessageTypeEnum;

/**
 * The facts of one thread's messages, oldest first: positions [start, end) of the columns (shared with other
 * threads — a slice costs one small object, no typed-array view). Treat the columns as read-only.
 */
export interface ThreadFacts {
  readonly start: number;
  readonly end: number;
  /** createdAt, epoch milliseconds. */
  readonly at: Float64Array;
  /** Index into FACT_STATUSES. */
  readonly status: Uint8Array;
  /** 1 for InBound, 0 for OutBound. */
  readonly inbound: Uint8Array;
  /** Index into FACT_TYPES. */
  readonly type: Uint8Array;
}

const STATUS_INDEX = new Map(FACT_STATUSES.map((s, i) => [s, i]));
const TYPE_INDEX = new Map(FACT_TYPES.map((t, i) => [t, i]));

export const statusIndex = (s: MessageStatus): number => STATUS_INDEX.get(s) ?? -1;
export const typeIndex = (t: MessageType): number => TYPE_INDEX.get(t) ?? -1;

/** Facts of every thread of a world, appended thread by thread, read back as zero-copy slices. */
export class ThreadFactsTable {
  private count = 0;
  private at: Float64Array;
  private status: Uint8Array;
  private inbound: Uint8Array;
  private type: Uint8Array;

  /** `expected`: how many messages to make room for up front (the columns grow past it when needed). */
  constructor(expected: number) {
    const n = Math.max(16, Math.ceil(expected));
    this.at = new Float64Array(n);
    this.status = new Uint8Array(n);
    this.inbound = new Uint8Array(n);
    this.type = new Uint8Array(n);
  }

  private grow(needed: number): void {
    if (needed <= this.at.length) return;
    let size = this.at.length * 2;
    while (size < needed) size *= 2;
    const widen = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.at = widen(this.at, (n) => new Float64Array(n));
    this.status = widen(this.status, (n) => new Uint8Array(n));
    this.inbound = widen(this.inbound, (n) => new Uint8Array(n));
    this.type = widen(this.type, (n) => new Uint8Array(n));
  }

  /** Appends a planned thread (statuses assigned); returns where its facts start. */
  append(messages: readonly PlannedMessage[]): number {
    const start = this.count;
    this.grow(start + messages.length);
    for (let k = 0; k < messages.length; k++) {
      const m = messages[k]!;
      const i = start + k;
      // The rendered message's createdAt is iso(at), which rounds to the millisecond.
      this.at[i] = Math.round(m.at);
      this.status[i] = statusIndex(m.status);
      this.inbound[i] = m.direction === 'InBound' ? 1 : 0;
      this.type[i] = typeIndex(m.type);
    }
    this.count += messages.length;
    return start;
  }

  /** The facts of the thread stored at [start, start + length). */
  slice(start: number, length: number): ThreadFacts {
    return { start, end: start + length, at: this.at, status: this.status, inbound: this.inbound, type: this.type };
  }

  /** Gives back the unused tail of the columns once every thread is in. */
  trim(): void {
    const n = this.count;
    this.at = this.at.slice(0, n);
    this.status = this.status.slice(0, n);
    this.inbound = this.inbound.slice(0, n);
    this.type = this.type.slice(0, n);
  }
}

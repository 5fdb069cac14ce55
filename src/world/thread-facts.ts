/**
 * The facts of every generated thread that analytics and message lists need — each message's time, status,
 * direction and type — kept from the skeletons the world plans anyway (thread-plan.ts), so nothing has to
 * render a thread's content to count or order its messages.
 *
 * The skeleton a thread is rendered from is the one the world planned (same seed stream, same statuses), so
 * these facts are exactly those of `world.threadOf(id)`; test/scale/facts-and-indexes.test.ts checks it.
 *
 * Stored column by column in growable typed arrays shared by all threads (a thread is a slice of them): a
 * 100,000-conversation world has about 540,000 messages, ~6 MB here, and no object per message.
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
export interface FactColumns {
  /** createdAt, epoch milliseconds. */
  readonly at: Float64Array;
  /** Index into FACT_STATUSES. */
  readonly status: Uint8Array;
  /** 1 for InBound, 0 for OutBound. */
  readonly inbound: Uint8Array;
  /** Index into FACT_TYPES. */
  readonly type: Uint8Array;
}

export interface ThreadFacts extends FactColumns {
  readonly start: number;
  readonly end: number;
}

const STATUS_INDEX = new Map(FACT_STATUSES.map((s, i) => [s, i]));
const TYPE_INDEX = new Map(FACT_TYPES.map((t, i) => [t, i]));

export const statusIndex = (s: MessageStatus): number => STATUS_INDEX.get(s) ?? -1;
export const typeIndex = (t: MessageType): number => TYPE_INDEX.get(t) ?? -1;

/** Empty columns with room for `size` messages. */
export function factColumns(size: number): FactColumns {
  return { at: new Float64Array(size), status: new Uint8Array(size), inbound: new Uint8Array(size), type: new Uint8Array(size) };
}

/** `columns` with room for at least `needed` messages (doubling), their entries kept; the same columns when they have room. */
export function widened(columns: FactColumns, needed: number): FactColumns {
  if (needed <= columns.at.length) return columns;
  let size = Math.max(16, columns.at.length * 2);
  while (size < needed) size *= 2;
  const next = factColumns(size);
  next.at.set(columns.at);
  next.status.set(columns.status);
  next.inbound.set(columns.inbound);
  next.type.set(columns.type);
  return next;
}

/** Writes one message's facts at position `i`. */
export function writeFact(columns: FactColumns, i: number, atMs: number, status: MessageStatus, direction: 'InBound' | 'OutBound', type: MessageType): void {
  columns.at[i] = atMs;
  columns.status[i] = statusIndex(status);
  columns.inbound[i] = direction === 'InBound' ? 1 : 0;
  columns.type[i] = typeIndex(type);
}

/** Facts of every thread of a world, appended thread by thread, read back as zero-copy slices. */
export class ThreadFactsTable {
  private count = 0;
  private columns: FactColumns;

  /** `expected`: how many messages to make room for up front (the columns grow past it when needed). */
  constructor(expected: number) {
    this.columns = factColumns(Math.max(16, Math.ceil(expected)));
  }

  /** Appends a planned thread (statuses assigned); returns where its facts start. */
  append(messages: readonly PlannedMessage[]): number {
    const start = this.count;
    this.columns = widened(this.columns, start + messages.length);
    for (let k = 0; k < messages.length; k++) {
      const m = messages[k]!;
      // The rendered message's createdAt is iso(at), which rounds to the millisecond.
      writeFact(this.columns, start + k, Math.round(m.at), m.status, m.direction, m.type);
    }
    this.count += messages.length;
    return start;
  }

  /** The facts of the thread stored at [start, start + length). */
  slice(start: number, length: number): ThreadFacts {
    return { ...this.columns, start, end: start + length };
  }

  /** Gives back the unused tail of the columns once every thread is in. */
  trim(): void {
    const n = this.count;
    const { at, status, inbound, type } = this.columns;
    this.columns = { at: at.slice(0, n), status: status.slice(0, n), inbound: inbound.slice(0, n), type: type.slice(0, n) };
  }
}

/**
 * The response cache: a read answered once is answered again with the same bytes for as long as nothing may
 * have changed. "Nothing changed" is the store's revision (Store.revision: touched around every write the
 * pipeline runs and by every background job) on the same store object (a reset, an import or a rolled-back
 * save puts another store in service). Everything else an answer depends on is in its key or keeps it out:
 *
 * - the key: operation, raw token (so the caller, their organization and permissions), path, query and the
 *   origin and base path the client used (media links are absolute under it);
 * - never cached: writes, event streams, answers chosen by `Prefer: code=` or `example=` (`delay=` only holds
 *   an answer back), operations under a server quirk, answers other than a JSON 200, lenient answers (they carry a warning),
 *   and answers whose handler read the clock (e.g. analytics whose period ends "now");
 * - bounded: at most `maxBytes` of bodies; a full cache starts afresh rather than tracking use.
 *
 * No transport and no Node built-ins: the Express and fetch adapters share it through the pipeline.
 */
import type { PlainResponse } from './types.js';

/** What the cache needs of the store in service. */
export interface Revisioned {
  readonly revision: number;
  readonly clockReadings: number;
}

type BodyResponse = Extract<PlainResponse, { body: string | Uint8Array }>;

export interface CachedReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

const encoder = new TextEncoder();

export class ResponseCache {
  private owner: Revisioned | undefined;
  private revision = -1;
  private readonly entries = new Map<string, CachedReply>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The stored answer for `key`, if it was stored at the store's current revision. */
  get(store: Revisioned, key: string): CachedReply | undefined {
    if (store !== this.owner || store.revision !== this.revision) return undefined;
    return this.entries.get(key);
  }

  /**
   * Stores `res` (computed from `store` at `revision`, which must still be current: an answer whose computation
   * overlapped a write is not kept) and returns it with its body as bytes, encoded once for every later answer.
   */
  put(store: Revisioned, revision: number, key: string, res: BodyResponse): PlainResponse {
    if (this.maxBytes <= 0 || store.revision !== revision) return res;
    if (store !== this.owner || revision !== this.revision) this.clear(store, revision);
    const body = typeof res.body === 'string' ? encoder.encode(res.body) : res.body;
    if (body.byteLength > this.maxBytes) return res;
    if (this.bytes + body.byteLength > this.maxBytes) this.clear(store, revision);
    const entry: CachedReply = { status: res.status, headers: res.headers, body };
    this.entries.set(key, entry);
    this.bytes += body.byteLength;
    return entry;
  }

  /** Answers stored now (for tests and figures). */
  get size(): number {
    return this.entries.size;
  }

  private clear(store: Revisioned, revision: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.owner = store;
    this.revision = revision;
  }
}

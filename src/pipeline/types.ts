/**
 * The pipeline's own request and response: plain data, no transport. The Express adapter
 * (src/http/express-adapter.ts) and the fetch adapter (src/fetch.ts) translate to and from these.
 */
import type { UploadedFile } from '../handlers/types.js';

/** A multipart form, parsed by the adapter (busboy on Node, `Request.formData()` over fetch). */
export interface ParsedForm {
  files: UploadedFile[];
  /** Text fields by name, with no prototype: a field named `constructor` or `__proto__` is just a field. */
  fields: Record<string, string>;
}

/**
 * A request's body, read only when an operation asks for it (after authentication and parameter checks, so a
 * refused request never has its body read). Either reader may throw an error `errorReply` maps (a 413, a 400).
 */
export interface IncomingBody {
  /** Whether the request has a body at all (a length, a chunked encoding, a body stream). */
  readonly present: boolean;
  /** The body's bytes with any content-encoding undone; more than `limit` bytes is a 413. */
  bytes(limit: number): Promise<Uint8Array>;
  /** The body as a multipart form; a file over `maxFileBytes` is a 413, a malformed form a 400. */
  form(maxFileBytes: number): Promise<ParsedForm>;
}

export interface PlainRequest {
  /** Upper case: `GET`, `POST`, … */
  method: string;
  /** Relative to the base path and not decoded, e.g. `/conversation/4f0c…/messages`. */
  path: string;
  /** The query string's parameters (see parseQuery); a repeated name gives an array. */
  query: Record<string, string | string[]>;
  /** A header by name (any case); undefined when absent. */
  header(name: string): string | undefined;
  body: IncomingBody;
  /** Scheme, host and port the client used, e.g. `http://127.0.0.1:4010`: media links are built from it. */
  origin: string;
}

/**
 * A body written over time (`GET /events`, AI chat replies): `write` a chunk (false once the connection is gone
 * or was dropped for falling too far behind), `onClose` to hear that it went, `end` to finish.
 */
export type StreamBody = (write: (chunk: string) => boolean, onClose: (fn: () => void) => void, end: () => void) => void;

export type PlainResponse =
  | { status: number; headers: Record<string, string>; body: string | Uint8Array }
  | { status: number; headers: Record<string, string>; stream: StreamBody };

/** A query string (without `?`) as its parameters: names and values percent-decoded, `+` as a space, at most 1000 pairs. */
export function parseQuery(search: string): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  if (!search) return out;
  let pairs = 0;
  for (const [name, value] of new URLSearchParams(search)) {
    if (++pairs > 1000) break;
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

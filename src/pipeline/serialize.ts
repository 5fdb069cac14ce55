import type { Reply } from '../handlers/types.js';
import { absoluteLinks } from './links.js';
import type { PlainResponse } from './types.js';

/**
 * A JSON response as the real server sends it: the body and a newline. With `apiBase` (the origin and base path
 * the client used), the body's relative media links are made absolute under it (see links.ts).
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}, apiBase?: string): PlainResponse {
  const text = JSON.stringify(body);
  return { status, headers: { ...headers, 'Content-Type': 'application/json' }, body: `${apiBase === undefined ? text : absoluteLinks(text, apiBase)}\n` };
}

/**
 * The serialise stage: a handler's reply (JSON, raw bytes or a stream) as a plain response. A JSON body's media
 * links are made absolute under `apiBase`, the origin and base path the client used.
 */
export function serializeReply(reply: Reply, apiBase: string): PlainResponse {
  const headers = { ...(reply.headers ?? {}) };
  if ('stream' in reply) {
    return { status: reply.status, headers: { ...headers, 'Content-Type': reply.contentType, 'Cache-Control': 'no-store', Connection: 'keep-alive' }, stream: reply.stream };
  }
  if ('raw' in reply) return { status: reply.status, headers: { ...headers, 'Content-Type': reply.contentType }, body: reply.raw };
  return jsonResponse(reply.status, reply.body, headers, apiBase);
}

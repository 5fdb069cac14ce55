/**
 * Sends one request with fetch and reads the answer into an `Exchange`. The token is attached here, at the
 * last moment, so request descriptions (which end up in reports) never contain it.
 */
import type { AuthMode } from '../spec/index.js';

export interface OutgoingRequest {
  method: string;
  /** Path with parameters substituted (relative to the base URL), e.g. `/conversation/3f...`. */
  path: string;
  query: Record<string, string>;
  /** A JSON body, or a raw one with its own content type. */
  body?: { json: unknown } | { raw: string; contentType: string };
  /** How to present the token: `none` sends no token at all. */
  auth: AuthMode;
}

export interface Exchange {
  /** `GET /conversations?page=1&per_page=5`: what was sent, without the token. */
  describe: string;
  status: number;
  /** The Content-Type header as sent, '' when absent. */
  contentType: string;
  headers: Headers;
  text: string;
  /** Set when the body was longer than the kit reads (`maxResponseBytes`): `text` holds what came before the cut. */
  tooLarge?: { limit: number };
  /** The parsed body when the content type is JSON and it parsed. */
  json?: unknown;
  /** Why a JSON body did not parse. */
  jsonError?: string;
  durationMs: number;
}

/** The target could not be reached at all (refused, unknown host, TLS): a setup problem, not a violation. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

/** The target accepted the connection but did not answer in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export interface HttpSettings {
  baseUrl: string;
  timeoutMs: number;
  token: string | undefined;
  /** Stop reading an answer after this many bytes of body, so a huge answer cannot exhaust memory. */
  maxResponseBytes: number;
}

/** How long to keep reading an event stream before hanging up: long enough for the first event. */
const STREAM_READ_MS = 300;

export function describeRequest(req: OutgoingRequest): string {
  const qs = new URLSearchParams(req.query).toString();
  const tokenNote = req.auth === 'query' ? (qs ? '&token=[token]' : '?token=[token]') : '';
  return `${req.method.toUpperCase()} ${req.path}${qs ? `?${qs}` : ''}${tokenNote}`;
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/**
 * Reads at most `maxBytes` of the body, then hangs up (cancelling the stream closes the connection). An event
 * stream never ends: only what arrives in its first moments is kept.
 */
async function readBody(res: Response, contentType: string, maxBytes: number): Promise<{ text: string; tooLarge: boolean }> {
  if (!res.body) return { text: '', tooLarge: false };
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    return { text: '', tooLarge: true };
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  let bytes = 0;
  let tooLarge = false;
  const deadline = contentType.startsWith('text/event-stream') ? Date.now() + STREAM_READ_MS : Infinity;
  try {
    while (Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = deadline === Infinity ? undefined : new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), Math.max(1, deadline - Date.now())); });
      const chunk = timeout ? await Promise.race([reader.read(), timeout]) : await reader.read();
      clearTimeout(timer);
      if (chunk === 'timeout' || chunk.done) break;
      const room = maxBytes - bytes;
      if (chunk.value.byteLength > room) {
        chunks.push(decoder.decode(chunk.value.subarray(0, room), { stream: true }));
        tooLarge = true;
        break;
      }
      bytes += chunk.value.byteLength;
      chunks.push(decoder.decode(chunk.value, { stream: true }));
    }
    chunks.push(decoder.decode());
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return { text: chunks.join(''), tooLarge };
}

function isJson(contentType: string): boolean {
  const base = contentType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json');
}

export async function send(settings: HttpSettings, req: OutgoingRequest): Promise<Exchange> {
  const query = { ...req.query };
  const headers: Record<string, string> = { accept: 'application/json, */*;q=0.5' };
  if (req.auth === 'header' && settings.token) headers['x-access-token'] = settings.token;
  if (req.auth === 'query' && settings.token) query.token = settings.token;
  let body: string | undefined;
  if (req.body && 'json' in req.body) {
    body = JSON.stringify(req.body.json);
    headers['content-type'] = 'application/json';
  } else if (req.body) {
    body = req.body.raw;
    headers['content-type'] = req.body.contentType;
  }
  const qs = new URLSearchParams(query).toString();
  const url = joinUrl(settings.baseUrl, req.path) + (qs ? `?${qs}` : '');
  const describe = describeRequest(req);
  const started = performance.now();
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { method: req.method.toUpperCase(), headers, body, signal, redirect: 'manual' });
  } catch (err) {
    if (signal.aborted) throw new TimeoutError(`${describe}: no answer within ${settings.timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new ConnectionError(`${describe}: cannot reach ${settings.baseUrl} (${cause?.code ?? cause?.message ?? (err as Error).message})`);
  }
  const contentType = res.headers.get('content-type') ?? '';
  let answer: { text: string; tooLarge: boolean };
  try {
    answer = await readBody(res, contentType, settings.maxResponseBytes);
  } catch {
    if (signal.aborted) throw new TimeoutError(`${describe}: the answer did not finish within ${settings.timeoutMs} ms`);
    throw new ConnectionError(`${describe}: the connection broke while reading the answer`);
  }
  const { text } = answer;
  const exchange: Exchange = { describe, status: res.status, contentType, headers: res.headers, text, durationMs: Math.round(performance.now() - started) };
  if (answer.tooLarge) exchange.tooLarge = { limit: settings.maxResponseBytes };
  else if (isJson(contentType)) {
    try {
      exchange.json = JSON.parse(text);
    } catch (err) {
      exchange.jsonError = (err as Error).message;
    }
  }
  return exchange;
}

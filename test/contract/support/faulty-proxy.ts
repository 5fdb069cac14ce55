/**
 * A deliberately faulty deployment: an HTTP proxy on loopback in front of a good upstream (the mock) that
 * changes requests or answers of one operation at a time, so a test can prove the kit notices.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path without the upstream's base path or query, e.g. `/conversations`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The request body as text ('' when there is none); a fault may rewrite it. */
  body: string;
}

export interface ProxiedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Fault {
  /** Which requests the fault applies to. */
  matches(req: ProxiedRequest): boolean;
  /** Changes the request before it goes upstream. */
  request?(req: ProxiedRequest): void;
  /** Changes the answer before it goes back to the client. */
  response?(res: ProxiedResponse, req: ProxiedRequest): void;
  /** Answers by itself instead of asking the upstream (a huge or endless body, for instance). */
  answer?(res: ServerResponse, req: ProxiedRequest): Promise<void>;
}

export interface FaultyProxy {
  /** Base URL to give the kit, e.g. `http://127.0.0.1:5555/api`. */
  baseUrl: string;
  /** How many answers the fault changed. */
  hits: () => number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host']);

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** `upstream` is the good deployment's base URL including its base path (`http://127.0.0.1:4010/api`). */
export async function startFaultyProxy(upstream: string, fault: Fault | undefined): Promise<FaultyProxy> {
  const up = new URL(upstream);
  const basePath = up.pathname.replace(/\/+$/, '');
  let hits = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://proxy');
        const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
        const preq: ProxiedRequest = { method: (req.method ?? 'GET').toLowerCase(), path, query: url.searchParams, headers: flatten(req.headers), body: Buffer.concat(chunks).toString('utf8') };
        const active = fault?.matches(preq) ? fault : undefined;
        active?.request?.(preq);
        if (active?.answer) {
          hits++;
          await active.answer(res, preq);
          return;
        }
        const qs = preq.query.toString();
        const raw = Buffer.concat(chunks);
        const body = preq.body === raw.toString('utf8') ? (raw.length ? raw : undefined) : preq.body;
        const upstreamRes = await fetch(`${up.origin}${basePath}${preq.path}${qs ? `?${qs}` : ''}`, { method: preq.method.toUpperCase(), headers: preq.headers, body });
        const type = upstreamRes.headers.get('content-type') ?? '';
        if (type.startsWith('text/event-stream') && upstreamRes.body) {
          // Streams pass through untouched (and are cut when the client hangs up).
          res.writeHead(upstreamRes.status, { 'content-type': type });
          const reader = upstreamRes.body.getReader();
          res.on('close', () => void reader.cancel().catch(() => undefined));
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            res.write(value);
          }
          res.end();
          return;
        }
        const headers: Record<string, string> = {};
        upstreamRes.headers.forEach((v, k) => { if (!HOP_BY_HOP.has(k)) headers[k] = v; });
        const pres: ProxiedResponse = { status: upstreamRes.status, headers, body: await upstreamRes.text() };
        if (active?.response) {
          active.response(pres, preq);
          hits++;
        } else if (active) {
          hits++;
        }
        res.writeHead(pres.status, { ...pres.headers, 'content-length': Buffer.byteLength(pres.body) });
        res.end(pres.body);
      })().catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy error: ${(err as Error).message}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Rewrites a JSON answer with `edit` (which may change it in place or return a new value). */
export function editJson(res: ProxiedResponse, edit: (body: unknown) => unknown): void {
  const parsed = JSON.parse(res.body) as unknown;
  const changed = edit(parsed);
  res.body = JSON.stringify(changed === undefined ? parsed : changed);
}

/** Several faults behind one proxy: each request gets the first fault that matches it (`answer` faults stand alone). */
export function combineFaults(...faults: Fault[]): Fault {
  const pick = (req: ProxiedRequest) => faults.find((f) => f.matches(req));
  return {
    matches: (req) => pick(req) !== undefined,
    request: (req) => pick(req)?.request?.(req),
    response: (res, req) => pick(req)?.response?.(res, req),
  };
}

/**
 * The fetch adapter: the mock as a function from a WHATWG `Request` to a `Response`, with no server and no
 * Node built-ins — for MSW handlers, service workers and test runners. The same pipeline as the Express
 * adapter answers, so the same requests get the same bytes.
 *
 *   const mockFetch = createMockFetch({ seed: 1, now: '2026-11-24T12:00:00.000Z' });
 *   const res = await mockFetch(new Request('https://wapikit.example.test/api/conversations', { headers: { 'x-access-token': token } }));
 *   mockFetch.mock.reset();
 *
 * Requests outside the base path get the 404 the Express app sends there. `/__mock` URLs are not served: use
 * `mockFetch.mock` (reset, exportState, importState, demoToken, close). The state file is Node-only and not
 * available here.
 */
import type { UploadedFile } from './handlers/types.js';
import { createMockRuntime, type MockRuntime } from './mock-runtime.js';
import type { MockOptions } from './options.js';
import { ApiError, badRequest } from './pipeline/errors.js';
import { FORM_LIMITS } from './pipeline/form-rules.js';
import { BodyReadError } from './pipeline/json-body.js';
import { jsonResponse } from './pipeline/serialize.js';
import { parseQuery, type ParsedForm, type PlainRequest, type PlainResponse } from './pipeline/types.js';
import { BUNDLED_DOC } from './spec/bundled-doc.js';
// A document passed in is compiled synchronously; where nothing can be loaded on demand (a browser), Ajv must come with the bundle.
import './spec/static-ajv.js';
import type { OpenApiDocument } from './spec/openapi-types.js';

export type MockFetch = ((request: Request) => Promise<Response>) & { mock: MockRuntime };

export interface MockFetchSetup {
  /** The OpenAPI document to serve, already parsed; the bundled openapi/wapikit.json by default. */
  doc?: OpenApiDocument;
}

const encoder = new TextEncoder();

/** Reads a body stream to its end, refusing more than `limit` bytes (body-parser's 413, with its limit). */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new BodyReadError('request entity too large', 'entity.too.large', 413, limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The body with its content-encoding undone (gzip and deflate, as body-parser inflates them). */
function decoded(request: Request): ReadableStream<Uint8Array> {
  const body = request.body!;
  const coding = (request.headers.get('content-encoding') ?? 'identity').toLowerCase();
  if (coding === 'identity') return body;
  if (coding === 'gzip' || coding === 'deflate') return body.pipeThrough(new DecompressionStream(coding));
  throw new BodyReadError('content encoding unsupported', 'encoding.unsupported', 415);
}

/** `Request.formData()` in the shape busboy gives on Node: the same limits, the same 413 for a large file. */
async function readForm(request: Request, maxFileBytes: number): Promise<ParsedForm> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch (err) {
    throw badRequest(`multipart form is not valid: ${(err as Error).message}`);
  }
  const files: UploadedFile[] = [];
  const fields = Object.create(null) as Record<string, string>;
  let fieldCount = 0;
  for (const [name, value] of data) {
    if (typeof value === 'string') {
      if (++fieldCount <= FORM_LIMITS.fields) fields[name] = value;
      continue;
    }
    if (files.length >= FORM_LIMITS.files) continue;
    if (value.size > maxFileBytes) throw new ApiError(413, `file '${value.name || name}' is larger than the ${maxFileBytes} bytes this server accepts`);
    files.push({ field: name, fileName: value.name, contentType: value.type || 'text/plain', bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { files, fields };
}

function plainRequest(request: Request, url: URL, path: string): PlainRequest {
  return {
    method: request.method.toUpperCase(),
    path,
    query: parseQuery(url.search.slice(1)),
    header: (name) => request.headers.get(name) ?? undefined,
    origin: url.origin,
    body: {
      present: request.body !== null,
      bytes: async (limit) => readAll(decoded(request), limit),
      form: (maxFileBytes) => readForm(request, maxFileBytes),
    },
  };
}

/**
 * A streamed body as a ReadableStream. As on the Express adapter, a reader that falls more than
 * `backlogBytes` behind is dropped (the stream errors and its close handlers run); one chunk larger than the
 * bound still goes out when nothing is queued.
 */
function readableOf(stream: Extract<PlainResponse, { stream: unknown }>['stream'], backlogBytes: number): ReadableStream<Uint8Array> {
  const closeHandlers: Array<() => void> = [];
  let open = true;
  const closed = () => {
    if (!open) return;
    open = false;
    for (const fn of closeHandlers.splice(0)) fn();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const queued = () => backlogBytes - (controller.desiredSize ?? 0);
        const write = (chunk: string): boolean => {
          if (!open) return false;
          const bytes = encoder.encode(chunk);
          if (queued() > 0 && queued() + bytes.byteLength > backlogBytes) {
            controller.error(new Error(`event stream dropped: the reader fell more than ${backlogBytes} bytes behind`));
            closed();
            return false;
          }
          controller.enqueue(bytes);
          return true;
        };
        const end = () => {
          if (!open) return;
          controller.close();
          closed();
        };
        stream(write, (fn) => (open ? closeHandlers.push(fn) : fn()), end);
      },
      cancel() {
        closed();
      },
    },
    { highWaterMark: backlogBytes, size: (chunk) => chunk.byteLength },
  );
}

function toResponse(out: PlainResponse, method: string, backlogBytes: number): Response {
  const init = { status: out.status, headers: out.headers };
  if ('stream' in out) return new Response(readableOf(out.stream, backlogBytes), init);
  const noBody = method === 'HEAD' || out.status === 204 || out.status === 304;
  // A copy into a fresh ArrayBuffer: a Uint8Array may be a view on a larger (or shared) one.
  return new Response(noBody ? null : typeof out.body === 'string' ? out.body : out.body.slice(), init);
}

/** The mock as a fetch handler. Every option has its default in DEFAULT_MOCK_OPTIONS; `stateFile` needs Node (use createMockServer). */
export function createMockFetch(options: Partial<MockOptions> = {}, setup: MockFetchSetup = {}): MockFetch {
  if (options.stateFile !== undefined) throw new TypeError('stateFile needs a file system: the fetch adapter keeps its state in memory (use createMockServer for a state file)');
  if (options.specPath !== undefined && setup.doc === undefined) throw new TypeError('specPath needs a file system: pass the parsed document as createMockFetch(options, { doc })');
  const runtime = createMockRuntime(options, { doc: setup.doc ?? BUNDLED_DOC });
  const { basePath, streamBacklogBytes } = runtime.options;
  const mockFetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const under = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const out = under ? await runtime.handle(plainRequest(request, url, url.pathname.slice(basePath.length) || '/')) : jsonResponse(404, { message: 'Not Found' });
    return toResponse(out, request.method.toUpperCase(), streamBacklogBytes);
  };
  return Object.assign(mockFetch, { mock: runtime });
}

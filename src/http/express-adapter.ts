/**
 * The Express adapter: the mock as an Express app (what the CLI serves and `createMockServer` returns).
 * Node-only parts live here: the state file, `/__mock` over HTTP, CORS, the docs page, busboy. The API itself
 * is one route that hands each request to the pipeline and writes what it answers.
 */
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { createMockRuntime, type MockRuntime } from '../mock-runtime.js';
import { resolveOptions, type MockOptions } from '../options.js';
import { failedRequest, failureReply } from '../pipeline/errors.js';
import { createRouteMatcher } from '../pipeline/match-route.js';
import { parseQuery, type PlainRequest, type PlainResponse } from '../pipeline/types.js';
import { loadSpec } from '../spec/load-spec.js';
import { listOperations } from '../spec/operations.js';
import { controlAccess } from './control-access.js';
import { mockControls } from './controls.js';
import { cors } from './cors.js';
import { docsRouter } from './docs.js';
import { frontendHandler } from './frontend.js';
import { readMultipart } from './multipart.js';
import { attachStateFile } from './state-file-hook.js';

export type { MockRuntime, MockControls } from '../mock-runtime.js';

export type MockServer = Express & { mock: MockRuntime };

/** The request as the pipeline takes it; the body is read only if the operation asks for it. */
function plainRequest(req: Request, rawBody: (limit: number) => RequestHandler): PlainRequest {
  const q = req.url.indexOf('?');
  return {
    method: req.method,
    path: req.path,
    query: parseQuery(q === -1 ? '' : req.url.slice(q + 1)),
    header: (name) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : v;
    },
    origin: `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`,
    body: {
      present: Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined,
      // body-parser reads (and inflates) the bytes and enforces the limit; the pipeline parses them.
      bytes: (limit) =>
        new Promise((resolve, reject) => {
          rawBody(limit)(req, req.res!, (err?: unknown) => (err ? reject(err) : resolve(Buffer.isBuffer(req.body) ? req.body : new Uint8Array(0))));
        }),
      form: (maxFileBytes) => readMultipart(req, maxFileBytes),
    },
  };
}

/** Writes a pipeline response. A stream's unsent backlog is bounded by streamBacklogBytes. */
function writeResponse(res: Response, out: PlainResponse, streamBacklogBytes: number): void {
  res.status(out.status);
  for (const [k, v] of Object.entries(out.headers)) res.setHeader(k, v);
  if ('stream' in out) {
    res.flushHeaders();
    // A client that stops reading leaves what is written queued in memory. A chunk that would take the
    // queue past streamBacklogBytes drops the connection instead (the queue goes with it and the stream's
    // close handler unsubscribes), as a server drops a dead peer; the client reconnects. One chunk larger
    // than the bound still goes out when nothing is queued.
    const write = (chunk: string): boolean => {
      if (res.destroyed || res.writableEnded) return false;
      if (res.writableLength > 0 && res.writableLength + chunk.length > streamBacklogBytes) {
        res.destroy();
        return false;
      }
      return res.write(chunk);
    };
    out.stream(write, (fn) => res.on('close', fn), () => res.end());
    return;
  }
  // A string goes out as a string: Node encodes it once, straight into the socket write that also carries the
  // headers (Buffer.from of it cost more than JSON.stringify itself; see bench/RESULTS.md).
  res.setHeader('Content-Length', typeof out.body === 'string' ? Buffer.byteLength(out.body) : out.body.byteLength);
  res.end(out.body);
}

/**
 * Builds the mock as an Express app without listening, so test suites can run it in-process
 * (`app.listen(0, '127.0.0.1')`). Every option has its default in DEFAULT_MOCK_OPTIONS.
 */
export function createMockServer(partial: Partial<MockOptions> = {}): MockServer {
  const options = resolveOptions(partial);
  const runtime = createMockRuntime(options, {
    doc: loadSpec(options.specPath),
    beforeStart: (rt) => {
      if (options.stateFile) attachStateFile(rt, options.stateFile);
    },
  });

  const rawParsers = new Map<number, RequestHandler>();
  const rawBody = (limit: number): RequestHandler => {
    let parser = rawParsers.get(limit);
    if (!parser) rawParsers.set(limit, (parser = express.raw({ limit, type: () => true })));
    return parser;
  };

  // --frontend: checked before anything starts, so a bad folder fails the build, not the first request.
  const frontend = options.frontendDir === undefined ? undefined : frontendHandler(options.frontendDir);
  // With a frontend, a GET under the base path that no route answers is the frontend's (404.html, 200), as on
  // the real single binary; a path that exists with other methods keeps its 405.
  const route = frontend ? createRouteMatcher(listOperations(runtime.doc)) : undefined;
  const app = express() as MockServer;
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  // The controls first, outside CORS: they refuse web pages (Origin) and foreign Host names (DNS rebinding).
  app.use('/__mock', controlAccess(options.controlHosts), mockControls(runtime));
  app.use(cors(options.corsOrigin));
  app.use(options.basePath, (req, res, next) => {
    if (frontend && route && (req.method === 'GET' || req.method === 'HEAD') && route(req.method, req.path).kind === 'not-found') {
      frontend(req, res, next);
      return;
    }
    runtime.handle(plainRequest(req, rawBody)).then((out) => writeResponse(res, out, options.streamBacklogBytes), next);
  });
  app.use('/docs', docsRouter(runtime.doc, options.basePath));
  if (frontend) app.use(frontend);
  app.use((_req, res) => {
    res.status(404).setHeader('Content-Type', 'application/json');
    res.end(`${JSON.stringify({ message: 'Not Found' })}\n`);
  });
  // Last resort for errors nothing else answered (Express would send an HTML page with the stack): a JSON
  // string mapped by errorReply, and unexpected errors logged like the API's.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, body, headers } = failureReply(err, failedRequest(req, 'the mock server'), options.errorLog);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).set(headers).setHeader('Content-Type', 'application/json');
    res.end(`${JSON.stringify(body)}\n`);
  });
  app.mock = runtime;
  return app;
}

import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { MockOptions } from '../options.js';
import { responseMedia, successStatus, type OperationInfo, type SpecValidators } from '../spec/index.js';
import { ApiError, badControl, badRequest, failedRequest, failureReply, FORBIDDEN_PERMISSION, invalid, unauthorized, unexpectedErrorReport } from './errors.js';
import type { Caller, HandlerTable, Reply, RequestContext } from './handler-types.js';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepMessage } from '../domain/json-depth.js';
import { fileFieldProblem, fileFieldsOf, readMultipart } from './multipart.js';
import { parsePrefer } from './prefer.js';
import { byRouteSpecificity, pathPattern } from './route-order.js';

/** Resolves a token to the calling member, or undefined when the token is not accepted. */
export interface TokenResolver {
  resolve(token: string): Promise<Caller | undefined>;
}

export interface RouterDeps {
  operations: OperationInfo[];
  validators: SpecValidators;
  handlers: HandlerTable;
  tokens: TokenResolver;
  options: MockOptions;
  /** A seeded number in [0, 1): drives --latency and --fail-rate. */
  random: () => number;
  /**
   * Called after a write (any non-GET operation) succeeded and before its response is sent, so that a
   * 2xx is only ever acknowledged once the write is persisted (see --state-file).
   */
  afterWrite?: (op: OperationInfo) => void;
}

const SSE_AUTH_FAILED = 'event: error\ndata: Authorization failed\n\n';
const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

/** The body of a documented response's first example, for `Prefer: code=` and `--fail-rate`. */
function exampleReply(op: OperationInfo, status: number, name?: string): Reply | undefined {
  const media = responseMedia(op, status);
  if (!media) return undefined;
  const [contentType, m] = media;
  const examples = new Map(Object.entries(m.examples ?? {}));
  // A Map: a user-supplied name such as `constructor` must not find anything on Object.prototype.
  const picked = name ? examples.get(name) : [...examples.values()][0];
  if (name && !picked) throw badControl(`Prefer: example=${name} is not an example of ${op.operationId} ${status} (examples: ${[...examples.keys()].join(', ') || 'none'})`);
  if (!picked) return undefined;
  if (!contentType.includes('json')) return undefined;
  const reply: Reply = { status, body: picked.value };
  if (status === 429) {
    // The documented rate-limit headers, consistent with the example's body.
    const reset = (picked.value as { reset?: unknown } | null)?.reset;
    reply.headers = { 'X-RateLimit-Limit': String(op.rateLimit?.requests ?? 60), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(typeof reset === 'number' ? reset : 0) };
  }
  return reply;
}

export function createApiRouter(deps: RouterDeps): Router {
  const { validators, handlers, tokens, options } = deps;
  const router = express.Router({ caseSensitive: true, strict: false });
  const jsonBody = express.json({ limit: options.bodyLimitBytes, type: () => true });

  async function authenticate(op: OperationInfo, req: Request): Promise<{ caller: Caller | undefined; token: string | undefined }> {
    if (op.auth === 'none') return { caller: undefined, token: undefined };
    const raw = op.auth === 'query' ? req.query.token : req.get('x-access-token');
    const token = typeof raw === 'string' && raw.length > 0 ? raw : undefined;
    const caller = token ? await tokens.resolve(token) : undefined;
    if (!caller) throw unauthorized();
    if (op.permissions.length > 0 && caller.accessLevel !== 'Owner' && !op.permissions.every((p) => caller.permissions.has(p))) {
      throw unauthorized(FORBIDDEN_PERMISSION);
    }
    return { caller, token };
  }

  async function readInput(op: OperationInfo, req: Request, res: Response) {
    const params = { ...req.params } as Record<string, unknown>;
    const query = { ...(req.query as Record<string, unknown>) };
    const problems = [...validators.parameters(op, 'path', params), ...validators.parameters(op, 'query', query)];
    if (problems.length) throw invalid(problems);
    let body: unknown;
    let files: RequestContext['files'] = [];
    let fields: Record<string, string> = {};
    const content = op.requestBody?.content ?? {};
    if (content['multipart/form-data']) {
      if (!req.is('multipart/form-data')) throw badRequest(`request body must be multipart/form-data (got ${req.get('content-type') ?? 'no content type'})`);
      const parts = await readMultipart(req, MAX_UPLOAD_BYTES);
      ({ files, fields } = parts);
      const fileProblem = fileFieldProblem(fileFieldsOf(content['multipart/form-data'].schema), parts);
      if (fileProblem) throw badRequest(fileProblem);
      // The form as the spec's schema sees it: text fields as they came, a file part as its name. No prototype,
      // so a part named `__proto__` is a field like any other.
      const form = Object.assign(Object.create(null) as Record<string, unknown>, fields);
      for (const f of files) form[f.field] = f.fileName;
      const formProblems = validators.body(op, 'multipart/form-data', form);
      if (formProblems.length) throw invalid(formProblems);
    } else if (content['application/json']) {
      const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
      if (hasBody && !req.is('application/json') && !req.is('+json')) {
        throw badRequest(`request body must be application/json (got ${req.get('content-type') ?? 'no content type'})`);
      }
      await new Promise<void>((resolve, reject) => jsonBody(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      body = hasBody ? req.body : undefined;
      if (body === undefined && op.requestBody?.required) throw badRequest('request body is required (application/json)');
      if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw badRequest(tooDeepMessage('request body'));
      const bodyProblems = validators.body(op, 'application/json', body);
      if (bodyProblems.length) throw invalid(bodyProblems);
    }
    return { params, query, body, files, fields };
  }

  /** Writes a reply; with --strict-responses a JSON body is first checked against `op`'s documented responses. */
  function send(res: Response, op: OperationInfo | undefined, reply: Reply, checked = true): void {
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    if ('stream' in reply) {
      res.status(reply.status);
      res.setHeader('Content-Type', reply.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Connection', 'keep-alive');
      res.flushHeaders();
      // A client that stops reading leaves what is written queued in memory. A chunk that would take the
      // queue past streamBacklogBytes drops the connection instead (the queue goes with it and the stream's
      // close handler unsubscribes), as a server drops a dead peer; the client reconnects. One chunk larger
      // than the bound still goes out when nothing is queued.
      const write = (chunk: string): boolean => {
        if (res.destroyed || res.writableEnded) return false;
        if (res.writableLength > 0 && res.writableLength + chunk.length > options.streamBacklogBytes) {
          res.destroy();
          return false;
        }
        return res.write(chunk);
      };
      reply.stream(write, (fn) => res.on('close', fn), () => res.end());
      return;
    }
    if ('raw' in reply) {
      res.status(reply.status).setHeader('Content-Type', reply.contentType);
      res.setHeader('Content-Length', reply.raw.length);
      res.end(reply.raw);
      return;
    }
    let { status, body } = reply;
    if (options.strictResponses && checked && op) {
      const problems = validators.response(op, status, 'application/json', body);
      if (problems.length) {
        status = 500;
        body = `wapikit-mock sent a response that breaks the spec (${op.operationId} ${reply.status}): ${problems.map((p) => p.message).join('; ')}`;
        options.errorLog(unexpectedErrorReport(new Error(body as string), failedRequest(res.req, op.operationId)));
      }
    }
    // A string, not a Buffer: Node then encodes it once, straight into the socket write that also carries the
    // headers. (Buffer.from of the concatenated string cost more than JSON.stringify itself; see bench/RESULTS.md.)
    const text = `${JSON.stringify(body)}\n`;
    res.status(status).setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
  }

  function handle(op: OperationInfo) {
    const handler = handlers[op.operationId as keyof HandlerTable] as ((ctx: RequestContext) => Reply | Promise<Reply>) | undefined;
    return async (req: Request, res: Response) => {
      try {
        const prefer = parsePrefer(req.get('prefer'));
        const { min, max } = options.latency;
        await sleep((prefer.delay ?? 0) + (max > min ? min + Math.floor(deps.random() * (max - min + 1)) : min));
        let auth: Awaited<ReturnType<typeof authenticate>>;
        try {
          auth = await authenticate(op, req);
        } catch (err) {
          if (op.auth === 'query' && err instanceof ApiError) {
            res.status(401).setHeader('Content-Type', 'text/event-stream');
            res.end(SSE_AUTH_FAILED);
            return;
          }
          throw err;
        }
        if (prefer.code !== undefined && prefer.code !== successStatus(op)) {
          if (!op.responses.has(prefer.code)) {
            throw badControl(`Prefer: code=${prefer.code} is not documented for ${op.operationId} (documented: ${[...op.responses.keys()].join(', ')})`);
          }
          const reply = exampleReply(op, prefer.code, prefer.example);
          if (!reply) throw badControl(`Prefer: code=${prefer.code} has no example to send for ${op.operationId}`);
          send(res, op, reply);
          return;
        }
        if (options.failRate > 0 && deps.random() < options.failRate) {
          const failures = [...op.responses.keys()].filter((s) => s >= 500 || s === 429);
          const status = failures[Math.floor(deps.random() * failures.length)];
          const reply = status === undefined ? undefined : exampleReply(op, status);
          if (reply) {
            send(res, op, reply);
            return;
          }
        }
        const input = await readInput(op, req, res);
        if (prefer.example) {
          // The named example instead of the handler's answer: nothing is read or written.
          const status = successStatus(op);
          const reply = exampleReply(op, status, prefer.example);
          if (!reply) throw badControl(`Prefer: example=${prefer.example}: ${op.operationId} ${status} has no JSON example to send`);
          send(res, op, reply);
          return;
        }
        if (!handler) throw new ApiError(501, `${op.operationId} is not implemented by wapikit-mock yet`);
        const origin = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
        const ctx = { op, ...input, caller: auth.caller, token: auth.token, origin } as RequestContext;
        const reply = await handler(ctx);
        if (op.writes && reply.status < 300) deps.afterWrite?.(op);
        send(res, op, reply);
      } catch (err) {
        const { status, body, headers } = failureReply(err, failedRequest(req, op.operationId), options.errorLog);
        const checked = !(err instanceof ApiError && err.fromMockControl);
        if (res.headersSent) {
          res.end();
          return;
        }
        send(res, op, { status, body, headers }, checked);
      }
    };
  }

  const ops = [...deps.operations].sort(byRouteSpecificity);
  for (const op of ops) router[op.method](op.expressPath, handle(op));

  // Anything else under the base path: 405 when the path exists with another method, 404 otherwise,
  // with the object bodies the real server's router sends.
  const patterns = deps.operations.map((op) => ({ re: pathPattern(op.path), method: op.method.toUpperCase(), op }));
  const notRouted = (req: Request, res: Response) => {
    const allowed = patterns.filter((p) => p.re.test(req.path)).map((p) => p.method);
    const [status, message] = allowed.length ? [405, 'Method Not Allowed'] : [404, 'Not Found'];
    if (allowed.length) res.setHeader('Allow', [...new Set(allowed)].join(', '));
    res.status(status).setHeader('Content-Type', 'application/json');
    res.end(`${JSON.stringify({ message })}\n`);
  };
  router.use(notRouted);

  // Errors of the routing itself, before any operation runs: Express cannot decode a path parameter with a
  // malformed percent-escape (`/conversation/%ff`). The operation the path and method name answers its 400.
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const op = patterns.find((p) => p.method === req.method && p.re.test(req.path))?.op;
    if (!op && err instanceof URIError) {
      notRouted(req, res); // the path exists only with other methods: 405
      return;
    }
    const failure = err instanceof URIError ? badRequest(`path is not valid: malformed percent-escape in '${req.path}'`) : err;
    const { status, body, headers } = failureReply(failure, failedRequest(req, op?.operationId ?? 'the API router'), options.errorLog);
    if (res.headersSent) {
      res.end();
      return;
    }
    send(res, op, { status, body, headers });
  });
  return router;
}

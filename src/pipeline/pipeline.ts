/**
 * The request pipeline: a plain request in, a plain response out, through named stages —
 *
 *   match route → mock controls (Prefer, latency) → authenticate → mock controls (Prefer: code, fail-rate)
 *   → server quirks (before) → read and validate input → handle → server quirks (after) → serialise
 *   → strict response check,  and on any failure: map errors.
 *
 * Built once per mock. Everything that changes while the mock runs (the store after a reset or an import) is
 * read from the context on each request, so nothing here is rebuilt. No transport and no Node built-ins: the
 * Express adapter and the fetch adapter both call `handleRequest`.
 */
import { ACCESS_ENDED_FRAME } from '../handlers/event-stream.js';
import type { Reply, RequestContext, Services } from '../handlers/types.js';
import { handlers } from '../handlers/index.js';
import type { OperationInfo } from '../spec/operations.js';
import type { SpecValidators } from '../spec/validators.js';
import { authenticate } from './authenticate.js';
import { delayOf, injectedFailure, preferredCodeReply, preferredExampleReply, sleep } from './controls.js';
import { ApiError, badRequest, failureReply, type FailedRequest } from './errors.js';
import { createRouteMatcher } from './match-route.js';
import { parsePrefer } from './prefer.js';
import { quirkAfter, quirkAfterFailure, quirkBefore, quirksFor } from './quirks.js';
import type { ResponseCache } from './response-cache.js';
import { readInput } from './read-input.js';
import { withAbsoluteLinks } from './links.js';
import { jsonResponse, serializeReply } from './serialize.js';
import { strictCheck } from './strict-check.js';
import type { PlainRequest, PlainResponse } from './types.js';
import { WARNING_HEADER, warningHeaderValue, type WarningRegistry } from './warnings.js';

/** What a request is handled with: read afresh on every request. */
export interface PipelineContext extends Services {
  readonly validators: SpecValidators;
  /** A seeded number in [0, 1): drives --latency and --fail-rate. */
  random(): number;
  /**
   * Runs after a write (an operation marked as writing) succeeded and before its response is sent, so that a
   * 2xx is only ever acknowledged once the write is persisted (see --state-file). Throws to fail the request.
   */
  afterWrite(): void;
  /** Where lenient answers' warnings are counted (GET /__mock/warnings). */
  readonly warnings?: WarningRegistry;
  /** Read answers kept while the store's revision holds (response-cache.ts); none: every read is computed. */
  readonly responses?: ResponseCache;
}

export type HandleRequest = (req: PlainRequest, ctx: PipelineContext) => Promise<PlainResponse>;

type AnyHandler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** The pipeline over the spec's operations. */
export function createPipeline(operations: readonly OperationInfo[]): HandleRequest {
  const match = createRouteMatcher(operations);
  // Keyed by the spec's operationIds; a Map, so an operationId never reaches Object.prototype.
  const table = new Map(Object.entries(handlers) as Array<[string, AnyHandler]>);

  /** A reply as a response, checked against the spec first with --strict-responses (`checked` false: the mock's own refusals). */
  // `apiBase`: the origin and base path the client used, under which the serialise stage makes media links absolute.
  const respond = (ctx: PipelineContext, op: OperationInfo | undefined, reply: Reply, where: FailedRequest, apiBase: string, checked = true): PlainResponse => {
    if (ctx.options.strictResponses && checked && op && !('stream' in reply) && !('raw' in reply)) {
      // The spec declares media links `format: uri`: the check sees them absolute, as the client will.
      const { status, body } = strictCheck(op, { status: reply.status, body: withAbsoluteLinks(reply.body, apiBase) }, ctx.validators, where, ctx.options.errorLog);
      if (status !== reply.status) return jsonResponse(status, body);
    }
    return serializeReply(reply, apiBase);
  };

  const fail = (ctx: PipelineContext, op: OperationInfo | undefined, err: unknown, where: FailedRequest, apiBase: string): PlainResponse => {
    const { status, body, headers } = failureReply(err, where, ctx.options.errorLog);
    return respond(ctx, op, { status, body, headers }, where, apiBase, !(err instanceof ApiError && err.fromMockControl));
  };

  async function run(op: OperationInfo, params: Record<string, string>, req: PlainRequest, ctx: PipelineContext, where: FailedRequest, apiBase: string, said: { warning?: string }): Promise<PlainResponse> {
    const prefer = parsePrefer(req.header('prefer'));
    await sleep(delayOf(prefer, ctx.options.latency, ctx.random));
    let auth: Awaited<ReturnType<typeof authenticate>>;
    try {
      auth = await authenticate(op, req, ctx.tokens);
    } catch (err) {
      // An event stream is refused with an event, not a JSON string (what EventSource clients read).
      if (op.auth === 'query' && err instanceof ApiError) return { status: 401, headers: { 'Content-Type': 'text/event-stream' }, body: ACCESS_ENDED_FRAME };
      throw err;
    }
    // --profile server / --quirks: the real server's own departures; a reply they make skips the strict check.
    const quirks = quirksFor(ctx.options.quirks, op.operationId);
    const quirkRequest = { op, caller: auth.caller, query: req.query };
    const quirked = quirkBefore(quirks, quirkRequest);
    if (quirked) return respond(ctx, op, quirked, where, apiBase, false);
    const controlled = preferredCodeReply(op, prefer) ?? injectedFailure(op, ctx.options.failRate, ctx.random);
    if (controlled) return respond(ctx, op, controlled, where, apiBase);
    // A read answered before is answered again while nothing changed (response-cache.ts). Reading the input is
    // skipped too: the same path and query were read without a problem then (an answer with warnings is not kept).
    const { store } = ctx;
    let cacheKey = ctx.responses && req.method === 'GET' && !op.writes && op.auth !== 'query' && prefer.code === undefined && prefer.example === undefined && quirks.length === 0
      ? `${op.operationId}\n${auth.token ?? ''}\n${req.path}\n${JSON.stringify(req.query)}\n${apiBase}`
      : undefined;
    if (cacheKey !== undefined) {
      const hit = ctx.responses!.get(store, cacheKey);
      if (hit) return hit;
    }
    const revision = store.revision;
    const clockReadings = store.clockReadings;
    let read: Awaited<ReturnType<typeof readInput>>;
    try {
      read = await readInput(op, req, params, ctx.validators, ctx.options.bodyLimitBytes, ctx.options.strict);
    } catch (err) {
      // A refused request (a malformed id…) is still the server's to answer its own way (campaign-unknown-id-empty).
      const changed = quirkAfterFailure(quirks, err, quirkRequest);
      if (changed) return respond(ctx, op, changed, where, apiBase, false);
      throw err;
    }
    const { warnings, ...input } = read;
    if (warnings.length) {
      said.warning = noteWarnings(ctx, op, req, where, warnings);
      cacheKey = undefined;
    }
    const example = preferredExampleReply(op, prefer);
    if (example) return respond(ctx, op, example, where, apiBase);
    const handler = table.get(op.operationId);
    if (!handler) throw new ApiError(501, `${op.operationId} is not implemented by wapikit-mock yet`);
    const context = {
      store: ctx.store,
      tokens: ctx.tokens,
      options: ctx.options,
      op,
      ...input,
      caller: auth.caller,
      token: auth.token,
      apiBase,
    } as RequestContext;
    let reply: Reply;
    // A write moves the revision before it starts and once it is over, whatever it answers: no answer cached
    // before or during it is served after it.
    if (op.writes) store.touch();
    try {
      reply = await handler(context);
    } catch (err) {
      const changed = quirkAfterFailure(quirks, err, quirkRequest);
      if (changed) return respond(ctx, op, changed, where, apiBase, false);
      throw err;
    } finally {
      if (op.writes) store.touch();
    }
    if (op.writes && reply.status < 300) ctx.afterWrite();
    const changed = quirks.length > 0 ? quirkAfter(quirks, reply, quirkRequest) : undefined;
    if (changed) return respond(ctx, op, changed, where, apiBase, false);
    const res = respond(ctx, op, reply, where, apiBase);
    const keep = cacheKey !== undefined && res.status === 200 && 'body' in res && res.headers['Content-Type'] === 'application/json' && store.clockReadings === clockReadings;
    return keep ? ctx.responses!.put(store, revision, cacheKey!, res) : res;
  }

  /** Counts and logs a lenient answer's warnings; returns the response header's value. */
  const noteWarnings = (ctx: PipelineContext, op: OperationInfo, req: PlainRequest, where: FailedRequest, warnings: string[]): string => {
    const query = new URLSearchParams(Object.entries(req.query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]))).toString();
    const full = `${where.method} ${where.path}${query ? `?${query}` : ''}`;
    const example = full.length > 300 ? `${full.slice(0, 297)}...` : full;
    for (const message of warnings) ctx.warnings?.record(op.operationId, message, example);
    ctx.options.warningLog(`wapikit-mock: warning: ${example} (${op.operationId}): ${warnings.join('; ')}; answered as the real server would (--strict refuses it)\n`);
    return warningHeaderValue(warnings);
  };

  return async function handleRequest(req, ctx) {
    const path = `${ctx.options.basePath}${req.path}`;
    const route = match(req.method, req.path);
    if (route.kind !== 'operation') {
      // Nothing answers here: 405 when the path exists with another method, 404 otherwise, with the object
      // bodies the real server's router sends.
      if (route.kind === 'wrong-method') return jsonResponse(405, { message: 'Method Not Allowed' }, { Allow: route.allowed.join(', ') });
      return jsonResponse(404, { message: 'Not Found' });
    }
    const { op, params } = route;
    const where: FailedRequest = { operation: op.operationId, method: req.method, path };
    const apiBase = `${req.origin}${ctx.options.basePath}`;
    // Lenient answers (src/spec/leniency.ts) carry their warning, whatever the handler then answers.
    const said: { warning?: string } = {};
    let res: PlainResponse;
    try {
      if (!params) throw badRequest(`path is not valid: malformed percent-escape in '${req.path}'`);
      res = await run(op, params, req, ctx, where, apiBase, said);
    } catch (err) {
      res = fail(ctx, op, err, where, apiBase);
    }
    return said.warning === undefined ? res : { ...res, headers: { ...res.headers, [WARNING_HEADER]: said.warning } };
  };
}

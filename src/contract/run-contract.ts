/**
 * One contract run: picks the target (a base URL, or one the caller starts: the CLI's in-process mock), signs in, checks every
 * read operation of the spec with a valid request and the negative cases the spec implies, runs the write flows
 * when allowed, and reports every operation of the spec: pass, fail, or skipped with the reason.
 */
import { createValidators, listOperations, operationById, type JsonSchema, type OpenApiDocument, type OperationInfo, type SpecValidators } from '../spec/index.js';
import { componentAt } from '../spec/json-pointer.js';
import { betterBaseUrl, FIRST_PROBE, wrongBasePathMessage } from './base-path.js';
import { buildRequest, KitError } from './build-request.js';
import { checkIdConsistency, checkPagination, recordId } from './checks.js';
import { resourceForParam } from './discover-ids.js';
import { ConnectionError, TimeoutError, type Exchange } from './http.js';
import { negativeCases } from './negative-cases.js';
import { Redactor } from './redact.js';
import { maskExchange, Session } from './session.js';
import { loadSpecFile, SpecFileError } from './spec-file.js';
import type { StartedTarget, StartTarget } from './target.js';
import { PROFILE_CAPABILITIES, type Capabilities, type ContractReport, type OperationResult, type TargetProfile } from './types.js';
import { NOT_EXERCISED, runWriteFlows, SIDE_EFFECT_GETS } from './write-flows.js';

export interface ContractOptions {
  /** Base URL of the API including its base path, e.g. `https://staging.example.com/api`. Without it, `startTarget` is required. */
  baseUrl?: string;
  token?: string;
  username?: string;
  password?: string;
  /** Run the write flows (create, read back, update, delete their own records). */
  allowWrites?: boolean;
  /** Tags or operationIds to check; empty: all. */
  only?: string[];
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  profile?: TargetProfile;
  /** Overrides the profile's capabilities. */
  capabilities?: Partial<Capabilities>;
  specPath?: string;
  /** Run without credentials on purpose: only the operations that need no token are checked. */
  anonymous?: boolean;
  /** Stop reading an answer after this many bytes of body and report it as a violation. */
  maxResponseBytes?: number;
  /**
   * Starts the target when no baseUrl is given, and the run stops it at the end (the `wapikit-mock contract`
   * command passes the in-process mock). It gets the run's token, if any, to accept.
   */
  startTarget?: StartTarget;
  /** Names the records the write flows create; defaults to a time-based id. */
  runId?: string;
}

/** A bad option or selection (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The run could not start: the target cannot be reached or will not let the kit sign in (exit code 2). */
export class SetupError extends Error {
  override name = 'SetupError';
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** 10 MiB: far more than any answer of the API to the kit's small pages, far less than a runaway body. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Validators compile lazily and are costly: one set per document for the life of the process. */
const validatorCache = new WeakMap<OpenApiDocument, SpecValidators>();
function validatorsFor(doc: OpenApiDocument): SpecValidators {
  let v = validatorCache.get(doc);
  if (!v) {
    v = createValidators(doc);
    validatorCache.set(doc, v);
  }
  return v;
}
const STATELESS = 'needs a stateful target (the target profile says it keeps no data)';

/** The operations `only` selects (tags match case-insensitively, operationIds exactly or case-insensitively). */
export function selectOperations(ops: OperationInfo[], only: string[]): Set<string> {
  const wanted = only.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  if (wanted.length === 0) return new Set(ops.map((o) => o.operationId));
  const out = new Set<string>();
  for (const w of wanted) {
    const lower = w.toLowerCase();
    const hits = ops.filter((o) => o.operationId.toLowerCase() === lower || o.tags.some((t) => t.toLowerCase() === lower));
    if (hits.length === 0) throw new UsageError(`--only '${w}' matches no tag and no operationId of the spec`);
    for (const h of hits) out.add(h.operationId);
  }
  return out;
}

export function isReadOperation(op: OperationInfo): boolean {
  return !op.writes;
}

function resolveSchema(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s && typeof s.$ref === 'string'; i++) s = componentAt(doc.components.schemas, s.$ref);
  if (s && Array.isArray(s.allOf) && s.allOf.length === 1) return resolveSchema(doc, s.allOf[0] as JsonSchema);
  return s;
}

/** Whether a GET's 200 body names the record it returns (`{x: {uniqueId}}` or `{uniqueId}`), so the id can be compared. */
function returnsRecordById(doc: OpenApiDocument, op: OperationInfo): boolean {
  const last = op.path.split('/').pop() ?? '';
  const param = /^\{(.+)\}$/.exec(last)?.[1];
  if (!param || resourceForParam(op, param) === undefined || resourceForParam(op, param) === 'media') return false;
  const schema = resolveSchema(doc, op.responses.get(200)?.content?.['application/json']?.schema);
  const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const hasId = (p: Record<string, unknown> | undefined) => !!p && ('uniqueId' in p || 'id' in p);
  if (hasId(props)) return true;
  const objects = Object.values(props).map((p) => resolveSchema(doc, p)?.properties as Record<string, unknown> | undefined).filter((p) => p);
  return objects.length === 1 && hasId(objects[0]);
}

async function checkRead(s: Session, op: OperationInfo): Promise<void> {
  let built;
  try {
    const b = await buildRequest(s, op);
    if (!b.ok) {
      s.skipReasons.set(op.operationId, b.reason);
      return;
    }
    built = b.built;
  } catch (err) {
    if (!(err instanceof KitError)) throw err;
    s.judge(op, 'valid-request', 'valid request', [{ pointer: '', message: err.message, expected: 'a valid request', actual: 'none' }]);
    return;
  }
  const { exchange } = await s.runCase(op, 'valid-request', 'valid request', built.request, { kind: 'success' });
  const ok = exchange && exchange.status >= 200 && exchange.status < 300;
  const paginated = 'page' in built.request.query && 'per_page' in built.request.query;
  if (paginated) {
    const name = 'pagination metadata describes the page that came back';
    if (!s.stateful) s.skipCase(op, 'pagination', name, STATELESS);
    else if (ok) s.judge(op, 'pagination', name, checkPagination(built.request.query, exchange.json), exchange);
  }
  if (returnsRecordById(s.doc, op)) {
    const last = /\{(.+)\}$/.exec(op.path)?.[1] ?? '';
    const discovered = built.ids[last];
    const name = 'the record returned is the one whose id was asked for';
    if (!s.stateful) s.skipCase(op, 'id-consistency', name, STATELESS);
    else if (ok && discovered && recordId(exchange.json)) s.judge(op, 'id-consistency', name, checkIdConsistency(discovered.found.id, discovered.found.source, exchange.json), exchange);
  }
  for (const neg of negativeCases(built)) {
    if (neg.needsStateful && !s.stateful) s.skipCase(op, neg.kind, neg.name, STATELESS);
    else await s.runCase(op, neg.kind, neg.name, neg.request, neg.expectation);
  }
}

/** `POST /auth/login answered 404 ("…")`: the excerpt is cut from the masked body, so it never ends in half a secret. */
function answeredWith(s: Session, method: string, path: string, exchange: Exchange | undefined): string {
  if (!exchange) return `${method.toUpperCase()} ${path} got no answer`;
  const body = maskExchange(s.config.redactor, exchange).text.replace(/\s+/g, ' ').trim();
  return `${method.toUpperCase()} ${path} answered ${exchange.status}${body ? ` (${body.length > 200 ? `${body.slice(0, 197)}...` : body})` : ''}`;
}

/**
 * Whether the target takes the token: one protected read that needs no permission and no parameter is asked
 * first, and a 401 there ends the run as a setup problem instead of a violation for every protected operation.
 */
async function probeToken(s: Session, ops: OperationInfo[]): Promise<void> {
  const candidates = ops.filter((op) => op.auth === 'header' && !op.writes && op.permissions.length === 0 && !op.parameters.some((p) => p.required || p.in === 'path'));
  const probe = candidates.find((op) => !op.rateLimit) ?? candidates[0];
  if (!probe) return;
  const request = { method: probe.method, path: probe.path, query: {}, auth: probe.auth };
  let exchange: Exchange;
  try {
    exchange = await s.send(request);
  } catch (err) {
    if (err instanceof TimeoutError) throw new SetupError(s.config.redactor.apply(err.message));
    throw err;
  }
  if (exchange.status === 401) throw new SetupError(`the target refused the credentials: ${answeredWith(s, probe.method, probe.path, exchange)}`);
}

/** Signs in with a username and password: the login operation is checked like any other (when selected). */
async function login(s: Session, username: string, password: string): Promise<string> {
  const op = operationById(s.doc, 'login');
  const b = await buildRequest(s, op, { body: { username, password } });
  if (!b.ok) throw new SetupError(`cannot build the login request: ${b.reason}`);
  const { exchange } = await s.runCase(op, 'valid-request', 'valid request (signing in)', b.built.request, { kind: 'success' });
  const token = (exchange?.json as { token?: unknown } | undefined)?.token;
  if (!exchange || exchange.status !== 200 || typeof token !== 'string' || token === '') {
    const refused = !!exchange && exchange.status >= 400 && exchange.status < 500 && exchange.status !== 429;
    throw new SetupError(`${refused ? 'the target refused the credentials' : 'login failed'}: ${answeredWith(s, b.built.request.method, b.built.request.path, exchange)}`);
  }
  s.setToken(token);
  for (const neg of negativeCases(b.built)) await s.runCase(op, neg.kind, neg.name, neg.request, neg.expectation);
  return token;
}

function summarize(ops: OperationResult[]): Omit<ContractReport['summary'], 'notCheckedForCredentials'> {
  return {
    operations: ops.length,
    exercised: ops.filter((o) => o.cases.some((c) => c.outcome !== 'skipped')).length,
    passed: ops.filter((o) => o.outcome === 'pass').length,
    failed: ops.filter((o) => o.outcome === 'fail').length,
    skipped: ops.filter((o) => o.outcome === 'skipped').length,
    violations: ops.reduce((n, o) => n + o.cases.reduce((m, c) => m + c.violations.length, 0), 0),
    documentedStatuses: ops.reduce((n, o) => n + o.documentedStatuses.length, 0),
    seenDocumentedStatuses: ops.reduce((n, o) => n + o.seenStatuses.length, 0),
  };
}

function defaultReason(op: OperationInfo, selected: Set<string>, allowWrites: boolean, hasToken: boolean): string {
  if (!selected.has(op.operationId)) return 'not selected by --only';
  if (op.operationId === 'login') return 'needs --username and --password (the kit never guesses credentials)';
  if (!isReadOperation(op)) {
    const side = SIDE_EFFECT_GETS.get(op.operationId);
    if (!allowWrites) return side ? `${side}; pass --allow-writes` : 'write operation; pass --allow-writes';
    return NOT_EXERCISED.get(op.operationId) ?? 'not covered by the write flows';
  }
  if (op.auth !== 'none' && !hasToken) return 'needs a token: pass --token, or --username and --password';
  return 'not exercised';
}

export async function runContract(options: ContractOptions = {}): Promise<ContractReport> {
  const started = Date.now();
  let doc: OpenApiDocument;
  let validators: SpecValidators;
  let ops: OperationInfo[];
  try {
    doc = loadSpecFile(options.specPath);
    ops = listOperations(doc);
    validators = validatorsFor(doc);
  } catch (err) {
    if (err instanceof SpecFileError) throw new UsageError(err.message);
    if (options.specPath === undefined) throw err;
    throw new UsageError(`--spec ${options.specPath} cannot be used: ${(err as Error).message}`);
  }
  const selected = selectOperations(ops, options.only ?? []);
  const profile: TargetProfile = options.profile ?? 'wapikit';
  if (!(profile in PROFILE_CAPABILITIES)) throw new UsageError(`unknown target profile '${String(profile)}' (use wapikit or generic)`);
  const capabilities: Capabilities = { ...PROFILE_CAPABILITIES[profile], ...(options.capabilities ?? {}) };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isInteger(timeoutMs) && timeoutMs > 0)) throw new UsageError(`timeout must be a positive number of milliseconds (got ${timeoutMs})`);
  if ((options.username === undefined) !== (options.password === undefined)) throw new UsageError('--username and --password go together');
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)) throw new UsageError(`the response size limit must be a positive whole number of bytes (got ${maxResponseBytes})`);
  const allowWrites = options.allowWrites ?? false;
  const anonymous = options.anonymous ?? false;
  if (options.baseUrl && !/^https?:\/\//.test(options.baseUrl)) throw new UsageError(`--base-url must be an http(s) URL (got '${options.baseUrl}')`);
  const hasCredentials = !!options.token || options.username !== undefined;
  if (anonymous && hasCredentials) throw new UsageError('--anonymous means a run without credentials: drop it, or drop --token / --username');
  if (!anonymous && !hasCredentials && options.baseUrl) {
    const publicOps = ops.filter((op) => selected.has(op.operationId) && isReadOperation(op) && op.auth === 'none').length;
    const protectedOps = ops.filter((op) => selected.has(op.operationId) && isReadOperation(op) && op.auth !== 'none').length;
    throw new UsageError(
      `no credentials were given, so only the ${publicOps} operations that need no token could be checked (${protectedOps} more need one). ` +
        'Pass --token (or WAPIKIT_TOKEN), or --username and --password, to check them all; pass --anonymous to check only the public operations on purpose.',
    );
  }

  const redactor = new Redactor();
  redactor.add(options.token);
  redactor.add(options.password);

  let inProcess: StartedTarget | undefined;
  let baseUrl: string;
  if (options.baseUrl) baseUrl = options.baseUrl;
  else if (options.startTarget) {
    // A started target accepts the token the caller brings, so `--token` works without --base-url too.
    inProcess = await options.startTarget(options.token ? { token: options.token } : {});
    baseUrl = inProcess.baseUrl;
  } else throw new UsageError('no target: give a base URL (--base-url), or startTarget to start one for the run');

  const s = new Session({ doc, validators, http: { baseUrl, timeoutMs, token: undefined, maxResponseBytes }, profile, capabilities, redactor, selected });
  try {
    let first: Exchange;
    try {
      first = await s.send(FIRST_PROBE);
    } catch (err) {
      throw new SetupError(redactor.apply((err as Error).message));
    }
    const better = options.baseUrl ? await betterBaseUrl(s.config.http, first) : undefined;
    if (better) throw new SetupError(wrongBasePathMessage(baseUrl, better, answeredWith(s, FIRST_PROBE.method, FIRST_PROBE.path, first)));
    const credentials = options.username !== undefined ? { username: options.username, password: options.password! } : !options.token && !anonymous ? inProcess?.credentials : undefined;
    if (options.token) s.setToken(options.token);
    else if (credentials) await login(s, credentials.username, credentials.password);
    if (s.hasToken) await probeToken(s, ops);

    for (const op of ops) {
      if (!selected.has(op.operationId) || op.operationId === 'login' || !isReadOperation(op)) continue;
      if (op.auth !== 'none' && !s.hasToken) continue;
      await checkRead(s, op);
    }
    if (allowWrites && s.hasToken) await runWriteFlows(s, options.runId ?? Date.now().toString(36), selected);
  } catch (err) {
    if (err instanceof ConnectionError) throw new SetupError(redactor.apply(`the target stopped answering: ${err.message}`));
    throw err;
  } finally {
    await inProcess?.close();
  }

  const results: OperationResult[] = ops.map((op) => {
    const cases = s.cases.get(op.operationId) ?? [];
    const outcome = cases.some((c) => c.outcome === 'fail') ? 'fail' : cases.some((c) => c.outcome === 'pass') ? 'pass' : 'skipped';
    const result: OperationResult = {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      tags: op.tags,
      outcome,
      cases,
      documentedStatuses: [...op.responses.keys()].sort((a, b) => a - b),
      seenStatuses: [...(s.seen.get(op.operationId) ?? [])].sort((a, b) => a - b),
    };
    if (outcome === 'skipped') {
      result.reason = (selected.has(op.operationId) ? s.skipReasons.get(op.operationId) : undefined)
        ?? cases.find((c) => c.reason)?.reason
        ?? defaultReason(op, selected, allowWrites, s.hasToken);
    }
    return result;
  });

  return redactor.applyDeep({
    target: { baseUrl, kind: inProcess ? 'in-process mock' : 'remote', profile, capabilities },
    spec: { title: doc.info.title, version: doc.info.version, operations: ops.length },
    allowWrites,
    anonymous,
    only: options.only ?? [],
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    operations: results,
    leftovers: s.leftovers,
    problems: s.problems,
    summary: {
      ...summarize(results),
      notCheckedForCredentials: s.hasToken ? 0 : ops.filter((op) => selected.has(op.operationId) && isReadOperation(op) && op.auth !== 'none').length,
    },
  } satisfies ContractReport);
}

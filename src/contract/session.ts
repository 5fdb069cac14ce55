/**
 * The state of one contract run: how to reach the target, the compiled validators, the ids found so far, and
 * the cases recorded per operation. Every request the kit sends for a check goes through `runCase`, so every
 * answer is checked the same way.
 */
import type { OpenApiDocument, OperationInfo, SpecValidators, Violation } from '../spec/index.js';
import type { BuildContext } from './build-request.js';
import { checkExchange, type Expectation } from './checks.js';
import { IdPool } from './discover-ids.js';
import { ConnectionError, describeRequest, send, TimeoutError, type Exchange, type HttpSettings, type OutgoingRequest } from './http.js';
import type { Redactor } from './redact.js';
import type { Capabilities, CaseKind, CaseResult, TargetProfile } from './types.js';

/** After this many consecutive connection failures the target is considered gone and the run stops. */
const MAX_CONNECTION_FAILURES = 3;

export interface SessionConfig {
  doc: OpenApiDocument;
  validators: SpecValidators;
  http: HttpSettings;
  profile: TargetProfile;
  capabilities: Capabilities;
  redactor: Redactor;
  /** Operations whose cases are recorded (the --only selection). */
  selected: Set<string>;
}

/** The exchange with every registered secret masked in its text and its parsed body. */
export function maskExchange(redactor: Redactor, ex: Exchange): Exchange {
  const text = redactor.apply(ex.text);
  const out: Exchange = { ...ex, text };
  if (ex.json !== undefined) out.json = redactor.applyDeep(ex.json);
  if (ex.jsonError !== undefined) {
    // The parser's message quotes the text: quote the masked one.
    try {
      JSON.parse(text);
      out.jsonError = 'it does not parse';
    } catch (err) {
      out.jsonError = (err as Error).message;
    }
  }
  return out;
}

export interface CaseRun {
  exchange?: Exchange;
  result: CaseResult;
}

export class Session implements BuildContext {
  readonly doc: OpenApiDocument;
  readonly validators: SpecValidators;
  readonly pool: IdPool;
  readonly cases = new Map<string, CaseResult[]>();
  readonly seen = new Map<string, Set<number>>();
  readonly leftovers: string[] = [];
  readonly problems: string[] = [];
  /** Set when an operation's skipped reason is known before any case ran (e.g. no id could be discovered). */
  readonly skipReasons = new Map<string, string>();
  private connectionFailures = 0;

  constructor(readonly config: SessionConfig) {
    this.doc = config.doc;
    this.validators = config.validators;
    this.pool = new IdPool((req) => this.send(req));
  }

  get stateful(): boolean {
    return this.config.capabilities.stateful;
  }

  setToken(token: string | undefined): void {
    this.config.http.token = token;
    this.config.redactor.add(token);
  }

  get hasToken(): boolean {
    return !!this.config.http.token;
  }

  /** Sends a request that is not itself a check (discovery, cleanup lookups). */
  async send(req: OutgoingRequest): Promise<Exchange> {
    try {
      const ex = await send(this.config.http, req);
      this.connectionFailures = 0;
      return ex;
    } catch (err) {
      if (err instanceof ConnectionError) this.connectionFailures++;
      throw err;
    }
  }

  private record(op: OperationInfo, result: CaseResult): void {
    if (!this.config.selected.has(op.operationId)) return;
    const list = this.cases.get(op.operationId) ?? [];
    list.push(this.config.redactor.applyDeep(result));
    this.cases.set(op.operationId, list);
  }

  skipCase(op: OperationInfo, kind: CaseKind, name: string, reason: string): void {
    this.record(op, { kind, name, outcome: 'skipped', reason, violations: [], notes: [] });
  }

  /** Records a check that needs no request of its own (pagination, read back), computed from an earlier answer. */
  judge(op: OperationInfo, kind: CaseKind, name: string, violations: Violation[], from?: Exchange): CaseResult {
    const result: CaseResult = {
      kind,
      name,
      outcome: violations.length ? 'fail' : 'pass',
      request: from?.describe,
      status: from?.status,
      violations,
      notes: [],
    };
    this.record(op, result);
    return result;
  }

  /**
   * Sends one request for `op`, checks the answer against the spec and the expectation, records the case and
   * returns the exchange. A connection failure is the case's failure until too many happen in a row; then the
   * target is gone and the error ends the run.
   */
  async runCase(op: OperationInfo, kind: CaseKind, name: string, request: OutgoingRequest, expectation: Expectation): Promise<CaseRun> {
    const base: CaseResult = { kind, name, outcome: 'pass', request: describeRequest(request), violations: [], notes: [] };
    let exchange: Exchange;
    try {
      exchange = await this.send(request);
    } catch (err) {
      if (err instanceof TimeoutError || (err instanceof ConnectionError && this.connectionFailures < MAX_CONNECTION_FAILURES)) {
        const result: CaseResult = { ...base, outcome: 'fail', violations: [{ pointer: '', message: err.message, expected: 'an answer', actual: 'none' }] };
        this.record(op, result);
        return { result };
      }
      throw err;
    }
    // Checked (and so quoted) in its masked form: a secret the target echoes is masked before any excerpt is cut.
    const check = checkExchange(this.validators, this.config.profile, op, maskExchange(this.config.redactor, exchange), expectation);
    if (op.responses.has(exchange.status) && this.config.selected.has(op.operationId)) {
      const set = this.seen.get(op.operationId) ?? new Set<number>();
      set.add(exchange.status);
      this.seen.set(op.operationId, set);
    }
    const outcome = check.violations.length ? 'fail' : check.skippedReason ? 'skipped' : 'pass';
    const result: CaseResult = {
      ...base,
      outcome,
      reason: outcome === 'skipped' ? check.skippedReason : undefined,
      status: exchange.status,
      contentType: exchange.contentType || undefined,
      durationMs: exchange.durationMs,
      violations: check.violations,
      notes: check.notes,
    };
    if (result.reason === undefined) delete result.reason;
    this.record(op, result);
    return { exchange, result };
  }
}

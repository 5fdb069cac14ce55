/**
 * The vocabulary of the contract kit: what a target can do, what one check found, and the report of a run.
 * Everything in a report is plain JSON (the json reporter writes it as is) and never holds a secret.
 */
import type { Violation } from '../spec/index.js';

export type { Violation } from '../spec/index.js';

/** pass: every check of it conformed; fail: at least one violation; skipped: not exercised, with the reason. */
export type Outcome = 'pass' | 'fail' | 'skipped';

/**
 * What the target can be expected to do beyond answering each request on its own.
 * `stateful`: it keeps data, so an id read from a list can be fetched, an unknown id is a 404, pagination
 * metadata describes the page that came back, and a write can be read back. A schema-driven mock such as
 * Prism answers every request independently and has none of this.
 */
export interface Capabilities {
  stateful: boolean;
}

/**
 * How to treat a target.
 * - `wapikit`: a Wapikit deployment or this project's mock: stateful, and every answer (its errors included) must
 *   be what the spec documents.
 * - `generic`: any implementation generated from the same spec (Prism and the like): not stateful, and when it
 *   rejects one of the kit's bad requests with its own RFC 7807 `application/problem+json` error, the status is
 *   checked but the body is reported as not checked (a skipped check), never as conforming.
 */
export type TargetProfile = 'wapikit' | 'generic';

export const PROFILE_CAPABILITIES: Readonly<Record<TargetProfile, Capabilities>> = {
  wapikit: { stateful: true },
  generic: { stateful: false },
};

/** The kinds of check the kit runs for an operation. */
export type CaseKind =
  | 'valid-request'
  | 'no-token'
  | 'malformed-id'
  | 'missing-parameter'
  | 'invalid-body'
  | 'unknown-id'
  | 'pagination'
  | 'id-consistency'
  | 'read-back';

/** One request (or one property of a response) checked for one operation. */
export interface CaseResult {
  kind: CaseKind;
  /** Plain words: "valid request", "without a token", "read back after createList" ... */
  name: string;
  outcome: Outcome;
  /** Why the case was skipped. */
  reason?: string;
  /** What was sent, e.g. `GET /conversations?page=1&per_page=5` (secrets redacted). */
  request?: string;
  status?: number;
  contentType?: string;
  durationMs?: number;
  violations: Violation[];
  /** Things worth knowing that are not violations (e.g. "rate-limited: the success body was not checked"). */
  notes: string[];
}

export interface OperationResult {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  outcome: Outcome;
  /** For a skipped operation: why it was not exercised. */
  reason?: string;
  cases: CaseResult[];
  /** Every status the spec documents for the operation. */
  documentedStatuses: number[];
  /** The documented statuses the target answered at least once. */
  seenStatuses: number[];
}

export interface ReportSummary {
  operations: number;
  exercised: number;
  passed: number;
  failed: number;
  skipped: number;
  violations: number;
  documentedStatuses: number;
  seenDocumentedStatuses: number;
  /** Read operations selected but not checked because the run had no token (an `--anonymous` run). */
  notCheckedForCredentials: number;
}

export interface ContractReport {
  target: {
    /** Base URL the kit talked to (the in-process mock's is a loopback URL). */
    baseUrl: string;
    kind: 'in-process mock' | 'remote';
    profile: TargetProfile;
    capabilities: Capabilities;
  };
  spec: { title: string; version: string; operations: number };
  allowWrites: boolean;
  /** Run without credentials on purpose (`--anonymous`): only the public operations were checked. */
  anonymous: boolean;
  only: string[];
  startedAt: string;
  durationMs: number;
  operations: OperationResult[];
  /** Records the write flows created and could not remove, in words. */
  leftovers: string[];
  /** Problems that are not about one operation (discovery, cleanup), in words. */
  problems: string[];
  summary: ReportSummary;
}

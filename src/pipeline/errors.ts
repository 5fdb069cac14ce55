import { DomainError, SERVER_ERROR_MESSAGE } from '../domain/errors.js';
import { NOT_PERMITTED } from '../domain/membership.js';
import type { Violation } from '../spec/validators.js';

/**
 * A failure that maps to an HTTP status. The body is what the real server sends: a bare JSON string,
 * except for 429. Every route throws these; `errorReply` (below) is the one place that turns them into responses.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** A refusal of the mock's own controls (`Prefer`), not of the API: exempt from strict response checks. */
    readonly fromMockControl = false,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
    this.name = 'ApiError';
  }
}

export const UNAUTHORIZED = 'Unauthorized access';
/** The 401 of a member whose roles lack an operation's permission: the domain's wording, written once there. */
export const FORBIDDEN_PERMISSION = NOT_PERMITTED;

export const badRequest = (message: string) => new ApiError(400, message);
/** A malformed mock control (`Prefer: code=40`): a 400 even where the operation documents none. */
export const badControl = (message: string) => new ApiError(400, message, {}, true);
export const unauthorized = (message: string = UNAUTHORIZED) => new ApiError(401, message);
export const notFound = (message: string) => new ApiError(404, message);
export const payloadTooLarge = (limit: number) => new ApiError(413, `request body is larger than the ${limit} bytes this server accepts`);

/** A request that failed validation: the first violation is the message, as the real server names one problem at a time. */
export function invalid(violations: Violation[]): ApiError {
  return badRequest(violations.map((v) => v.message).join('; '));
}

const DOMAIN_STATUS = { 'not-found': 404, invalid: 400, denied: 401, conflict: 400, 'too-large': 413 } as const;

/** Turns anything thrown while handling a request into a status and a body. Unknown errors are 500s. */
export function errorReply(err: unknown): { status: number; body: unknown; headers: Record<string, string> } {
  if (err instanceof ApiError) return { status: err.status, body: err.body, headers: err.headers };
  if (err instanceof DomainError) return { status: DOMAIN_STATUS[err.kind], body: err.message, headers: {} };
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  // Errors of reading a body (body-parser's on the Express adapter, and the same kinds from the pipeline's JSON reading).
  if (e?.type === 'entity.too.large') return { status: 413, body: `request body is larger than the ${e.limit ?? 0} bytes this server accepts`, headers: {} };
  if (e?.type === 'entity.parse.failed') return { status: 400, body: `request body is not valid JSON: ${e.message ?? 'parse error'}`, headers: {} };
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return { status: 400, body: e.message ?? 'unsupported request encoding', headers: {} };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, body: e.message ?? 'bad request', headers: {} };
  return { status: 500, body: SERVER_ERROR_MESSAGE, headers: {} };
}

/** Where a request failed, for the report of an unexpected error. */
export interface FailedRequest {
  /** The operationId, or what else answered (`/__mock controls`, `the mock server`). */
  operation: string;
  method: string;
  /** Without the query string (which may carry a token). */
  path: string;
}

/** Where a request failed: its method and path without the query string (which may carry a token). */
export function failedRequest(req: { method: string; originalUrl?: string; url: string }, operation: string): FailedRequest {
  return { operation, method: req.method, path: (req.originalUrl || req.url).split('?')[0]! };
}

const reported = new WeakSet<object>();

/** The text logged for an unexpected error: where it happened, then its stack (which starts with its message). */
export function unexpectedErrorReport(err: unknown, where: FailedRequest): string {
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : `thrown value: ${String(err)}`;
  return `wapikit-mock: unexpected error in ${where.operation} (${where.method} ${where.path}), answered 500:\n${detail}\n`;
}

/**
 * `errorReply` for a failed request, and the one place unexpected errors are logged: each error that becomes
 * a 500 is reported to `log` once, with its stack. The client still gets only the generic sentence.
 */
export function failureReply(err: unknown, where: FailedRequest, log: (report: string) => void): ReturnType<typeof errorReply> {
  const reply = errorReply(err);
  // Deliberate answers (an ApiError such as the 501 of an unimplemented operation) are not bugs.
  if (reply.status >= 500 && !(err instanceof ApiError)) {
    const seen = typeof err === 'object' && err !== null && reported.has(err);
    if (!seen) {
      if (typeof err === 'object' && err !== null) reported.add(err);
      log(unexpectedErrorReport(err, where));
    }
  }
  return reply;
}

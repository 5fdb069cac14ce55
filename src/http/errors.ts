import { DomainError } from '../domain/errors.js';
import type { Violation } from '../spec/index.js';

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
export const FORBIDDEN_PERMISSION = 'You are not authorized to access this resource.';

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

const DOMAIN_STATUS = { 'not-found': 404, invalid: 400, denied: 401, conflict: 400 } as const;

/** Turns anything thrown while handling a request into a status and a body. Unknown errors are 500s. */
export function errorReply(err: unknown): { status: number; body: unknown; headers: Record<string, string> } {
  if (err instanceof ApiError) return { status: err.status, body: err.body, headers: err.headers };
  if (err instanceof DomainError) return { status: DOMAIN_STATUS[err.kind], body: err.message, headers: {} };
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  // Errors raised by Express's body parser.
  if (e?.type === 'entity.too.large') return { status: 413, body: `request body is larger than the ${e.limit ?? 0} bytes this server accepts`, headers: {} };
  if (e?.type === 'entity.parse.failed') return { status: 400, body: `request body is not valid JSON: ${e.message ?? 'parse error'}`, headers: {} };
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return { status: 400, body: e.message ?? 'unsupported request encoding', headers: {} };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, body: e.message ?? 'bad request', headers: {} };
  return { status: 500, body: 'Something went wrong while processing your request.', headers: {} };
}

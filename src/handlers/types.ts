import type { Caller } from '../auth/caller.js';
import type { TokenService } from '../auth/tokens.js';
import type { operations } from '../generated/wapikit.js';
import type { MockOptions } from '../options.js';
import type { OperationInfo } from '../spec/operations.js';
import type { Store } from '../store/store.js';

export type OperationId = keyof operations;

type Params<Op extends OperationId, Where extends 'path' | 'query'> = operations[Op]['parameters'] extends { [K in Where]?: infer P }
  ? P extends Record<string, unknown> ? P : Record<string, never>
  : Record<string, never>;

export type PathParams<Op extends OperationId> = Params<Op, 'path'>;
export type QueryParams<Op extends OperationId> = Params<Op, 'query'>;

export type RequestBody<Op extends OperationId> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : undefined;

/** The JSON body of an operation's 200 response. */
export type SuccessBody<Op extends OperationId> = operations[Op]['responses'] extends { 200: { content: { 'application/json': infer B } } } ? B : never;

/** Who is calling: resolved from the token by the auth step (declared with auth, src/auth/caller.ts). */
export type { Caller };

export interface UploadedFile {
  field: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * The services of a running mock, read from the request context on every request: a reset or a state import
 * puts another store here, and nothing else is rebuilt.
 */
export interface Services {
  readonly store: Store;
  readonly tokens: TokenService;
  readonly options: MockOptions;
}

/** Everything a handler gets: the services, validated (and coerced) input, the caller, and how to build absolute URLs. */
export interface RequestContext<Op extends OperationId = OperationId> extends Services {
  op: OperationInfo;
  params: PathParams<Op>;
  query: QueryParams<Op>;
  body: RequestBody<Op>;
  /** Undefined only on public operations. */
  caller: Caller | undefined;
  /** Multipart fields, for operations that take multipart/form-data. */
  files: UploadedFile[];
  fields: Record<string, string>;
  /**
   * Where the client reached this API: its origin and the base path, e.g. `http://127.0.0.1:4010/api`. The edge
   * makes media links absolute under it (pipeline/links.ts): JSON responses, event frames, an upload's `mediaUrl`.
   */
  apiBase: string;
  /** Raw token, for operations that hand tokens back (switch organization). */
  token: string | undefined;
}

export type Reply =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { status: number; raw: Uint8Array; contentType: string; headers?: Record<string, string> }
  | {
      status: number;
      /**
       * Writes the body over time: `write` a chunk, `end` the response, `onClose` when the connection goes (the
       * client left, or fell more than streamBacklogBytes behind and was dropped: `write` then returns false).
       */
      stream: (write: (chunk: string) => boolean, onClose: (fn: () => void) => void, end: () => void) => void;
      contentType: string;
      headers?: Record<string, string>;
    };

export type Handler<Op extends OperationId = OperationId> = (ctx: RequestContext<Op>) => Reply | Promise<Reply>;

/** Every operation's handler: a table missing one does not compile. */
export type HandlerTable = { [Op in OperationId]: Handler<Op> };

/** A typed 200 reply: the compiler checks the body against the generated response type. */
export function ok<Op extends OperationId>(_op: Op, body: SuccessBody<Op>): Reply {
  return { status: 200, body };
}

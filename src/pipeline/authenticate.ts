import { holdsPermissions } from '../domain/membership.js';
import type { Caller } from '../handlers/types.js';
import type { OperationInfo } from '../spec/operations.js';
import { FORBIDDEN_PERMISSION, unauthorized } from './errors.js';
import type { PlainRequest } from './types.js';

/** Resolves a token to the calling member, or undefined when the token is not accepted. */
export interface TokenResolver {
  resolve(token: string): Promise<Caller | undefined>;
}

export interface Authenticated {
  /** Undefined only on public operations. */
  caller: Caller | undefined;
  token: string | undefined;
}

/**
 * The authenticate stage: the token from where the operation takes it (`x-access-token`, or `?token=` for
 * event streams), resolved to a caller who holds the operation's permissions. Throws the 401s.
 */
export async function authenticate(op: OperationInfo, req: PlainRequest, tokens: TokenResolver): Promise<Authenticated> {
  if (op.auth === 'none') return { caller: undefined, token: undefined };
  const raw = op.auth === 'query' ? req.query.token : req.header('x-access-token');
  const token = typeof raw === 'string' && raw.length > 0 ? raw : undefined;
  const caller = token ? await tokens.resolve(token) : undefined;
  if (!caller) throw unauthorized();
  if (!holdsPermissions(caller, caller.permissions, op.permissions)) throw unauthorized(FORBIDDEN_PERMISSION);
  return { caller, token };
}

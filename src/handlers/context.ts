import type { TokenService } from '../auth/tokens.js';
import { denied } from '../domain/errors.js';
import type { Caller, RequestContext } from '../http/handler-types.js';
import type { Store } from '../store/store.js';

/** What every handler module is built with. */
export interface HandlerDeps {
  store: Store;
  tokens: TokenService;
}

/** The caller of a protected operation (the router has already authenticated it). */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw denied('Unauthorized access');
  return ctx.caller;
}

/** The caller's organization; a token not scoped to one cannot use organization data. */
export function orgOf(ctx: RequestContext): string {
  const caller = callerOf(ctx);
  if (!caller.organizationId) throw denied('Unauthorized access');
  return caller.organizationId;
}

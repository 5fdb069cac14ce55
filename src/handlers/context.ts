import { denied } from '../domain/errors.js';
import type { Caller, RequestContext } from './types.js';

/** The caller of a protected operation (the pipeline has already authenticated it). */
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

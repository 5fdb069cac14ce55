/**
 * The server-profile stage (--profile server, --quirks): the enabled entries of the quirks table
 * (src/quirks/table.ts) answer before the handler or change its answer after it. A reply a quirk made breaks the
 * spec on purpose, so the pipeline sends it without the --strict-responses check.
 */
import type { Reply } from '../handlers/types.js';
import { QUIRKS, type Quirk, type QuirkReply, type QuirkRequest } from '../quirks/table.js';
import { ApiError, errorReply } from './errors.js';
import { DomainError } from '../domain/errors.js';

/** The enabled entries that concern `operationId`, in table order. */
export function quirksFor(enabled: readonly string[], operationId: string): Quirk[] {
  if (enabled.length === 0) return [];
  return QUIRKS.filter((q) => enabled.includes(q.name) && (typeof q.operations === 'string' || q.operations.includes(operationId)));
}

/** The first `before` answer among `quirks`, if any. */
export function quirkBefore(quirks: readonly Quirk[], req: QuirkRequest): Reply | undefined {
  for (const q of quirks) {
    const reply = q.apply.before?.(req);
    if (reply) return reply;
  }
  return undefined;
}

/** `reply` changed by every `after` of `quirks` in turn; undefined when none changed it (streams and files pass untouched). */
export function quirkAfter(quirks: readonly Quirk[], reply: Reply, req: QuirkRequest): Reply | undefined {
  if ('stream' in reply || 'raw' in reply) return undefined;
  let current: QuirkReply = reply;
  let changed = false;
  for (const q of quirks) {
    const next = q.apply.after?.(current, req);
    if (next) {
      current = next;
      changed = true;
    }
  }
  return changed ? current : undefined;
}

/** A refusal thrown by a handler (a 404, a 400), changed by the quirks; undefined when none applies or the error is a bug. */
export function quirkAfterFailure(quirks: readonly Quirk[], err: unknown, req: QuirkRequest): Reply | undefined {
  if (quirks.length === 0 || !(err instanceof ApiError || err instanceof DomainError)) return undefined;
  return quirkAfter(quirks, errorReply(err), req);
}

/**
 * The mock-control stage: what a request's `Prefer` header and the --latency / --fail-rate options ask of
 * the mock, decided before (or instead of) the handler. Answers are the spec's documented examples.
 */
import type { Reply } from '../handlers/types.js';
import type { LatencyRange } from '../options.js';
import { responseMedia, successStatus, type OperationInfo } from '../spec/operations.js';
import { badControl } from './errors.js';
import type { Preferences } from './prefer.js';

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

/** How long to hold a request: `Prefer: delay=` plus --latency (a seeded draw when it is a range). */
export function delayOf(prefer: Preferences, latency: LatencyRange, random: () => number): number {
  const { min, max } = latency;
  return (prefer.delay ?? 0) + (max > min ? min + Math.floor(random() * (max - min + 1)) : min);
}

/** The body of a documented response's example (the first, or the one named), for `Prefer` and --fail-rate. */
export function exampleReply(op: OperationInfo, status: number, name?: string): Reply | undefined {
  const media = responseMedia(op, status);
  if (!media) return undefined;
  const [contentType, m] = media;
  const examples = new Map(Object.entries(m.examples ?? {}));
  // A Map: a user-supplied name such as `constructor` must not find anything on Object.prototype.
  const picked = name ? examples.get(name) : [...examples.values()][0];
  if (name && !picked) throw badControl(`Prefer: example=${name} is not an example of ${op.operationId} ${status} (examples: ${[...examples.keys()].join(', ') || 'none'})`);
  if (!picked) return undefined;
  if (!contentType.includes('json')) return undefined;
  const reply: Reply = { status, body: picked.value };
  if (status === 429) {
    // The documented rate-limit headers, consistent with the example's body.
    const reset = (picked.value as { reset?: unknown } | null)?.reset;
    reply.headers = { 'X-RateLimit-Limit': String(op.rateLimit?.requests ?? 60), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(typeof reset === 'number' ? reset : 0) };
  }
  return reply;
}

/**
 * The reply `Prefer: code=` asks for instead of the handler's, if it asks for another status than the
 * operation's success. A code the operation does not document, or one without an example, is a 400.
 */
export function preferredCodeReply(op: OperationInfo, prefer: Preferences): Reply | undefined {
  if (prefer.code === undefined || prefer.code === successStatus(op)) return undefined;
  if (!op.responses.has(prefer.code)) {
    throw badControl(`Prefer: code=${prefer.code} is not documented for ${op.operationId} (documented: ${[...op.responses.keys()].join(', ')})`);
  }
  const reply = exampleReply(op, prefer.code, prefer.example);
  if (!reply) throw badControl(`Prefer: code=${prefer.code} has no example to send for ${op.operationId}`);
  return reply;
}

/** With --fail-rate, a seeded share of requests gets one of the operation's documented 5xx or 429 examples. */
export function injectedFailure(op: OperationInfo, failRate: number, random: () => number): Reply | undefined {
  if (!(failRate > 0 && random() < failRate)) return undefined;
  const failures = [...op.responses.keys()].filter((s) => s >= 500 || s === 429);
  const status = failures[Math.floor(random() * failures.length)];
  return status === undefined ? undefined : exampleReply(op, status);
}

/** `Prefer: example=` on its own: the named example of the success status; nothing is read or written. */
export function preferredExampleReply(op: OperationInfo, prefer: Preferences): Reply | undefined {
  if (!prefer.example) return undefined;
  const status = successStatus(op);
  const reply = exampleReply(op, status, prefer.example);
  if (!reply) throw badControl(`Prefer: example=${prefer.example}: ${op.operationId} ${status} has no JSON example to send`);
  return reply;
}

/**
 * The options that choose a world (seed, now, size): their defaults and the range each accepts, written
 * once. `createWorld`, the mock's `resolveOptions` (DEFAULT_MOCK_OPTIONS takes these defaults) and the
 * CLI's flags all check against what is here.
 */
import type { WorldOptions } from './model.js';

export const DEFAULT_WORLD_OPTIONS: Readonly<WorldOptions> = Object.freeze({ seed: 1, now: '2026-11-24T12:00:00.000Z', size: 300 });

/** Conversations of the main organization: at least one (the demo inbox is never empty), at most a million. */
export const WORLD_SIZE_RANGE = Object.freeze({ min: 1, max: 1_000_000 });

/** Largest supported `size`. */
export const MAX_WORLD_SIZE = WORLD_SIZE_RANGE.max;

/** What is wrong with these world options, each problem a sentence; empty when they are fine. */
export function worldOptionProblems(options: WorldOptions): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(options.seed)) problems.push(`seed must be a safe integer (got ${options.seed})`);
  if (!Number.isInteger(options.size) || options.size < WORLD_SIZE_RANGE.min || options.size > WORLD_SIZE_RANGE.max) {
    problems.push(`size must be an integer from ${WORLD_SIZE_RANGE.min} to ${WORLD_SIZE_RANGE.max} (got ${options.size})`);
  }
  if (typeof options.now !== 'string' || Number.isNaN(Date.parse(options.now))) problems.push(`now must be an ISO 8601 date-time (got '${options.now}')`);
  return problems;
}

/** Throws a RangeError naming the first problem of these world options, if they have any. */
export function checkWorldOptions(options: WorldOptions): void {
  const [problem] = worldOptionProblems(options);
  if (problem) throw new RangeError(problem);
}

/**
 * Parsers of the CLI's option values. Each throws commander's InvalidArgumentError with what was expected,
 * which commander turns into `error: option '--port <number>' argument 'abc' is invalid. <reason>`.
 */
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { frontendDirProblem } from '../http/frontend.js';
import type { LatencyRange } from '../options.js';
import { QUIRK_NAMES, unknownQuirks } from '../quirks/table.js';
import { WORLD_SIZE_RANGE } from '../world/world-options.js';

function integer(value: string, what: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`${what} must be an integer from ${min} to ${max}.`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${what} must be an integer from ${min} to ${max}.`);
  return n;
}

export const parsePort = (value: string): number => integer(value, 'The port', 0, 65535);

export const parseSeed = (value: string): number => integer(value, 'The seed', -(2 ** 31), 2 ** 32 - 1);

export const parseSize = (value: string): number => integer(value, 'The size (conversations of the main organization)', WORLD_SIZE_RANGE.min, WORLD_SIZE_RANGE.max);

/** An ISO 8601 date or date-time, normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function parseNow(value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN;
  if (Number.isNaN(ms)) throw new InvalidArgumentError('Expected an ISO 8601 date or date-time, e.g. 2026-11-24 or 2026-11-24T12:00:00Z.');
  return new Date(ms).toISOString();
}

/** `250` (fixed) or `100-400` (a seeded random delay in that range), in milliseconds. */
export function parseLatency(value: string): LatencyRange {
  const m = /^\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?$/.exec(value);
  if (!m) throw new InvalidArgumentError('Expected milliseconds (250) or a range (100-400).');
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (max < min) throw new InvalidArgumentError(`The range's maximum must not be below its minimum (got ${min}-${max}).`);
  return { min, max };
}

export function parseFailRate(value: string): number {
  const n = /^\s*(0|1|0?\.\d+|1\.0*)\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('Expected a fraction from 0 to 1, e.g. 0.1 for one request in ten.');
  return n;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

/** A boolean from an environment variable: 1/true/yes/on or 0/false/no/off. */
export function parseBooleanEnv(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new InvalidArgumentError(`Environment variable ${name} must be 1/true/yes/on or 0/false/no/off (got '${value}').`);
}

export function parseCorsOrigin(value: string): string {
  const v = value.trim();
  if (v === '*') return v;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new InvalidArgumentError("Expected '*' (echo any origin, as the real server does) or an origin such as http://localhost:3000.");
  }
  if (url.origin !== v.replace(/\/$/, '')) throw new InvalidArgumentError(`Expected an origin without a path, e.g. ${url.origin}.`);
  return url.origin;
}

/** The current day at 00:00 UTC: the CLI's default `--now`. */
export function startOfUtcDay(d: Date): string {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())).toISOString();
}

/** A token signing secret: not blank. (HS256 takes any length; a long random one is what keeps tokens unforgeable.) */
export function parseJwtSecret(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('Expected a secret that is not blank.');
  return value;
}

/** A folder holding a static frontend build (an index.html at least), as an absolute path. */
export function parseFrontendDir(value: string): string {
  const dir = resolve(value);
  const problem = frontendDirProblem(dir);
  if (problem) throw new InvalidArgumentError(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
  return dir;
}

/** `--profile server`: every quirk of the real server (the profile's only value). */
export function parseProfile(value: string): string[] {
  if (value.trim() !== 'server') throw new InvalidArgumentError("The only profile is 'server' (the real server's own behaviour).");
  return [...QUIRK_NAMES];
}

/** `--quirks a,b`: names from the quirks table; an unknown one is refused with the valid names. */
export function parseQuirks(value: string): string[] {
  const names = value.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const unknown = unknownQuirks(names);
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`${unknown.length ? `Unknown quirk ${unknown.map((n) => `'${n}'`).join(', ')}.` : 'Name at least one quirk.'} Valid quirks: ${QUIRK_NAMES.join(', ')}.`);
  }
  return names;
}

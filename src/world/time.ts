/**
 * Time helpers. The generator never reads the clock: every instant is derived from
 * the world's `now` (epoch milliseconds, UTC).
 */
import type { IsoDateTime } from './model.js';
import { formatIsoUtc } from './strings.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO-8601 with milliseconds and `Z` (as `Date.prototype.toISOString`). */
export function iso(ms: number): IsoDateTime {
  return formatIsoUtc(Math.round(ms));
}

/** Parses an ISO-8601 timestamp; throws on anything else. */
export function parseIso(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Invalid ISO-8601 timestamp: ${value}`);
  return ms;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `Thursday` (UTC). */
export function weekdayName(ms: number): string {
  return WEEKDAYS[new Date(ms).getUTCDay()] ?? 'Monday';
}

/** `November` (UTC). */
export function monthName(ms: number): string {
  return MONTHS[new Date(ms).getUTCMonth()] ?? 'January';
}

/** `Thursday, 27 November` (UTC). */
export function longDate(ms: number): string {
  return `${weekdayName(ms)}, ${new Date(ms).getUTCDate()} ${monthName(ms)}`;
}

/** `20261127` (UTC), as WhatsApp puts in media file names. */
export function compactDate(ms: number): string {
  return iso(ms).slice(0, 10).replace(/-/g, '');
}

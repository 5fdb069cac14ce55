import { describe, expect, it } from 'vitest';
import { formatIsoUtc, formatUuid } from './strings.js';
import { iso, longDate, weekdayName } from './time.js';

describe('formatIsoUtc', () => {
  it.each([
    ['the epoch', 0],
    ['one millisecond before the epoch', -1],
    ['a leap day', Date.UTC(2000, 1, 29, 23, 59, 59, 999)],
    ['the default now', Date.UTC(2026, 10, 24, 12, 0, 0, 0)],
    ['the end of a non-leap February', Date.UTC(2100, 1, 28, 0, 0, 0, 7)],
    ['year 1', Date.parse('0001-01-01T00:00:00.000Z')],
    ['the last millisecond of 9999', Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
  ])('matches toISOString for %s', (_name, ms) => {
    expect(formatIsoUtc(ms)).toBe(new Date(ms).toISOString());
  });

  it('matches toISOString across a sweep of instants', () => {
    for (let i = 0; i < 50_000; i++) {
      const ms = Date.UTC(1990, 0, 1) + i * 1_234_567_891;
      expect(formatIsoUtc(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('falls back to toISOString outside years 0–9999', () => {
    const ms = Date.UTC(10_000, 0, 1);
    expect(formatIsoUtc(ms)).toBe(new Date(ms).toISOString());
  });

  it('is what iso() returns, rounding fractional milliseconds', () => {
    expect(iso(1_700_000_000_123.4)).toBe('2023-11-14T22:13:20.123Z');
  });
});

describe('formatUuid', () => {
  it.each([
    [0, 0, 0, 0, '00000000-0000-0000-0000-000000000000'],
    [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
    [0x01234567, 0x89abcdef, 0x01234567, 0x89abcdef, '01234567-89ab-cdef-0123-456789abcdef'],
  ])('formats %i %i %i %i', (a, b, c, d, expected) => {
    expect(formatUuid(a, b, c, d)).toBe(expected);
  });
});

describe('text dates', () => {
  it.each([
    [Date.UTC(2026, 10, 26), 'Thursday', 'Thursday, 26 November'],
    [Date.UTC(2027, 0, 3), 'Sunday', 'Sunday, 3 January'],
  ])('names %i as %s / %s', (ms, weekday, long) => {
    expect(weekdayName(ms)).toBe(weekday);
    expect(longDate(ms)).toBe(long);
  });
});

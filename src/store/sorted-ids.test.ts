import { describe, expect, it } from 'vitest';
import { SortedIds } from './sorted-ids.js';

const T = (n: number) => `2026-01-0${n}T00:00:00.000Z`;

/** a (day 1), b (day 2), c (day 3), d (day 3: same time as c, after it by id), e (day 4). */
function sample(): SortedIds {
  return SortedIds.fromSorted([
    { id: 'e', key: T(4) },
    { id: 'c', key: T(3) },
    { id: 'a', key: T(1) },
    { id: 'd', key: T(3) },
    { id: 'b', key: T(2) },
  ]);
}

describe('SortedIds', () => {
  it.each<[string, number, number, 'asc' | 'desc', string[]]>([
    ['the first page, oldest first', 0, 2, 'asc', ['a', 'b']],
    ['a middle page, oldest first', 2, 2, 'asc', ['c', 'd']],
    ['the last, short page, oldest first', 4, 2, 'asc', ['e']],
    ['the first page, newest first', 0, 2, 'desc', ['e', 'd']],
    ['a middle page, newest first', 2, 2, 'desc', ['c', 'b']],
    ['the last, short page, newest first', 4, 2, 'desc', ['a']],
    ['everything, oldest first', 0, 100, 'asc', ['a', 'b', 'c', 'd', 'e']],
    ['everything, newest first', 0, 100, 'desc', ['e', 'd', 'c', 'b', 'a']],
    ['past the end, oldest first', 5, 2, 'asc', []],
    ['past the end, newest first', 7, 2, 'desc', []],
    ['an empty page', 1, 0, 'desc', []],
  ])('pages %s', (_name, offset, limit, order, ids) => {
    expect(sample().page(offset, limit, order)).toEqual(ids);
  });

  it('keeps key order, then id order, whatever the insertion order', () => {
    const s = new SortedIds();
    for (const [id, day] of [['d', 3], ['a', 1], ['e', 4], ['c', 3], ['b', 2]] as const) s.insert(id, T(day));
    expect(s.page(0, 10, 'asc')).toEqual(sample().page(0, 10, 'asc'));
    expect(s.length).toBe(5);
  });

  it('removes an id by its key, and only that id', () => {
    const s = sample();
    s.remove('c', T(3));
    expect(s.page(0, 10, 'asc')).toEqual(['a', 'b', 'd', 'e']);
    expect(s.length).toBe(4);
  });

  it.each([
    ['an unknown id', 'x', T(3)],
    ['an id it never held, under a key past the end', 'z', T(9)],
  ])('ignores removing %s', (_name, id, key) => {
    const s = sample();
    s.remove(id, key);
    expect(s.page(0, 10, 'asc')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not change the entries it was built from', () => {
    const entries = [{ id: 'b', key: T(2) }, { id: 'a', key: T(1) }];
    SortedIds.fromSorted(entries);
    expect(entries.map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('reads entries by position in ascending order (ties by id), nothing past either end', () => {
    const s = sample();
    expect([0, 1, 2, 3, 4].map((i) => `${s.idAt(i)} ${s.keyAt(i)?.slice(8, 10)}`)).toEqual(['a 01', 'b 02', 'c 03', 'd 03', 'e 04']);
    expect([s.idAt(-1), s.idAt(5), s.keyAt(5)]).toEqual([undefined, undefined, undefined]);
  });
});

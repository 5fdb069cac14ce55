/**
 * Ids kept in ascending order of a sort key (an ISO timestamp), with O(log n) search and
 * O(n) memmove insert/remove: fast enough for 100,000 entries, and pages are plain slices.
 */
export class SortedIds {
  private ids: string[] = [];
  private keys: string[] = [];

  private lowerBound(key: string, id: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k < key || (k === key && this.ids[mid]! < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(id: string, key: string): void {
    const at = this.lowerBound(key, id);
    this.ids.splice(at, 0, id);
    this.keys.splice(at, 0, key);
  }

  remove(id: string, key: string): void {
    const at = this.lowerBound(key, id);
    if (this.ids[at] === id) {
      this.ids.splice(at, 1);
      this.keys.splice(at, 1);
    }
  }

  get length(): number {
    return this.ids.length;
  }

  /** The id at position `i` in ascending key order. */
  idAt(i: number): string | undefined {
    return this.ids[i];
  }

  /** The key at position `i` in ascending key order. */
  keyAt(i: number): string | undefined {
    return this.keys[i];
  }

  /** A page of ids: `order` 'asc' oldest first, 'desc' newest first. */
  page(offset: number, limit: number, order: 'asc' | 'desc'): string[] {
    if (order === 'asc') return this.ids.slice(offset, offset + limit);
    const end = this.ids.length - offset;
    return end <= 0 ? [] : this.ids.slice(Math.max(0, end - limit), end).reverse();
  }

  /** Builds from entries already sorted by key (no per-item insert). */
  static fromSorted(entries: Array<{ id: string; key: string }>): SortedIds {
    const s = new SortedIds();
    const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    s.ids = sorted.map((e) => e.id);
    s.keys = sorted.map((e) => e.key);
    return s;
  }
}

import type { PaginationMeta } from './api-types.js';

export interface PageRequest {
  page: number;
  per_page: number;
}

export function offsetOf(p: PageRequest): number {
  return (p.page - 1) * p.per_page;
}

export function meta(p: PageRequest, total: number): PaginationMeta {
  return { page: p.page, per_page: p.per_page, total };
}

/** A page of an in-memory array (for small collections: members, tags, lists...). */
export function pageOf<T>(items: readonly T[], p: PageRequest): T[] {
  const from = offsetOf(p);
  return items.slice(from, from + p.per_page);
}

/** Sorts by createdAt; `desc` newest first. Stable for equal timestamps (by id). */
export function byCreatedAt<T extends { createdAt: string; uniqueId: string }>(order: 'asc' | 'desc' = 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return (a: T, b: T) => sign * (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.uniqueId < b.uniqueId ? -1 : a.uniqueId > b.uniqueId ? 1 : 0);
}

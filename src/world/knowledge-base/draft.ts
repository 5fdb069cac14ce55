/** The shape of a knowledge-base document before it is filed in the store, and a helper its texts share. */
export interface KnowledgeDraft {
  readonly title: string;
  readonly content: string;
  /** Labels of the organization's tags the document is filed under. */
  readonly tagLabels: readonly string[];
  readonly status: 'Active' | 'Archived';
  /** Days before `now` the document was written. */
  readonly ageDays: number;
}

/** Rounds to a "price-like" number: 1, 2 or 5 times a power of ten. */
export function nice(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  const candidates = [1, 2, 5, 10].map((k) => k * power);
  return candidates.reduce((best, c) => (Math.abs(c - n) < Math.abs(best - n) ? c : best));
}

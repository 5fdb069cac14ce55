/**
 * Warnings of the lenient mode: a request that broke a rule only the spec states (src/spec/leniency.ts) was
 * answered as the server would answer it, and the developer is told. Each distinct warning is kept once per
 * operation with a first example and a count (`GET /__mock/warnings`, `mock.warnings()`); a reset clears them.
 */

/** The response header naming what the request broke. */
export const WARNING_HEADER = 'x-wapikit-mock-warning';

export interface MockWarning {
  operationId: string;
  /** What was broken, in the words the 400 of --strict would use. */
  message: string;
  /** The first request that broke it: method and path (query string included). */
  example: string;
  count: number;
}

/** Most distinct warnings kept; later new ones are only counted in `dropped`. */
export const MAX_DISTINCT_WARNINGS = 1000;

export class WarningRegistry {
  private readonly byKey = new Map<string, MockWarning>();
  dropped = 0;

  record(operationId: string, message: string, example: string): void {
    const key = `${operationId}\u0000${message}`;
    const known = this.byKey.get(key);
    if (known) known.count += 1;
    else if (this.byKey.size < MAX_DISTINCT_WARNINGS) this.byKey.set(key, { operationId, message, example, count: 1 });
    else this.dropped += 1;
  }

  list(): MockWarning[] {
    return [...this.byKey.values()].map((w) => ({ ...w }));
  }

  clear(): void {
    this.byKey.clear();
    this.dropped = 0;
  }
}

/** A header value of the messages: printable ASCII only (other characters as \uXXXX escapes). */
export function warningHeaderValue(messages: readonly string[]): string {
  return messages.join('; ').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

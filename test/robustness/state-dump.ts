/**
 * A canonical dump of a running mock's state: every Map, Set and index the store holds, in insertion order,
 * uploads' bytes included. Two dumps are equal exactly when nothing a request can observe has changed.
 * (`GET /__mock/state` may replace this once the mock has controls of its own.)
 */
import type { Store } from '../../src/store/store.js';

/** Parts of the store that are not state: the immutable world, the clock, the id stream, live listeners. */
const NOT_STATE = new Set(['world', 'clock', 'ids', 'events']);

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { '<Map>': [...value.entries()] };
  if (value instanceof Set) return { '<Set>': [...value.values()] };
  if (Buffer.isBuffer(value)) return { '<Buffer>': value.toString('base64') };
  if (value && typeof value === 'object' && 'type' in value && (value as { type: unknown }).type === 'Buffer' && 'data' in value) {
    return { '<Buffer>': Buffer.from((value as { data: number[] }).data).toString('base64') };
  }
  return value;
}

export function dumpState(store: Store): string {
  const parts = Object.entries(store)
    .filter(([k, v]) => !NOT_STATE.has(k) && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(Object.fromEntries(parts), replacer);
}

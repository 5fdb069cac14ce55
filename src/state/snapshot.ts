/**
 * Snapshots of a store: everything a running mock has, as one JSON document that can be saved, shared and
 * loaded into another server with the same world.
 *
 * The snapshot does not list the store's collections by hand: every Map-valued field of the store whose
 * values are plain records (objects, or arrays of objects, like `ownThreads`) is a collection and is saved
 * entry by entry, so a collection added to the Store later is saved and restored without touching this file.
 * Indexes (Maps of Sets, sorted id lists, id → id lookups) are not records; `Store.fromRecords` rebuilds them
 * from the restored records. Threads the store never wrote to are not in `ownThreads` and so are
 * not saved: the world regenerates them. Bytes (`uploads`) are stored as `{"$base64": "..."}`.
 */
import { isCollectionName, Store, type CollectionName, type RecordEntries, type StoreCollections, type StoreRecords } from '../store/store.js';
import { base64FromBytes, bytesFromBase64 } from '../util/bytes.js';
import type { WorldOptions } from '../world/model.js';
import { specEnumProblems } from './spec-enum-fields.js';

export const SNAPSHOT_FORMAT = 'wapikit-mock/state';
export const SNAPSHOT_VERSION = 1;

/** A JSON value as it appears in a snapshot. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** The world the store was built from; a server with another world refuses the snapshot. */
  world: WorldOptions;
  /**
   * How many imports this state has been through. Ids minted after an import come from a stream seeded with
   * the next epoch, so they never repeat ids minted before the export.
   */
  idEpoch: number;
  /** Every record collection of the store, as `[key, record]` entries in the store's order. */
  collections: Record<string, Array<[string, JsonValue]>>;
}

/** A snapshot that cannot be loaded; the message names what is wrong. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/** The import epoch of a store (0 for a store built from the seeded world). */
export function idEpochOf(store: Store): number {
  return store.idEpoch;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isRecordValue(v: unknown): boolean {
  return isPlainObject(v) || (Array.isArray(v) && v.every(isPlainObject));
}

/**
 * The store's record collections, by field name: the collections it declares, and any other Map with string
 * keys whose values are all plain records. (An empty Map the store does not declare is an index with nothing
 * in it, not a collection.)
 */
export function recordCollections(store: Store): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>();
  for (const [name, value] of Object.entries(store)) {
    if (!(value instanceof Map)) continue;
    if (value.size === 0 && !isCollectionName(name)) continue;
    let records = true;
    for (const [k, v] of value as Map<unknown, unknown>) {
      if (typeof k !== 'string' || !isRecordValue(v)) {
        records = false;
        break;
      }
    }
    if (records) out.set(name, value as Map<string, unknown>);
  }
  return out;
}

/**
 * Sets an own, enumerable property, as JSON.parse does. (`out[k] = v` would, for a key named `__proto__`
 * taken from a record or a snapshot, replace the object's prototype instead of keeping the key.)
 */
function setOwn<T>(out: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

function encode(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot save ${path}: ${value} is not a JSON number`);
    return value;
  }
  if (value instanceof Uint8Array) return { $base64: base64FromBytes(value) };
  if (Array.isArray(value)) return value.map((v, i) => encode(v, `${path}[${i}]`));
  if (isPlainObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) setOwn(out, k, encode(v, `${path}.${k}`));
    return out;
  }
  const kind = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
  throw new Error(`cannot save ${path}: a ${kind} is not plain data (records must hold JSON values and Buffers only)`);
}

function decode(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$base64' && typeof value.$base64 === 'string') return bytesFromBase64(value.$base64);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, decode(v));
    return out;
  }
  return value;
}

/** The store as a snapshot. The same state always gives the same snapshot (and the same JSON bytes). */
export function exportSnapshot(store: Store): Snapshot {
  const collections: Snapshot['collections'] = {};
  for (const [name, map] of recordCollections(store)) {
    collections[name] = [...map].map(([key, record]) => [key, encode(record, `${name}['${key}']`)]);
  }
  const { seed, now, size } = store.world.options;
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, world: { seed, now, size }, idEpoch: idEpochOf(store), collections };
}

export function sameWorld(a: WorldOptions, b: WorldOptions): boolean {
  return a.seed === b.seed && a.now === b.now && a.size === b.size;
}

export function describeWorld(w: WorldOptions): string {
  return `seed ${w.seed}, now ${w.now}, size ${w.size}`;
}

/**
 * What the restored store holds in one collection: the snapshot's entries, decoded, when it names the
 * collection, otherwise fresh's records. checkSnapshot has compared every saved record with the records the
 * fresh store holds in this collection (object or array, key field, each field's JSON type): that check is
 * what stands behind the record type here.
 */
function restoredEntries<K extends CollectionName>(fresh: StoreCollections, saved: Snapshot['collections'], name: K): RecordEntries<K> {
  const entries = Object.hasOwn(saved, name) ? saved[name] : undefined;
  if (!entries) return fresh[name];
  return entries.map(([key, value]): [string, StoreRecords[K]] => [key, decode(value) as StoreRecords[K]]);
}

/**
 * A new store holding the snapshot's state, over the same world and clock as `fresh` (a store just seeded
 * from the world): each collection the snapshot names holds exactly its entries, in its order; a collection
 * it leaves out keeps fresh's records (taken over, not copied: `fresh` is replaced by the result). Indexes are
 * rebuilt from the records. Throws a SnapshotError naming the first problems; `fresh` is not changed then.
 */
export function restoreSnapshot(fresh: Store, input: unknown): Store {
  const snapshot = checkSnapshot(fresh, input);
  for (const [name, entries] of Object.entries(snapshot.collections)) {
    if (!isCollectionName(name) && entries.length > 0) throw new SnapshotError(`the store has no collection '${name}'`);
  }
  try {
    return Store.fromRecords(fresh.world, fresh.clock, (name) => restoredEntries(fresh, snapshot.collections, name), snapshot.idEpoch + 1);
  } catch (err) {
    throw new SnapshotError(`the snapshot's records cannot be loaded: ${(err as Error).message}`);
  }
}

// ---- checking

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'bytes';

function jsonTypeOf(v: unknown): JsonType | undefined {
  if (v === undefined) return undefined;
  if (v === null) return 'null';
  if (v instanceof Uint8Array) return 'bytes';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$base64') return 'bytes';
    return 'object';
  }
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return undefined;
}

/** What the seeded records of one collection look like: whether values are arrays, the id field, each field's types. */
interface CollectionShape {
  arrays: boolean | undefined;
  /** A field every sample record has and that equals its key (`uniqueId`, `id`), if any. */
  keyField: string | undefined;
  fields: Map<string, Set<JsonType>>;
}

function shapeOf(map: Map<string, unknown>): CollectionShape {
  const fields = new Map<string, Set<JsonType>>();
  let arrays: boolean | undefined;
  const keyFieldCandidates = new Set(['uniqueId', 'id']);
  for (const [key, value] of map) {
    arrays = Array.isArray(value);
    const items = (Array.isArray(value) ? value : [value]) as Array<Record<string, unknown>>;
    for (const item of items) {
      for (const [field, v] of Object.entries(item)) {
        const t = jsonTypeOf(v);
        if (t) fields.set(field, (fields.get(field) ?? new Set()).add(t));
      }
    }
    if (!Array.isArray(value)) for (const f of keyFieldCandidates) if ((value as Record<string, unknown>)[f] !== key) keyFieldCandidates.delete(f);
  }
  const keyField = map.size > 0 && arrays === false ? [...keyFieldCandidates][0] : undefined;
  return { arrays, keyField, fields };
}

const MAX_PROBLEMS = 5;

/** Checks a parsed snapshot against the server it is loaded into, structurally and field by field. */
export function checkSnapshot(fresh: Store, input: unknown): Snapshot {
  assertSnapshot(fresh, input);
  return input;
}

function isWorldOptions(w: unknown): w is WorldOptions {
  return isPlainObject(w) && typeof w.seed === 'number' && typeof w.now === 'string' && typeof w.size === 'number';
}

/** Throws a SnapshotError naming the first problems unless `input` is a snapshot this server can load. */
function assertSnapshot(fresh: Store, input: unknown): asserts input is Snapshot {
  const fail = (message: string): never => {
    throw new SnapshotError(`invalid state snapshot: ${message}`);
  };
  if (!isPlainObject(input)) return fail(`expected a JSON object (got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input})`);
  if (input.format !== SNAPSHOT_FORMAT) fail(`'format' must be '${SNAPSHOT_FORMAT}' (got ${JSON.stringify(input.format) ?? 'nothing'})`);
  if (input.version !== SNAPSHOT_VERSION) fail(`'version' must be ${SNAPSHOT_VERSION} (got ${JSON.stringify(input.version) ?? 'nothing'})`);
  const world = input.world;
  if (!isWorldOptions(world)) return fail(`'world' must be {seed: number, now: string, size: number} (got ${JSON.stringify(world) ?? 'nothing'})`);
  if (!sameWorld(world, fresh.world.options)) {
    throw new SnapshotError(
      `this snapshot belongs to another world (${describeWorld(world)}); this server's world is ${describeWorld(fresh.world.options)}. ` +
        'Start the server with the same --seed, --now and --size to load it.',
    );
  }
  if (!Number.isSafeInteger(input.idEpoch) || (input.idEpoch as number) < 0) fail(`'idEpoch' must be a non-negative integer (got ${JSON.stringify(input.idEpoch) ?? 'nothing'})`);
  if (!isPlainObject(input.collections)) return fail(`'collections' must be an object of collections (got ${JSON.stringify(input.collections) ?? 'nothing'})`);

  const known = recordCollections(fresh);
  const problems: string[] = [];
  const note = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  for (const [name, entries] of Object.entries(input.collections)) {
    const map = known.get(name);
    if (!map) {
      note(`unknown collection '${name}' (this server's store has: ${[...known.keys()].join(', ')})`);
      continue;
    }
    if (!Array.isArray(entries)) {
      note(`collections.${name} must be an array of [key, record] entries (got ${typeof entries})`);
      continue;
    }
    const shape = shapeOf(map);
    const seen = new Set<string>();
    entries.forEach((entry: unknown, i: number) => {
      const at = `collections.${name}[${i}]`;
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
        note(`${at} must be a [key, record] pair with a string key`);
        return;
      }
      const [key, value] = entry as [string, unknown];
      if (seen.has(key)) note(`${at}: key '${key}' appears twice`);
      seen.add(key);
      const isArray = Array.isArray(value);
      if (shape.arrays !== undefined && isArray !== shape.arrays) {
        note(`${at} ('${key}') must be ${shape.arrays ? 'an array of records' : 'a record (an object)'} (got ${jsonTypeOf(value) ?? typeof value})`);
        return;
      }
      const items: unknown[] = isArray ? (value as unknown[]) : [value];
      items.forEach((item, j) => {
        const itemAt = isArray ? `${at} ('${key}')[${j}]` : `${at} ('${key}')`;
        if (!isPlainObject(item)) {
          note(`${itemAt} must be an object (got ${jsonTypeOf(item) ?? typeof item})`);
          return;
        }
        if (shape.keyField && item[shape.keyField] !== key) note(`${itemAt}.${shape.keyField} must equal its key '${key}' (got ${JSON.stringify(item[shape.keyField]) ?? 'nothing'})`);
        for (const [field, v] of Object.entries(item)) {
          const expected = shape.fields.get(field);
          const t = jsonTypeOf(v);
          if (t === 'bytes' && typeof (v as { $base64: unknown }).$base64 !== 'string') note(`${itemAt}.${field}.$base64 must be a base64 string`);
          if (expected && t && !expected.has(t)) note(`${itemAt}.${field} must be ${[...expected].map(article).join(' or ')} (got ${article(t)})`);
        }
        for (const problem of specEnumProblems(name, item)) note(`${itemAt}.${problem}`);
      });
    });
  }
  const conversations = input.collections.conversations;
  const threads = input.collections.ownThreads;
  if (Array.isArray(conversations) && Array.isArray(threads)) {
    const ids = new Set(conversations.map((e: unknown) => (Array.isArray(e) ? e[0] : undefined)));
    for (const e of threads as unknown[]) {
      if (Array.isArray(e) && typeof e[0] === 'string' && !ids.has(e[0])) note(`collections.ownThreads has a thread for '${e[0]}', which is not in collections.conversations`);
    }
  }
  if (problems.length) fail(problems.join('; '));
}

function article(t: JsonType): string {
  return { string: 'a string', number: 'a number', boolean: 'a boolean', null: 'null', array: 'an array', object: 'an object', bytes: 'bytes ({"$base64": ...})' }[t];
}

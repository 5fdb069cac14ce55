/**
 * API keys: one per organization member at most. A key is a JWT like a session token, with a two-year
 * lifetime; the handlers sign it. Seeded keys are stored unsigned (signing is asynchronous) and signed on every
 * read as of the world's `now`: the same key each time, and reading stores nothing.
 */
import type { ApiKeyRecord } from '../store/organization-records.js';
import type { Store } from '../store/store.js';
import type { Schemas } from './api-types.js';

/** What the real server answers for a member without a stored key. */
const NO_KEY: Schemas['ApiKeySchema'] = { uniqueId: '00000000-0000-0000-0000-000000000000', key: '', createdAt: '0001-01-01T00:00:00Z' };

/**
 * The member's key as `GET /auth/api-keys` shows it, changing nothing: the zero object for a member without a
 * key, a seeded key signed by `signSeeded` as of the world's `now` (deterministic, so every read agrees).
 */
export async function readApiKey(store: Store, memberId: string, signSeeded: (issuedAt: Date) => Promise<string>): Promise<Schemas['ApiKeySchema']> {
  const record = store.apiKeys.get(memberId);
  if (!record) return { ...NO_KEY };
  const key = record.key ?? (await signSeeded(new Date(store.world.options.now)));
  return serializeApiKey({ ...record, key });
}

export function serializeApiKey(record: ApiKeyRecord | undefined): Schemas['ApiKeySchema'] {
  return record?.key ? { uniqueId: record.uniqueId, key: record.key, createdAt: record.createdAt } : { ...NO_KEY };
}

/** Replaces the member's key with a freshly signed one. Earlier keys stay valid until they expire, as on the real server. */
export function replaceApiKey(store: Store, memberId: string, key: string): ApiKeyRecord {
  const record: ApiKeyRecord = { uniqueId: store.ids.uuid(), memberId, createdAt: store.now(), key };
  store.apiKeys.set(memberId, record);
  return record;
}

import { describe, expect, it } from 'vitest';
import { exportSnapshot, recordCollections, restoreSnapshot, SnapshotError } from '../../src/state/snapshot.js';
import { createSeededStore } from '../../src/seed/seed-store.js';
import { Store } from '../../src/store/store.js';
import { createWorld } from '../../src/world/index.js';

const world = createWorld({ seed: 3, now: '2026-11-24T12:00:00.000Z', size: 20 });
const fresh = () => createSeededStore(world, () => new Date('2026-11-24T12:00:00.000Z'));

describe('recordCollections', () => {
  it('finds the store\'s record Maps without a list written by hand, and skips its indexes', () => {
    const names = [...recordCollections(fresh()).keys()];
    for (const name of ['users', 'organizations', 'members', 'roles', 'tags', 'contacts', 'lists', 'phoneNumbers', 'templates', 'campaigns', 'conversations', 'ownThreads', 'uploads']) {
      expect(names).toContain(name);
    }
    const plain = (v: unknown) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
    const left = Object.entries(fresh()).filter(([name, value]) => value instanceof Map && !names.includes(name));
    expect(left.length).toBeGreaterThan(0);
    // Whatever is left out holds no records (Sets, sorted id lists, plain ids): indexes the constructor rebuilds.
    for (const [, map] of left) for (const v of (map as Map<string, unknown>).values()) expect(plain(v) || Array.isArray(v)).toBe(false);
  });

  it('names an empty store\'s collections, not its empty indexes', () => {
    const names = [...recordCollections(new Store(world, () => new Date('2026-11-24T12:00:00.000Z'))).keys()];
    expect(names.sort()).toEqual([...recordCollections(fresh()).keys()].sort());
  });

  it('picks up a collection added to the store later', () => {
    const store = fresh();
    Object.assign(store, { widgets: new Map([['w1', { uniqueId: 'w1', label: 'new' }]]) });
    expect(exportSnapshot(store).collections.widgets).toEqual([['w1', { uniqueId: 'w1', label: 'new' }]]);
  });
});

describe('exportSnapshot / restoreSnapshot', () => {
  it('stores bytes as base64 and gives byte arrays back', () => {
    const store = fresh();
    const conversationId = [...store.conversations.keys()][0]!;
    store.uploads.set('123456789012345', { mediaId: '123456789012345', conversationId, contentType: 'image/png', fileName: 'a.png', bytes: Buffer.from([0, 1, 2, 255]) });
    const snap = exportSnapshot(store);
    expect(snap.collections.uploads).toEqual([['123456789012345', { mediaId: '123456789012345', conversationId, contentType: 'image/png', fileName: 'a.png', bytes: { $base64: 'AAEC/w==' } }]]);
    const back = restoreSnapshot(fresh(), JSON.parse(JSON.stringify(snap)));
    expect(back.uploads.get('123456789012345')!.bytes).toEqual(Uint8Array.from([0, 1, 2, 255]));
  });

  it('refuses to save what JSON cannot hold, naming where it is', () => {
    const store = fresh();
    const id = [...store.tags.keys()][0]!;
    Object.assign(store.tags.get(id)!, { seenBy: new Set(['x']) });
    expect(() => exportSnapshot(store)).toThrow(`cannot save tags['${id}'].seenBy: a Set is not plain data (records must hold JSON values and Buffers only)`);
  });

  it('rebuilds the indexes from the restored records', () => {
    const store = fresh();
    const c = [...store.conversations.values()].find((x) => x.status === 'Active')!;
    store.setConversationStatus(c, 'Closed');
    const back = restoreSnapshot(fresh(), JSON.parse(JSON.stringify(exportSnapshot(store))));
    const closed = back.conversationIndex(c.organizationId, 'Closed');
    expect(closed.page(0, closed.length, 'asc')).toContain(c.uniqueId);
    const active = back.conversationIndex(c.organizationId, 'Active');
    expect(active.page(0, active.length, 'asc')).not.toContain(c.uniqueId);
    expect(back.conversationsOfContact(c.contactId)).toContain(c.uniqueId);
  });

  it('restores over the same world, with no stand-in world built from the records', () => {
    const store = fresh();
    const back = restoreSnapshot(store, JSON.parse(JSON.stringify(exportSnapshot(store))));
    expect(back.world).toBe(store.world);
    expect(back.idEpoch).toBe(1);
    expect(JSON.stringify(exportSnapshot(back).collections)).toBe(JSON.stringify(exportSnapshot(store).collections));
  });

  it('keeps the fresh store\'s records in a collection the snapshot leaves out, and only the snapshot\'s in those it names', () => {
    const store = fresh();
    const snap = JSON.parse(JSON.stringify(exportSnapshot(store))) as ReturnType<typeof exportSnapshot>;
    delete snap.collections.notifications;
    snap.collections.tags = snap.collections.tags!.slice(0, 1);
    const back = restoreSnapshot(fresh(), snap);
    expect([...back.notifications.keys()]).toEqual([...store.notifications.keys()]);
    expect([...back.tags.keys()]).toEqual([snap.collections.tags[0]![0]]);
  });

  it('throws SnapshotError, and leaves the fresh store alone, for a bad snapshot', () => {
    const store = fresh();
    const before = JSON.stringify(exportSnapshot(store));
    expect(() => restoreSnapshot(store, { format: 'wapikit-mock/state', version: 1, world: world.options, idEpoch: 0, collections: { tags: 'nope' } })).toThrow(SnapshotError);
    expect(JSON.stringify(exportSnapshot(store))).toBe(before);
  });
});

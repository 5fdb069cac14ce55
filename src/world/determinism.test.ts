import { describe, expect, it } from 'vitest';
import { createWorld, DEFAULT_WORLD_OPTIONS } from './create-world.js';
import { materializeWorld } from './materialize.js';

describe('createWorld determinism', () => {
  it('gives deep-equal and JSON-identical worlds for the same seed, now and size', () => {
    const a = materializeWorld(createWorld({ seed: 7, now: '2026-11-24T12:00:00.000Z', size: 120 }));
    const b = materializeWorld(createWorld({ seed: 7, now: '2026-11-24T12:00:00.000Z', size: 120 }));
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('renders the same thread whatever the order threads are asked for', () => {
    const options = { seed: 3, now: '2026-11-24T12:00:00.000Z', size: 80 };
    const forward = createWorld(options);
    const backward = createWorld(options);
    const ids = forward.conversations.map((c) => c.uniqueId);
    const first = ids.map((id) => forward.threadOf(id));
    const second = [...ids].reverse().map((id) => backward.threadOf(id)).reverse();
    expect(second).toEqual(first);
  });

  it('renders the same thread again after it left the thread cache', () => {
    const world = createWorld({ seed: 5, now: '2026-11-24T12:00:00.000Z', size: 1100 });
    const id = world.conversations[0]?.uniqueId ?? '';
    const before = JSON.stringify(world.threadOf(id));
    for (const c of world.conversations) world.threadOf(c.uniqueId); // evicts the first one
    expect(JSON.stringify(world.threadOf(id))).toBe(before);
  });

  it.each([
    ['seed', { ...DEFAULT_WORLD_OPTIONS, seed: 2 }],
    ['now', { ...DEFAULT_WORLD_OPTIONS, now: '2026-06-01T08:00:00.000Z' }],
  ])('gives different data for a different %s', (_name, other) => {
    const a = createWorld({ ...DEFAULT_WORLD_OPTIONS, size: 50 });
    const b = createWorld({ ...other, size: 50 });
    if (other.seed !== DEFAULT_WORLD_OPTIONS.seed) {
      expect(b.contacts.map((c) => c.phone)).not.toEqual(a.contacts.map((c) => c.phone));
      expect(b.mainOrganizationId).not.toBe(a.mainOrganizationId);
    }
    expect(b.conversations.map((c) => c.createdAt)).not.toEqual(a.conversations.map((c) => c.createdAt));
  });

  it('reports the options it was built with', () => {
    const world = createWorld({ seed: 11, now: '2026-01-02T03:04:05.678Z', size: 10 });
    expect(world.options).toEqual({ seed: 11, now: '2026-01-02T03:04:05.678Z', size: 10 });
  });

  it.each([
    ['a non-integer size', { size: 1.5 }],
    ['a negative size', { size: -1 }],
    ['size 0 (an empty main organisation: the mock and the CLI refuse it too)', { size: 0 }],
    ['a size over the limit', { size: 1_000_001 }],
    ['an unparsable now', { now: 'yesterday' }],
    ['a non-integer seed', { seed: 0.25 }],
  ])('rejects %s', (_name, bad) => {
    expect(() => createWorld({ ...DEFAULT_WORLD_OPTIONS, ...bad })).toThrow();
  });

  it('uses DEFAULT_WORLD_OPTIONS when called without options', () => {
    expect(DEFAULT_WORLD_OPTIONS).toEqual({ seed: 1, now: '2026-11-24T12:00:00.000Z', size: 300 });
    expect(createWorld().options).toEqual(DEFAULT_WORLD_OPTIONS);
  });
});

/**
 * Shared worlds for the world generator's tests (built once per test file).
 */
import { createWorld, DEFAULT_WORLD_OPTIONS } from './create-world.js';
import { materializeWorld, type WorldSnapshot } from './materialize.js';
import type { ConversationRecord, MessageRecord, World, WorldOptions } from './model.js';

const worlds = new Map<string, { world: World; snapshot: WorldSnapshot }>();

/**
 * Options of the world the invariant tests run on. Defaults to DEFAULT_WORLD_OPTIONS;
 * `WORLD_TEST_SEED` / `WORLD_TEST_SIZE` / `WORLD_TEST_NOW` try the same invariants on
 * other worlds (e.g. `WORLD_TEST_SEED=42 npx vitest run src/world`).
 */
function baseOptions(): WorldOptions {
  const env = process.env;
  return {
    seed: env.WORLD_TEST_SEED !== undefined ? Number(env.WORLD_TEST_SEED) : DEFAULT_WORLD_OPTIONS.seed,
    size: env.WORLD_TEST_SIZE !== undefined ? Number(env.WORLD_TEST_SIZE) : DEFAULT_WORLD_OPTIONS.size,
    now: env.WORLD_TEST_NOW ?? DEFAULT_WORLD_OPTIONS.now,
  };
}

/** A world and its fully rendered snapshot (memoized per options). */
export function testWorld(options: Partial<WorldOptions> = {}): { world: World; snapshot: WorldSnapshot } {
  const full: WorldOptions = { ...baseOptions(), ...options };
  const key = JSON.stringify(full);
  let entry = worlds.get(key);
  if (entry === undefined) {
    const world = createWorld(full);
    entry = { world, snapshot: materializeWorld(world) };
    worlds.set(key, entry);
  }
  return entry;
}

/** Every conversation with its messages. */
export function threads(snapshot: WorldSnapshot): { conversation: ConversationRecord; messages: readonly MessageRecord[] }[] {
  return snapshot.conversations.map((conversation) => ({ conversation, messages: snapshot.messages[conversation.uniqueId] ?? [] }));
}

export const ms = (iso: string): number => Date.parse(iso);

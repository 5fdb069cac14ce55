/**
 * The world generator: deterministic data of a Wapikit deployment.
 *
 *   const world = createWorld({ seed: 1, now: '2026-11-24T12:00:00.000Z', size: 300 });
 *   world.conversations[0].messageCount;          // exact, without rendering
 *   world.threadOf(world.conversations[0].uniqueId); // messages, oldest first
 *   mediaBytes('image');                           // { contentType: 'image/png', body }
 *   const ids = createIdSource(world.runtimeIdSeed); // more ids after start
 */
export { createWorld } from './create-world.js';
export { DEFAULT_WORLD_OPTIONS, MAX_WORLD_SIZE, WORLD_SIZE_RANGE } from './world-options.js';
export { materializeWorld, type WorldSnapshot } from './materialize.js';
export { createIdSource, UUID_V4, WAMID, WHATSAPP_NUMERIC_ID, type IdSource } from './ids.js';
export { mediaBytes, MEDIA_CONTENT_TYPES, MEDIA_EXTENSIONS, type MediaAsset } from './media-assets.js';
export { E164_DIGITS } from './phone-numbers.js';
export { createSeededFaker, type Seed } from './random.js';
export { AGENT_ACCOUNT, DEMO_ACCOUNT, type FixedAccount } from './demo-accounts.js';
export * from './model.js';

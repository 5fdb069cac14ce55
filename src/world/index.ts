/**
 * The world generator: deterministic data of a Wapikit deployment.
 *
 *   const world = createWorld({ seed: 1, now: '2026-11-24T12:00:00.000Z', size: 300 });
 *   world.conversations[0].messageCount;          // exact, without rendering
 *   world.threadOf(world.conversations[0].uniqueId); // messages, oldest first
 *   mediaBytes('image');                           // { contentType: 'image/png', body }
 *   const ids = createIdSource(world.runtimeIdSeed); // more ids after start
 */
export { createWorld, DEFAULT_WORLD_OPTIONS, MAX_WORLD_SIZE } from './create-world.js';
export { materializeWorld, type WorldSnapshot } from './materialize.js';
export { createIdSource, UUID_V4, WAMID, WHATSAPP_NUMERIC_ID, type IdSource } from './ids.js';
export { mediaBytes, MEDIA_CONTENT_TYPES, MEDIA_EXTENSIONS, type MediaAsset } from './media-assets.js';
export { E164_DIGITS } from './phone-numbers.js';
export { createSeededFaker, type Seed } from './random.js';
export { AGENT_ACCOUNT, DEMO_ACCOUNT, type FixedAccount } from './organizations.js';
export * from './model.js';

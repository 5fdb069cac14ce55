/**
 * wapikit-mock's public API. Everything here is derived from openapi/wapikit.yaml.
 */
export * from './spec/index.js';
export type { paths, components, operations } from './generated/wapikit.js';

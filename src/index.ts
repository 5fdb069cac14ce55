/**
 * wapikit-mock's public API. Everything here is derived from openapi/wapikit.yaml.
 *
 *   import { createMockServer } from 'wapikit-mock';
 *   const app = createMockServer({ seed: 1, size: 100 });   // an Express app, not listening
 *   const server = app.listen(0, '127.0.0.1');
 *   const token = await app.mock.demoToken();
 */
export { createMockServer, type MockServer, type MockRuntime } from './http/create-server.js';
export { DEFAULT_MOCK_OPTIONS, resolveOptions, steppingClock, type MockOptions, type LatencyRange } from './options.js';
export { createWorld, DEFAULT_WORLD_OPTIONS, createIdSource, mediaBytes, DEMO_ACCOUNT, AGENT_ACCOUNT, type World, type WorldOptions } from './world/index.js';
export { runContract, runContractCli, formatReport, type ContractOptions, type ContractReport } from './contract/index.js';
export * from './spec/index.js';
export type { paths, components, operations } from './generated/wapikit.js';

/**
 * wapikit-mock's public API. Everything here is derived from openapi/wapikit.yaml.
 *
 *   import { createMockServer } from 'wapikit-mock';
 *   const app = createMockServer({ seed: 1, size: 100 });   // an Express app, not listening
 *   const server = app.listen(0, '127.0.0.1');
 *   const token = await app.mock.demoToken();
 *
 *   import { createMockFetch } from 'wapikit-mock';
 *   const mockFetch = createMockFetch({ seed: 1 });         // (request: Request) => Promise<Response>, no server
 *   const res = await mockFetch(new Request('http://mock.test/api/conversations', { headers: { 'x-access-token': await mockFetch.mock.demoToken() } }));
 */
export { createMockServer, type MockServer } from './http/express-adapter.js';
export { createMockFetch, type MockFetch } from './fetch.js';
export type { MockRuntime, MockControls } from './mock-runtime.js';
export { DEFAULT_MOCK_OPTIONS, resolveOptions, steppingClock, type MockOptions, type LatencyRange } from './options.js';
export { createWorld, DEFAULT_WORLD_OPTIONS, createIdSource, mediaBytes, DEMO_ACCOUNT, AGENT_ACCOUNT, type World, type WorldOptions } from './world/index.js';
export { runContract, runContractCli, formatReport, type ContractOptions, type ContractReport } from './contract/index.js';
export * from './spec/index.js';
export type { paths, components, operations } from './generated/wapikit.js';

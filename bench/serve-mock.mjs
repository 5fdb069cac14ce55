// The mock under benchmark: the built package (dist/) in a plain Node process, no loader in between.
// Usage: node bench/serve-mock.mjs --port 4010 [--size 300]
// Prints one JSON line once listening: {"port", "createMs", "token"}.
import { parseArgs } from 'node:util';
import process from 'node:process';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, size: { type: 'string' } } });
const t0 = performance.now();
const { createMockServer } = await import('../dist/src/http/express-adapter.js');
const app = createMockServer(values.size ? { size: Number(values.size) } : {});
const createMs = performance.now() - t0;
const token = await app.mock.demoToken();
const server = app.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ port, createMs: Math.round(createMs), token })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

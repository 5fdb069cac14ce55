// The mock under benchmark: the built package (dist/) in a plain Node process, no loader in between.
// Usage: node bench/serve-mock.mjs --port 4010 [--size 300]
// Prints one JSON line once listening: {"port", "createMs", "token"}. Then, on each SIGUSR2, one JSON line of
// its own memory, in MB: {"rssMb", "heapUsedMb", "heapTotalMb", "externalMb", "arrayBuffersMb"} (the bench's
// soak reads it between rounds; only the process itself can see its heap). Started with `node --expose-gc`,
// it then also collects garbage and adds "liveHeapMb" (heapUsed after a full GC: what is really retained).
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
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
process.on('SIGUSR2', () => {
  const m = process.memoryUsage();
  const sample = { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    sample.liveHeapMb = mb(process.memoryUsage().heapUsed);
  }
  process.stdout.write(`${JSON.stringify(sample)}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

/**
 * Measures createWorld time and heap. Run with:
 *   node --expose-gc --import tsx src/world/measure-world.ts [size...]
 * (defaults to 1000 and 100000). Prints one line per size.
 */
import { createWorld } from './create-world.js';

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const sizes = process.argv.slice(2).map(Number);
for (const size of sizes.length > 0 ? sizes : [1000, 100_000]) {
  const before = heapMb();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const world = createWorld({ seed: 1, now: '2026-11-24T12:00:00.000Z', size });
  const cpu = process.cpuUsage(cpuBefore);
  const ms = performance.now() - started;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const retained = heapMb() - before;
  const first = world.conversations[0];
  const threadStarted = performance.now();
  let messages = 0;
  const sample = world.conversations.slice(0, 1000);
  for (const c of sample) messages += world.threadOf(c.uniqueId)?.length ?? 0;
  const threadMs = (performance.now() - threadStarted) / sample.length;
  const totalMessages = world.conversations.reduce((n, c) => n + c.messageCount, 0);
  console.log(
    `size ${size}: createWorld ${ms.toFixed(0)} ms wall (${cpuMs.toFixed(0)} ms CPU), retained heap ${retained.toFixed(1)} MB, ` +
      `${world.contacts.length} contacts, ${world.conversations.length} conversations, ${totalMessages} messages (counted, not rendered), ` +
      `threadOf ≈ ${(threadMs * 1000).toFixed(0)} µs per thread (${messages} messages rendered), ` +
      `peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, first=${first?.uniqueId ?? '-'}`,
  );
}

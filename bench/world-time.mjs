// World generation alone, in a fresh process: node bench/world-time.mjs --size 100000
// Prints {"size", "conversations", "ms", "rssMb"}.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import process from 'node:process';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({ options: { size: { type: 'string', default: '300' } } });
const { DEFAULT_MOCK_OPTIONS } = await import('../dist/src/options.js');
const { createWorld } = await import('../dist/src/world/index.js');
const t0 = performance.now();
const world = createWorld({ seed: DEFAULT_MOCK_OPTIONS.seed, now: DEFAULT_MOCK_OPTIONS.now, size: Number(values.size) });
const ms = performance.now() - t0;
const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(`${JSON.stringify({ size: Number(values.size), conversations: world.conversations.length, ms: Math.round(ms), rssMb: Math.round(rssKb / 102.4) / 10 })}\n`);

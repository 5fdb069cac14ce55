/**
 * The load generator, run in its own process by bench/run.ts: `node --import tsx bench/load.ts '<job JSON>'`.
 * It drives autocannon's API (so that it can keep every response time at full hrtime resolution, where the
 * CLI rounds to whole milliseconds) and prints one JSON line: a `LoadResult`, or for a job with `chunks`,
 * one per chunk followed by nothing else.
 */
import { createRequire } from 'node:module';
import { cpuTimeUs, treeRssMb } from './proc.js';

export interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  /** Origin of the server, e.g. `http://127.0.0.1:4010`. */
  origin: string;
  connections: number;
  /** Seconds to run, unless `amount` is given. */
  duration?: number;
  /** Number of requests to send (per chunk, when `chunks` is set). */
  amount?: number;
  /** Run this many back-to-back rounds of `amount` requests, reporting each (the soak). */
  chunks?: number;
  /** Cycled through by every connection. */
  requests: LoadRequest[];
  /** Server process whose resident memory is read after each chunk. */
  serverPid?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** 2xx responses per second. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Server RSS in MB after this run (when `serverPid` was given). */
  rssMb?: number;
  /** CPU time the server process spent per response, in µs (user, system): robust to a busy machine. */
  cpuUs?: { user: number; system: number };
}

interface AutocannonClient {
  on(event: string, listener: (...args: unknown[]) => void): void;
}
interface AutocannonInstance extends PromiseLike<AutocannonSummary> {
  on(event: 'response', listener: (client: AutocannonClient, status: number, bytes: number, ms: number) => void): void;
}
interface AutocannonSummary {
  duration: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;

// autocannon ships no type declarations: load it through require and give it the shape used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function runLoad(job: LoadJob, amount = job.amount): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const cpuBefore = job.serverPid ? cpuTimeUs(job.serverPid) : undefined;
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: job.origin,
    connections: job.connections,
    ...(amount !== undefined ? { amount } : { duration: job.duration ?? 10 }),
    requests: job.requests,
    timeout: 10,
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    times.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const summary = await instance;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = job.serverPid ? cpuTimeUs(job.serverPid) : undefined;
  const sorted = Float64Array.from(times).sort();
  const ok = Object.entries(statuses).reduce((n, [s, c]) => (s.startsWith('2') ? n + c : n), 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: times.length,
    seconds: round(seconds),
    rps: Math.round(ok / seconds),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    statuses,
    errors: summary.errors,
    timeouts: summary.timeouts,
    ...(job.serverPid ? { rssMb: treeRssMb(job.serverPid) } : {}),
    ...(cpuBefore && cpuAfter && times.length
      ? { cpuUs: { user: Math.round((cpuAfter.user - cpuBefore.user) / times.length), system: Math.round((cpuAfter.system - cpuBefore.system) / times.length) } }
      : {}),
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as LoadJob;
  for (let i = 0; i < (job.chunks ?? 1); i++) {
    const result = await runLoad(job);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

await main();

/** Turns the bench's measurements into the Markdown of bench/RESULTS.md. */
import type { ImportRun } from './import.js';
import type { LoadResult } from './load.js';
import type { StartResult } from './start.js';
import { median } from './stats.js';

export type ServerKey = 'mock' | 'cli' | 'bare' | 'express' | 'prismStatic' | 'prismDynamic';
export type EndpointKey = 'list' | 'detail' | 'send';

export interface Environment {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  loadAverage: string;
  seconds: number;
  connections: number;
}

export interface ServerRun {
  name: string;
  coldStartMs: number;
  rssAfterLoadMb: number;
  /** After the list and detail loads, before the send load (which stores every message it sends). */
  rssAfterReadsMb?: number;
  loads: Partial<Record<EndpointKey, LoadResult>>;
}

export interface ScaleRow {
  size: number;
  conversations: number;
  worldMs: number;
  worldRssMb: number;
  coldStartMs: number;
  list: LoadResult;
  /** `GET /api/messages?page=1&per_page=20` under load. */
  messages?: LoadResult;
  /** The first `GET /api/analytics/aggregate-counts` after start, then the next ones (ms each, fresh connections). */
  analyticsMs?: number[];
  rssAfterLoadMb: number;
}

/** process.memoryUsage() of the mock, read inside it (serve-mock.mjs on SIGUSR2), in MB. */
export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** heapUsed right after a full GC (only when the mock runs with --expose-gc: the soak). */
  liveHeapMb?: number;
}

export interface SoakResult {
  total: number;
  mix: string;
  rssStartMb: number;
  memoryStart?: MemorySample;
  chunks: LoadResult[];
  /** Memory after each round, same order as `chunks`. */
  memory?: MemorySample[];
  /** Messages in the written conversations before and after the soak (their paginationMeta.total). */
  messagesBefore?: number;
  messagesAfter?: number;
  /** Mean size of one stored message as JSON, from a page of a written conversation. */
  messageJsonBytes?: number;
}

export interface Results {
  env: Environment;
  endpoints: Record<EndpointKey, string>;
  servers: Partial<Record<ServerKey, ServerRun>>;
  /** The mock's own memory right after the throughput loads. */
  mockMemoryAfterLoad?: MemorySample;
  start?: StartResult;
  scale: ScaleRow[];
  soak?: SoakResult;
  imports?: ImportRun[];
  /** Where the chart was written, relative to the Markdown file (for the image link). */
  chart?: string;
}

export interface Target {
  name: string;
  measured: string;
  met: boolean | undefined;
}

const SERVER_ORDER: ServerKey[] = ['mock', 'cli', 'express', 'bare', 'prismStatic', 'prismDynamic'];
const ENDPOINT_ORDER: EndpointKey[] = ['list', 'detail', 'send'];

const n = (x: number) => x.toLocaleString('en-US');
const cpu = (r: LoadResult) => (r.cpuUs ? `${r.cpuUs.user + r.cpuUs.system} (${r.cpuUs.user} + ${r.cpuUs.system})` : '–');
const non2xx = (r: LoadResult) => Object.entries(r.statuses).filter(([s]) => !s.startsWith('2')).map(([s, c]) => `${n(c)}× ${s}`).join(', ') || '0';
const mark = (met: boolean | undefined) => (met === undefined ? '–' : met ? 'met' : '**missed**');

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Issue #13's throughput targets: the mock's req/s over another server's, per endpoint (absent: no target). */
export const RATIO_TARGETS: Partial<Record<EndpointKey, Partial<Record<ServerKey, number>>>> = {
  list: { express: 0.6, prismStatic: 6 },
  detail: { express: 0.6 },
  send: { express: 0.4 },
};

/** The servers the mock is compared with, in the order of the ratio table's columns. */
export const COMPARED: ServerKey[] = ['express', 'bare', 'prismStatic', 'prismDynamic'];

export interface RatioCell {
  /** mock req/s ÷ other req/s, undefined when either is missing. */
  value: number | undefined;
  target: number | undefined;
  met: boolean | undefined;
}

/** The mock's throughput ratio against `other` on `endpoint`, with its target if it has one. */
export function ratioCell(r: Results, endpoint: EndpointKey, other: ServerKey): RatioCell {
  const mock = r.servers.mock?.loads[endpoint]?.rps;
  const them = r.servers[other]?.loads[endpoint]?.rps;
  const value = mock && them ? mock / them : undefined;
  const target = RATIO_TARGETS[endpoint]?.[other];
  return { value, target, met: value === undefined || target === undefined ? undefined : value >= target };
}

/** One cell of the ratio table: `0.45× (≥ 0.6×, **missed**)`, or the bare ratio where there is no target. */
export function formatRatioCell(c: RatioCell): string {
  // Rounded down, so that a ratio shown as 0.60× really is at least 0.6.
  const shown = c.value === undefined ? '–' : `${(Math.floor(c.value * 100) / 100).toFixed(2)}×`;
  return c.target === undefined ? shown : `${shown} (≥ ${c.target}×, ${mark(c.met)})`;
}

/** The ratio table, Markdown: one row per endpoint, one column per compared server. */
export function ratioTable(r: Results): string {
  return table(
    ['endpoint', 'wapikit-mock req/s', ...COMPARED.map((s) => `vs ${r.servers[s]?.name ?? SERVER_NAMES[s]}`)],
    ENDPOINT_ORDER.map((e) => [e, n(r.servers.mock?.loads[e]?.rps ?? 0), ...COMPARED.map((s) => formatRatioCell(ratioCell(r, e, s)))]),
  );
}

export const SERVER_NAMES: Record<ServerKey, string> = {
  mock: 'wapikit-mock',
  cli: 'wapikit-mock CLI',
  bare: 'bare node:http',
  express: 'Express 5 replay',
  prismStatic: 'Prism static',
  prismDynamic: 'Prism dynamic',
};

const smallestAndLargest = (rows: readonly ScaleRow[]) => {
  const sorted = [...rows].sort((a, b) => a.size - b.size);
  return sorted.length >= 2 ? { small: sorted[0]!, large: sorted[sorted.length - 1]! } : undefined;
};

/** A p99 ratio target from the smallest to the largest world (issue #13: ≤ 1.2×, "flat"). */
function flatTarget(rows: readonly ScaleRow[], what: string, pick: (s: ScaleRow) => LoadResult | undefined): Target {
  const ends = smallestAndLargest(rows);
  const a = ends && pick(ends.small)?.p99;
  const b = ends && pick(ends.large)?.p99;
  const full = ends?.small.size === 1000 && ends.large.size === 100_000;
  return {
    name: `${what} p99 ratio ${ends ? `${n(ends.small.size)} → ${n(ends.large.size)}` : '1,000 → 100,000'} ≤ 1.2×`,
    measured: a && b ? `${a} → ${b} ms (${(b / a).toFixed(2)}×)` : '–',
    // Only the sizes the target names count; a shorter run still shows the figure.
    met: a && b && full ? b / a <= 1.2 : undefined,
  };
}

export function targets(r: Results): Target[] {
  const out: Target[] = [];
  for (const e of ENDPOINT_ORDER) {
    for (const s of COMPARED) {
      const c = ratioCell(r, e, s);
      if (c.target !== undefined) out.push({ name: `${e} throughput vs ${SERVER_NAMES[s]} ≥ ${c.target}×`, measured: formatRatioCell({ ...c, target: undefined }), met: c.met });
    }
  }
  const bare = ratioCell(r, 'list', 'bare');
  out.push({ name: 'list throughput vs bare node:http (the physical limit; no target)', measured: formatRatioCell(bare), met: undefined });
  const cli = r.start ? median(r.start.cliMs) : undefined;
  out.push({ name: 'CLI from the packed tarball: spawn → first 200 ≤ 400 ms (median)', measured: cli === undefined ? '–' : `${n(cli)} ms`, met: cli === undefined ? undefined : cli <= 400 });
  const inProc = r.start ? median(r.start.inProcess.map((x) => x.createToFirst200Ms)) : undefined;
  out.push({ name: 'in-process `createMockServer()` → first 200 ≤ 250 ms (median)', measured: inProc === undefined ? '–' : `${inProc} ms`, met: inProc === undefined ? undefined : inProc <= 250 });
  const rss = r.servers.mock?.rssAfterLoadMb;
  const reads = r.servers.mock?.rssAfterReadsMb;
  const sent = r.servers.mock?.loads.send?.statuses['200'];
  const rssText = rss === undefined ? '–' : `${rss} MB${reads === undefined ? '' : ` (${reads} MB after the two read loads, before the send load stored ${sent === undefined ? 'its' : n(sent)} messages)`}`;
  out.push({ name: 'RSS after the throughput load ≤ 150 MB (default world)', measured: rssText, met: rss === undefined ? undefined : rss <= 150 });
  const soak = r.soak;
  if (soak) {
    const last = soak.memory?.[soak.memory.length - 1];
    const written = soak.messagesAfter !== undefined && soak.messagesBefore !== undefined ? soak.messagesAfter - soak.messagesBefore : undefined;
    out.push({
      name: 'soak: RSS growth explained by the data written (judged in the note)',
      measured: `RSS ${soak.rssStartMb} → ${last?.rssMb ?? soak.chunks[soak.chunks.length - 1]?.rssMb ?? '–'} MB; live heap ${soak.memoryStart?.liveHeapMb ?? soak.memoryStart?.heapUsedMb ?? '–'} → ${last?.liveHeapMb ?? last?.heapUsedMb ?? '–'} MB; ${written === undefined ? '–' : n(written)} messages stored${written !== undefined && soak.messageJsonBytes ? ` (≈ ${mbOf(written * soak.messageJsonBytes)} MB as JSON)` : ''}`,
      met: undefined,
    });
  }
  const at100k = r.scale.find((s) => s.size === 100_000);
  const largest = smallestAndLargest(r.scale)?.large ?? r.scale[0];
  const firstAnalytics = (at100k ?? largest)?.analyticsMs?.[0];
  out.push({
    name: `first \`GET /analytics/aggregate-counts\` at ${n(at100k?.size ?? largest?.size ?? 100_000)} conversations ≤ 300 ms (target at 100,000)`,
    measured: firstAnalytics === undefined ? '–' : `${n(firstAnalytics)} ms`,
    met: at100k && firstAnalytics !== undefined ? firstAnalytics <= 300 : undefined,
  });
  const messagesP99 = (at100k ?? largest)?.messages?.p99;
  out.push({
    name: `\`GET /messages\` page p99 at ${n(at100k?.size ?? largest?.size ?? 100_000)} conversations ≤ 20 ms (target at 100,000)`,
    measured: messagesP99 === undefined ? '–' : `${messagesP99} ms`,
    met: at100k && messagesP99 !== undefined ? messagesP99 <= 20 : undefined,
  });
  out.push(flatTarget(r.scale, '`GET /messages`', (s) => s.messages));
  out.push(flatTarget(r.scale, 'list', (s) => s.list));
  const world = at100k?.worldMs;
  out.push({ name: 'world of 100,000 conversations generated in ≤ 2 s', measured: world === undefined ? '–' : `${n(world)} ms`, met: world === undefined ? undefined : world <= 2000 });
  const big = r.imports?.find((i) => i.rows === 50_000);
  out.push({
    name: 'worst health-check latency during a 50,000-row CSV import < 100 ms',
    measured: big ? `${big.worstHealthMs} ms` : '–',
    met: big ? big.status === 200 && big.worstHealthMs < 100 : undefined,
  });
  return out;
}

const mbOf = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export function renderResults(r: Results): string {
  const { env } = r;
  const parts: string[] = [];
  parts.push(`# Benchmark results

Measured by \`npm run bench\` (bench/run.ts) on ${env.date}: Node ${env.node}, ${env.cpu}, ${env.cores} cores
(load average when the bench started: ${env.loadAverage}; the machine is shared, so expect some noise).
Every server and the load generator (autocannon's API, every response time kept at full resolution) run in
separate processes on the loopback interface; each measurement is ${env.seconds} s with ${env.connections}
connections after a warm-up. Prism 5.14 mocks \`openapi/wapikit.yaml\` with \`--verboseLevel error\` (its
fastest setting); the bare server is \`node:http\` replaying the mock's own response bytes and headers, and
the Express replay is Express 5 (with \`express.json()\`) replaying the same bytes: the framework's own cost.`);

  if (r.chart) parts.push(`![Throughput per endpoint against Express, bare node:http and Prism; p99 against world size](${r.chart})`);

  const measured = Object.keys(r.servers).length > 0;
  if (measured) {
    parts.push('## Throughput and latency\n');
    parts.push(Object.entries(r.endpoints).map(([k, v]) => `- **${k}**: \`${v}\``).join('\n'));
    const rows: string[][] = [];
    for (const e of ENDPOINT_ORDER) {
      for (const s of SERVER_ORDER) {
        const run = r.servers[s];
        const l = run?.loads[e];
        if (!run || !l) continue;
        rows.push([e, run.name, n(l.rps), String(l.p50), String(l.p99), cpu(l), non2xx(l), l.errors ? n(l.errors) : '0']);
      }
    }
    parts.push(table(['endpoint', 'server', 'req/s (2xx)', 'p50 ms', 'p99 ms', 'server CPU µs/req (user + sys)', 'non-2xx', 'errors'], rows));

    parts.push('\nwapikit-mock compared with the others (req/s ratio, rounded down; higher is better for the mock), with the targets of issue #13:\n');
    parts.push(ratioTable(r));

  }

  if (r.start) {
    const st = r.start;
    const ip = (k: keyof StartResult['inProcess'][number]) => median(st.inProcess.map((x) => x[k]));
    parts.push('\n## Start\n');
    parts.push(`${st.runs} runs each, median (min). **CLI**: \`npm pack\` (${n(st.tarballKb)} kB), installed offline into a fresh project, then \`node node_modules/wapikit-mock/dist/src/cli/main.js serve --quiet --token bench\` from spawn to the first 200 of the list. **In-process**: \`bench/start-in-process.mjs\` in a fresh Node process: \`import()\` of the installed package's entry (\`dist/src/index.js\`), \`createMockServer({ token })\`, \`listen\`, the first 200 of the list (whole body read).\n`);
    const mm = (xs: number[]) => `${n(median(xs))} (${n(Math.min(...xs))})`;
    parts.push(table(['measure', 'ms, median (min)'], [
      ['CLI from the packed tarball: spawn → first 200', mm(st.cliMs)],
      ['in-process: `import()` of the entry', mm(st.inProcess.map((x) => x.importMs))],
      ['in-process: `createMockServer()`', mm(st.inProcess.map((x) => x.createMs))],
      ['in-process: `listen()`', mm(st.inProcess.map((x) => x.listenMs))],
      ['in-process: first request (to the end of the 200)', mm(st.inProcess.map((x) => x.firstRequestMs))],
      ['in-process: `createMockServer()` → first 200', mm(st.inProcess.map((x) => x.createToFirst200Ms))],
      ['in-process: `import()` → first 200', mm(st.inProcess.map((x) => x.totalMs))],
    ]));
    parts.push(`\nEvery run: CLI ${st.cliMs.join(', ')} ms; in-process create → first 200 ${st.inProcess.map((x) => x.createToFirst200Ms).join(', ')} ms (median import ${ip('importMs')} ms).`);
  }

  if (measured) {
    parts.push('\n## Cold start and memory (throughput section)\n');
    parts.push('Cold start: from spawning the process to the first 200 of the list request. RSS: the process (and any children) after all three loads, from /proc/<pid>/status VmRSS (the CLI, if asked for with `--servers cli`, takes no load: its RSS is right after the first 200).\n');
    parts.push(table(['server', 'cold start ms', 'RSS after the list and detail loads MB', 'RSS after all three loads MB'], SERVER_ORDER.flatMap((s) => {
      const run = r.servers[s];
      return run ? [[run.name, n(run.coldStartMs), run.rssAfterReadsMb === undefined ? '–' : String(run.rssAfterReadsMb), String(run.rssAfterLoadMb)]] : [];
    })));
    const m = r.mockMemoryAfterLoad;
    if (m) parts.push(`\nThe mock's own \`process.memoryUsage()\` after the loads: RSS ${m.rssMb} MB, heapUsed ${m.heapUsedMb} MB, heapTotal ${m.heapTotalMb} MB, external ${m.externalMb} MB, arrayBuffers ${m.arrayBuffersMb} MB.`);

  }

  if (r.scale.length) {
    parts.push('\n## Scale\n');
    parts.push(`World generation alone (\`createWorld\`, a fresh process, RSS of that process), then the mock started with \`size\` conversations: cold start; the first \`GET /api/analytics/aggregate-counts?from=…&to=…\` (the 30 days up to the world's \`now\`) after start and the two after it (one request each, fresh connections); then the list endpoint and \`GET /api/messages?page=1&per_page=20\` each under load.\n`);
    parts.push(table(
      ['size', 'conversations', 'world generation ms', 'world RSS MB', 'mock cold start ms', 'aggregate-counts ms (1st, 2nd, 3rd)', 'list req/s', 'list p99 ms', '/messages req/s', '/messages p99 ms', 'mock RSS after load MB'],
      r.scale.map((s) => [n(s.size), n(s.conversations), n(s.worldMs), String(s.worldRssMb), n(s.coldStartMs), s.analyticsMs?.map(n).join(', ') ?? '–', n(s.list.rps), String(s.list.p99), s.messages ? n(s.messages.rps) : '–', s.messages ? String(s.messages.p99) : '–', String(s.rssAfterLoadMb)]),
    ));
  }

  if (r.soak) {
    const { chunks } = r.soak;
    const mem = r.soak.memory ?? [];
    const first = chunks[0];
    const last = chunks[chunks.length - 1];
    parts.push('\n## Soak\n');
    parts.push(`${n(r.soak.total)} requests against one mock (default world), ${r.soak.mix}; run as ${chunks.length} back-to-back rounds of ${n(first?.requests ?? 0)}, memory read after each: RSS from /proc at the end of the round, the rest from \`process.memoryUsage()\` inside the mock (MB), then the live heap after a full GC (the mock runs with \`--expose-gc\` here, and that GC runs between rounds). At the start: RSS ${r.soak.rssStartMb} MB${r.soak.memoryStart ? `, heapUsed ${r.soak.memoryStart.heapUsedMb} (live ${r.soak.memoryStart.liveHeapMb ?? '–'}), heapTotal ${r.soak.memoryStart.heapTotalMb}, external ${r.soak.memoryStart.externalMb}, arrayBuffers ${r.soak.memoryStart.arrayBuffersMb}` : ''}.\n`);
    parts.push(table(['round', 'requests', 'req/s (2xx)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'RSS MB', 'heapUsed', 'live heap (after GC)', 'heapTotal', 'external', 'arrayBuffers'], chunks.map((c, i) => {
      const mi = mem[i];
      return [String(i + 1), n(c.requests), n(c.rps), String(c.p50), String(c.p99), non2xx(c), String(c.errors), String(c.rssMb ?? '–'), ...(mi ? [mi.heapUsedMb, mi.liveHeapMb ?? '–', mi.heapTotalMb, mi.externalMb, mi.arrayBuffersMb].map(String) : ['–', '–', '–', '–', '–'])];
    })));
    if (first && last) {
      parts.push(`\np99 of the first round: ${first.p99} ms; of the last: ${last.p99} ms. RSS growth over the soak: ${(Math.round(((last.rssMb ?? 0) - r.soak.rssStartMb) * 10) / 10)} MB from the start, ${(Math.round(((last.rssMb ?? 0) - (first.rssMb ?? 0)) * 10) / 10)} MB after the first round.`);
    }
    const { messagesBefore: before, messagesAfter: after, messageJsonBytes: bytes } = r.soak;
    if (before !== undefined && after !== undefined) {
      const lastMem = mem[mem.length - 1];
      const start = r.soak.memoryStart;
      const live = lastMem?.liveHeapMb !== undefined && start?.liveHeapMb !== undefined ? Math.round((lastMem.liveHeapMb - start.liveHeapMb) * 10) / 10 : undefined;
      const heapGrowth = live ?? (lastMem && start ? Math.round((lastMem.heapUsedMb - start.heapUsedMb) * 10) / 10 : undefined);
      parts.push(`Data written: the soak's written conversations held ${n(before)} messages before and ${n(after)} after, so ${n(after - before)} messages were stored${bytes ? ` (≈ ${n(bytes)} bytes each as JSON, ≈ ${mbOf((after - before) * bytes)} MB in all as JSON; live objects take a few times that)` : ''}${heapGrowth === undefined ? '' : `; the ${live === undefined ? 'heap in use' : 'live heap (after GC)'} grew ${heapGrowth} MB`}${live !== undefined && after > before ? `, ≈ ${n(Math.round((live * 1048576) / (after - before)))} bytes per stored message` : ''}.`);
    }
  }

  if (r.imports?.length) {
    parts.push('\n## CSV import\n');
    parts.push('`POST /api/contacts/bulk-import` of generated CSV files (name, a unique phone, a small attributes object) into the same two lists, one after the other, against one mock (default world); meanwhile `GET /api/health-check` is polled every 10 ms on fresh connections. Time: from sending the upload to the whole answer.\n');
    parts.push(table(
      ['rows', 'status', 'ms', 'rows/s', 'health checks meanwhile', 'worst health-check ms'],
      r.imports.map((i) => [n(i.rows), String(i.status), n(i.ms), n(i.rowsPerSecond), n(i.healthChecks), String(i.worstHealthMs)]),
    ));
  }

  parts.push('\n## Targets (issue #13)\n');
  parts.push(table(['target', 'measured', 'met'], targets(r).map((t) => [t.name, t.measured, mark(t.met)])));
  return `${parts.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

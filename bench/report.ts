/** Turns the bench's measurements into the Markdown of bench/RESULTS.md. */
import type { ImportRun } from './import.js';
import type { LoadResult } from './load.js';

export type ServerKey = 'mock' | 'cli' | 'bare' | 'prismStatic' | 'prismDynamic';
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
  loads: Partial<Record<EndpointKey, LoadResult>>;
}

export interface ScaleRow {
  size: number;
  conversations: number;
  worldMs: number;
  worldRssMb: number;
  coldStartMs: number;
  list: LoadResult;
  rssAfterLoadMb: number;
}

export interface SoakResult {
  total: number;
  mix: string;
  rssStartMb: number;
  chunks: LoadResult[];
}

export interface Results {
  env: Environment;
  endpoints: Record<EndpointKey, string>;
  servers: Partial<Record<ServerKey, ServerRun>>;
  scale: ScaleRow[];
  soak?: SoakResult;
  imports?: ImportRun[];
}

export interface Target {
  name: string;
  measured: string;
  met: boolean | undefined;
}

const SERVER_ORDER: ServerKey[] = ['mock', 'cli', 'bare', 'prismStatic', 'prismDynamic'];
const ENDPOINT_ORDER: EndpointKey[] = ['list', 'detail', 'send'];

const n = (x: number) => x.toLocaleString('en-US');
// Rounded down, so that a ratio shown as 5.00× really is at least 5.
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(Math.floor((a / b) * 100) / 100).toFixed(2)}×` : '–');
const cpu = (r: LoadResult) => (r.cpuUs ? `${r.cpuUs.user + r.cpuUs.system} (${r.cpuUs.user} + ${r.cpuUs.system})` : '–');
const non2xx = (r: LoadResult) => Object.entries(r.statuses).filter(([s]) => !s.startsWith('2')).map(([s, c]) => `${n(c)}× ${s}`).join(', ') || '0';

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function targets(r: Results): Target[] {
  const mock = r.servers.mock?.loads.list?.rps;
  const out: Target[] = [];
  const vs = (key: ServerKey, factor: number, label: string) => {
    const other = r.servers[key]?.loads.list?.rps;
    out.push({ name: `list throughput ≥ ${factor}× ${label}`, measured: ratio(mock, other), met: mock && other ? mock / other >= factor : undefined });
  };
  vs('prismStatic', 5, 'Prism static');
  vs('prismDynamic', 40, 'Prism dynamic');
  vs('bare', 0.5, 'the bare node:http server');
  const cold = r.servers.mock?.coldStartMs;
  out.push({ name: 'cold start ≤ 500 ms (default world)', measured: cold === undefined ? '–' : `${n(cold)} ms`, met: cold === undefined ? undefined : cold <= 500 });
  const rss = r.servers.mock?.rssAfterLoadMb;
  out.push({ name: 'RSS ≤ 150 MB after the load', measured: rss === undefined ? '–' : `${rss} MB`, met: rss === undefined ? undefined : rss <= 150 });
  const small = r.scale.find((s) => s.size === 1000)?.list.p99;
  const large = r.scale.find((s) => s.size === 100_000)?.list.p99;
  out.push({
    name: 'list p99 at 100,000 ≤ 1.5× its p99 at 1,000',
    measured: small && large ? `${large} ms vs ${small} ms (${ratio(large, small)})` : '–',
    met: small && large ? large <= 1.5 * small : undefined,
  });
  const world = r.scale.find((s) => s.size === 100_000)?.worldMs;
  out.push({ name: 'world of 100,000 conversations in < 10 s', measured: world === undefined ? '–' : `${n(world)} ms`, met: world === undefined ? undefined : world < 10_000 });
  const big = r.imports?.find((i) => i.rows === 50_000);
  out.push({
    name: 'worst health-check latency during a 50,000-row CSV import < 100 ms',
    measured: big ? `${big.worstHealthMs} ms` : '–',
    met: big ? big.status === 200 && big.worstHealthMs < 100 : undefined,
  });
  return out;
}

export function renderResults(r: Results): string {
  const { env } = r;
  const parts: string[] = [];
  parts.push(`# Benchmark results

Measured by \`npm run bench\` (bench/run.ts) on ${env.date}: Node ${env.node}, ${env.cpu}, ${env.cores} cores
(load average when the bench started: ${env.loadAverage}; the machine is shared, so expect some noise).
Every server and the load generator (autocannon's API, every response time kept at full resolution) run in
separate processes on the loopback interface; each measurement is ${env.seconds} s with ${env.connections}
connections after a 2 s warm-up. Prism 5.14 mocks \`openapi/wapikit.yaml\` with \`--verboseLevel error\` (its
fastest setting); the bare server is \`node:http\` replaying the mock's own response bytes and headers.`);

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

  parts.push('\nwapikit-mock compared with the others (req/s ratio, rounded down; higher is better for the mock):\n');
  parts.push(table(
    ['endpoint', 'wapikit-mock req/s', 'vs Prism static', 'vs Prism dynamic', 'vs bare node:http'],
    ENDPOINT_ORDER.map((e) => {
      const rps = (s: ServerKey) => r.servers[s]?.loads[e]?.rps;
      return [e, n(rps('mock') ?? 0), ratio(rps('mock'), rps('prismStatic')), ratio(rps('mock'), rps('prismDynamic')), ratio(rps('mock'), rps('bare'))];
    }),
  ));

  parts.push('\n## Cold start and memory\n');
  parts.push('Cold start: from spawning the process to the first 200 of the list request. RSS: the process (and any children) after all three loads, from /proc/<pid>/status VmRSS (the CLI takes no load here: its RSS is right after the first 200).\n');
  parts.push(table(['server', 'cold start ms', 'RSS after load MB'], SERVER_ORDER.flatMap((s) => {
    const run = r.servers[s];
    return run ? [[run.name, n(run.coldStartMs), String(run.rssAfterLoadMb)]] : [];
  })));

  if (r.scale.length) {
    parts.push('\n## Scale\n');
    parts.push('World generation alone (`createWorld`, a fresh process, RSS of that process) and the mock started with `size` conversations: cold start, then the list endpoint under load.\n');
    parts.push(table(
      ['size', 'conversations', 'world generation ms', 'world RSS MB', 'mock cold start ms', 'list req/s', 'list p50 ms', 'list p99 ms', 'mock RSS after load MB'],
      r.scale.map((s) => [n(s.size), n(s.conversations), n(s.worldMs), String(s.worldRssMb), n(s.coldStartMs), n(s.list.rps), String(s.list.p50), String(s.list.p99), String(s.rssAfterLoadMb)]),
    ));
  }

  if (r.soak) {
    const { chunks } = r.soak;
    const first = chunks[0];
    const last = chunks[chunks.length - 1];
    parts.push('\n## Soak\n');
    parts.push(`${n(r.soak.total)} requests against one mock (default world), ${r.soak.mix}; run as ${chunks.length} back-to-back rounds of ${n(first?.requests ?? 0)}, RSS read after each. RSS when the soak started: ${r.soak.rssStartMb} MB.\n`);
    parts.push(table(['round', 'requests', 'req/s (2xx)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'RSS MB'], chunks.map((c, i) => [String(i + 1), n(c.requests), n(c.rps), String(c.p50), String(c.p99), non2xx(c), String(c.errors), String(c.rssMb ?? '–')])));
    if (first && last) {
      parts.push(`\np99 of the first 10 %: ${first.p99} ms; of the last 10 %: ${last.p99} ms. RSS growth over the soak: ${(Math.round(((last.rssMb ?? 0) - r.soak.rssStartMb) * 10) / 10)} MB from the start, ${(Math.round(((last.rssMb ?? 0) - (first.rssMb ?? 0)) * 10) / 10)} MB after the first round.`);
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

  parts.push('\n## Targets\n');
  parts.push(table(['target', 'measured', 'met'], targets(r).map((t) => [t.name, t.measured, t.met === undefined ? '–' : t.met ? 'yes' : '**no**'])));
  return `${parts.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

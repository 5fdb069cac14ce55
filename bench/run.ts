/**
 * `npm run bench`: wapikit-mock against Express 5 and a bare node:http server (both replaying the mock's own
 * bytes) and Prism (static and dynamic); start-up (the CLI from the packed tarball, and in-process); memory;
 * scale (world size 1,000 → 100,000: generation, dashboard totals, list and /messages p99); a 200,000-request
 * soak with the mock's memory read each round; CSV imports of 3,000 and 50,000 contacts with the health check
 * polled meanwhile. Writes bench/RESULTS.md and bench/results.svg, and prints the Markdown.
 * Not a test: nothing here runs in `npm test`.
 *
 *   npm run bench                       # everything (~8 minutes on 2 cores)
 *   npm run bench -- --seconds 3 --soak 20000 --sizes 1000,10000 --sections throughput,start,scale,soak,import
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderChart } from './chart.js';
import { importBench } from './import.js';
import type { LoadJob, LoadRequest, LoadResult } from './load.js';
import { treeRssMb } from './proc.js';
import { renderResults, type EndpointKey, type MemorySample, type Results, type ScaleRow, type ServerKey, type ServerRun, type SoakResult } from './report.js';
import { fetchRaw, ROOT, serverSpecs, startServer, stopServer, type RunningServer } from './servers.js';
import { startBench } from './start.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    soak: { type: 'string', default: '200000' },
    sizes: { type: 'string', default: '1000,10000,100000' },
    sections: { type: 'string', default: 'throughput,start,scale,soak,import' },
    'import-rows': { type: 'string', default: '3000,50000' },
    servers: { type: 'string', default: 'mock,express,bare,prismStatic,prismDynamic' },
    'start-runs': { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench/RESULTS.md') },
    // Default: bench/results.svg beside bench/RESULTS.md; beside any other --out, the same name with .svg, so
    // that a short run written elsewhere leaves the committed chart alone.
    chart: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const SECTIONS = new Set(args.sections.split(','));
const SPEC = 'openapi/wapikit.yaml';
const LIST = '/conversations?page=1&per_page=20';
// The default world's `now` (src/world/world-options.ts): sends are dated then, and the dashboard asks for the
// 30 days up to it, as a dashboard opened "now" would.
const WORLD_NOW = '2026-11-24T12:00:00.000Z';
const SEND_BODY = JSON.stringify({ createdAt: WORLD_NOW, messageData: { messageType: 'Text', text: 'Thanks, your order is on its way.' } });
const ANALYTICS = `/analytics/aggregate-counts?from=${new Date(Date.parse(WORLD_NOW) - 30 * 86_400_000).toISOString()}&to=${WORLD_NOW}`;
const MESSAGES = '/messages?page=1&per_page=20';

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** Runs bench/load.ts in its own process and returns every JSON line it printed. */
function runLoad(job: LoadJob, onLine?: (r: LoadResult) => void): Promise<LoadResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(job)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const out: LoadResult[] = [];
    let buf = '';
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const r = JSON.parse(buf.slice(0, nl)) as LoadResult;
        buf = buf.slice(nl + 1);
        out.push(r);
        onLine?.(r);
      }
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load generator exited with code ${code}`))));
  });
}

interface Ids {
  detail: string;
  send: string;
}

function endpointRequest(key: EndpointKey, base: string, ids: Ids, token: string): LoadRequest {
  const headers = { 'x-access-token': token };
  switch (key) {
    case 'list': return { method: 'GET', path: `${base}${LIST}`, headers };
    case 'detail': return { method: 'GET', path: `${base}/conversation/${ids.detail}`, headers };
    case 'send': return { method: 'POST', path: `${base}/conversation/${ids.send}/messages`, headers: { ...headers, 'content-type': 'application/json' }, body: SEND_BODY };
  }
}

async function measure(server: RunningServer, req: LoadRequest, seconds = SECONDS): Promise<LoadResult> {
  const job: LoadJob = { origin: server.origin, connections: CONNECTIONS, requests: [req], serverPid: server.pid };
  if (WARMUP > 0) await runLoad({ ...job, duration: WARMUP });
  const [result] = await runLoad({ ...job, duration: seconds });
  return result!;
}

const tokenOf = (s: RunningServer) => (typeof s.banner.token === 'string' ? s.banner.token : 'bench');

/** The mock's own process.memoryUsage(): serve-mock.mjs prints it as a JSON line on SIGUSR2. */
async function mockMemory(server: RunningServer): Promise<MemorySample> {
  const line = server.nextLine();
  process.kill(server.pid, 'SIGUSR2');
  return JSON.parse(await line) as MemorySample;
}

/** Starts our mock, and records the ids to use and its exact responses for the bare server to replay. */
async function recordMockReplies(dir: string): Promise<{ ids: Ids; repliesFile: string }> {
  const specs = serverSpecs(SPEC, LIST);
  const mock = await startServer(specs.mock());
  try {
    const token = tokenOf(mock);
    const list = await fetchRaw(`${mock.origin}/api${LIST}`, { headers: { 'x-access-token': token } });
    const conversations = (JSON.parse(list.body.toString()) as { conversations: Array<{ uniqueId: string }> }).conversations;
    const ids = { detail: conversations[0]!.uniqueId, send: conversations[1]!.uniqueId };
    const replies = [];
    for (const key of ['list', 'detail', 'send'] as const) {
      const req = endpointRequest(key, '/api', ids, token);
      const res = await fetchRaw(`${mock.origin}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
      if (res.status !== 200) throw new Error(`the mock answered ${res.status} to ${req.method} ${req.path}: ${res.body.toString()}`);
      // Node adds Date, Connection and Keep-Alive itself, as it does for the mock.
      const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)));
      const path = req.path.split('?')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // `route`: the same path as an Express route (ids as parameters), for the Express replay server.
      const route = req.path.split('?')[0]!.replace(/\/conversation\/[^/]+/, '/conversation/:id');
      replies.push({ method: req.method, pattern: `^${path}(\\?|$)`, route, status: res.status, headers, body: res.body.toString('base64') });
    }
    const repliesFile = join(dir, 'replies.json');
    writeFileSync(repliesFile, JSON.stringify(replies));
    return { ids, repliesFile };
  } finally {
    await stopServer(mock);
  }
}

async function throughput(results: Results, ids: Ids, repliesFile: string): Promise<void> {
  const specs = serverSpecs(SPEC, LIST);
  const wanted = args.servers.split(',') as ServerKey[];
  for (const key of wanted) {
    const spec = key === 'bare' || key === 'express' ? specs[key](['--replies', repliesFile]) : specs[key]();
    if (key === 'cli') {
      // Cold start only: the CLI serves the same app as serve-mock.mjs.
      const cli = await startServer(spec);
      results.servers.cli = { name: spec.name, coldStartMs: cli.coldStartMs, rssAfterLoadMb: treeRssMb(cli.pid), loads: {} };
      log(`${spec.name}: first 200 after ${cli.coldStartMs} ms`);
      await stopServer(cli);
      continue;
    }
    log(`${spec.name}: starting`);
    const server = await startServer(spec);
    log(`${spec.name}: first 200 after ${server.coldStartMs} ms`);
    const run: ServerRun = { name: spec.name, coldStartMs: server.coldStartMs, rssAfterLoadMb: 0, loads: {} };
    try {
      for (const e of ['list', 'detail', 'send'] as const) {
        const r = await measure(server, endpointRequest(e, server.base, ids, tokenOf(server)));
        run.loads[e] = r;
        log(`${spec.name} ${e}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, statuses ${JSON.stringify(r.statuses)}`);
        // The send load stores every message it sends: memory is also read before it, after the reads alone.
        if (e === 'detail') run.rssAfterReadsMb = treeRssMb(server.pid);
      }
      run.rssAfterLoadMb = treeRssMb(server.pid);
      if (key === 'mock') results.mockMemoryAfterLoad = await mockMemory(server);
    } finally {
      await stopServer(server);
    }
    results.servers[key] = run;
  }
}

function worldTime(size: number): { conversations: number; ms: number; rssMb: number } {
  const out = execFileSync(process.execPath, ['bench/world-time.mjs', '--size', String(size)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim()) as { conversations: number; ms: number; rssMb: number };
}

async function scale(results: Results): Promise<void> {
  const specs = serverSpecs(SPEC, LIST);
  for (const size of args.sizes.split(',').map(Number)) {
    log(`scale ${size}: generating the world`);
    const world = worldTime(size);
    log(`scale ${size}: ${world.conversations} conversations in ${world.ms} ms, ${world.rssMb} MB`);
    const server = await startServer(specs.mock(['--size', String(size)]), 120_000);
    try {
      const headers = { 'x-access-token': tokenOf(server) };
      // The dashboard's first call comes first, before any load has warmed anything up.
      const analyticsMs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const res = await fetchRaw(`${server.origin}${server.base}${ANALYTICS}`, { headers });
        analyticsMs.push(Math.round(performance.now() - t0));
        if (res.status !== 200) throw new Error(`aggregate-counts answered ${res.status}: ${res.body.toString().slice(0, 300)}`);
      }
      const list = await measure(server, endpointRequest('list', server.base, { detail: '', send: '' }, tokenOf(server)));
      const messages = await measure(server, { method: 'GET', path: `${server.base}${MESSAGES}`, headers });
      const row: ScaleRow = { size, conversations: world.conversations, worldMs: world.ms, worldRssMb: world.rssMb, coldStartMs: server.coldStartMs, list, messages, analyticsMs, rssAfterLoadMb: treeRssMb(server.pid) };
      results.scale.push(row);
      log(`scale ${size}: cold start ${server.coldStartMs} ms, aggregate-counts ${analyticsMs.join(', ')} ms, list ${list.rps} req/s p99 ${list.p99} ms, /messages ${messages.rps} req/s p99 ${messages.p99} ms, RSS ${row.rssAfterLoadMb} MB`);
    } finally {
      await stopServer(server);
    }
  }
}

/** Reads and writes in one cycle; detail reads go to conversations that are never written (their body embeds the thread). */
function soakRequests(base: string, token: string, conversations: string[]): { requests: LoadRequest[]; mix: string } {
  const readOnly = conversations.slice(0, 5);
  const written = conversations.slice(5, 10);
  const h = { 'x-access-token': token };
  const json = { ...h, 'content-type': 'application/json' };
  const requests: LoadRequest[] = [];
  for (let i = 0; i < 5; i++) {
    const w = written[i]!;
    requests.push(
      { method: 'GET', path: `${base}/conversations?page=${i + 1}&per_page=20`, headers: h },
      { method: 'GET', path: `${base}/conversation/${readOnly[i]!}`, headers: h },
      { method: 'POST', path: `${base}/conversation/${w}/messages`, headers: json, body: SEND_BODY },
      { method: 'GET', path: `${base}/conversation/${w}/messages?page=1&per_page=20`, headers: h },
      { method: 'GET', path: `${base}/conversations?page=1&per_page=20&status=Closed`, headers: h },
      { method: 'POST', path: `${base}/conversation/${w}/messages`, headers: json, body: SEND_BODY },
      { method: 'GET', path: `${base}/messages?conversation_id=${w}&page=1&per_page=20`, headers: h },
      { method: 'POST', path: `${base}/conversation/${w}/read`, headers: h },
      { method: 'GET', path: `${base}/conversation/${readOnly[(i + 1) % 5]!}`, headers: h },
      { method: 'POST', path: `${base}/conversation/${w}/messages`, headers: json, body: SEND_BODY },
    );
  }
  return {
    requests,
    mix: '60 % reads (conversation list pages, two status filters, conversation details, thread pages, /messages) and 40 % writes (sends to 5 conversations, mark-as-read)',
  };
}

/** Messages stored in the given conversations (their threads' paginationMeta.total), and one page's mean JSON size per message. */
async function storedMessages(server: RunningServer, token: string, conversations: string[]): Promise<{ count: number; jsonBytes: number }> {
  let count = 0;
  let jsonBytes = 0;
  for (const id of conversations) {
    const res = await fetchRaw(`${server.origin}${server.base}/conversation/${id}/messages?page=1&per_page=20`, { headers: { 'x-access-token': token } });
    const page = JSON.parse(res.body.toString()) as { messages: unknown[]; paginationMeta: { total: number } };
    count += page.paginationMeta.total;
    if (page.messages.length > 0) jsonBytes = Math.round(JSON.stringify(page.messages).length / page.messages.length);
  }
  return { count, jsonBytes };
}

async function soak(results: Results): Promise<void> {
  const total = Number(args.soak);
  const rounds = 10;
  const specs = serverSpecs(SPEC, LIST);
  const server = await startServer(specs.mockWithGc());
  try {
    const token = tokenOf(server);
    const list = await fetchRaw(`${server.origin}/api/conversations?page=1&per_page=20`, { headers: { 'x-access-token': token } });
    const ids = (JSON.parse(list.body.toString()) as { conversations: Array<{ uniqueId: string }> }).conversations.map((c) => c.uniqueId);
    const { requests, mix } = soakRequests('/api', token, ids);
    const written = ids.slice(5, 10);
    const before = await storedMessages(server, token, written);
    const result: SoakResult = { total, mix, rssStartMb: treeRssMb(server.pid), memoryStart: await mockMemory(server), chunks: [], memory: [], messagesBefore: before.count };
    log(`soak: ${total} requests, RSS at start ${result.rssStartMb} MB, heapUsed ${result.memoryStart?.heapUsedMb} MB`);
    // One load process per round, so that the memory is read while the mock is idle between rounds.
    for (let i = 0; i < rounds; i++) {
      const [r] = await runLoad({ origin: server.origin, connections: CONNECTIONS, amount: Math.round(total / rounds), requests, serverPid: server.pid });
      const m = await mockMemory(server);
      result.chunks.push(r!);
      result.memory!.push(m);
      log(`soak round ${i + 1}: ${r!.requests} requests, ${r!.rps} req/s, p99 ${r!.p99} ms, statuses ${JSON.stringify(r!.statuses)}; RSS ${r!.rssMb} MB, heapUsed ${m.heapUsedMb} (live ${m.liveHeapMb}), heapTotal ${m.heapTotalMb}, external ${m.externalMb}, arrayBuffers ${m.arrayBuffersMb} MB`);
    }
    const after = await storedMessages(server, token, written);
    result.messagesAfter = after.count;
    result.messageJsonBytes = after.jsonBytes;
    log(`soak: ${after.count - before.count} messages stored (≈ ${after.jsonBytes} bytes each as JSON)`);
    results.soak = result;
  } finally {
    await stopServer(server);
  }
}

/** CSV imports of growing size into the same two lists of one mock, the health check polled during each. */
async function imports(results: Results): Promise<void> {
  const server = await startServer(serverSpecs(SPEC, LIST).mock());
  try {
    results.imports = await importBench(server.origin, server.base, tokenOf(server), args['import-rows'].split(',').map(Number));
    for (const r of results.imports) {
      log(`import ${r.rows} rows: ${r.status} in ${r.ms} ms (${r.rowsPerSecond} rows/s); ${r.healthChecks} health checks meanwhile, worst ${r.worstHealthMs} ms`);
    }
  } finally {
    await stopServer(server);
  }
}

async function main(): Promise<void> {
  if (!args['no-build']) {
    log('building dist/ (npm run build)');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
  const results: Results = {
    env: {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      node: process.version,
      cpu,
      cores: cpus().length,
      loadAverage: loadavg().map((x) => x.toFixed(2)).join(', '),
      seconds: SECONDS,
      connections: CONNECTIONS,
    },
    endpoints: { list: `GET /api${LIST}`, detail: 'GET /api/conversation/{id}', send: 'POST /api/conversation/{id}/messages (a Text message)' },
    servers: {},
    scale: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'wapikit-bench-'));
  const started = performance.now();
  if (SECTIONS.has('throughput')) {
    const { ids, repliesFile } = await recordMockReplies(dir);
    await throughput(results, ids, repliesFile);
  }
  if (SECTIONS.has('start')) results.start = await startBench(dir, Number(args['start-runs']), LIST, log);
  if (SECTIONS.has('scale')) await scale(results);
  if (SECTIONS.has('soak')) await soak(results);
  if (SECTIONS.has('import')) await imports(results);
  rmSync(dir, { recursive: true, force: true });
  const out = resolve(args.out);
  const chartPath = args.chart ? resolve(args.chart) : out === join(ROOT, 'bench/RESULTS.md') ? join(ROOT, 'bench/results.svg') : out.replace(/(\.md)?$/i, '.svg');
  writeFileSync(chartPath, renderChart(results));
  results.chart = relative(dirname(out), chartPath);
  const markdown = renderResults(results);
  writeFileSync(args.out, markdown);
  process.stdout.write(markdown);
  log(`done in ${Math.round((performance.now() - started) / 1000)} s; wrote ${args.out} and ${chartPath}`);
}

await main();

/** Starting, timing and stopping the servers under benchmark, each in its own child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { processTree } from './proc.js';
import type { ServerKey } from './report.js';

export const ROOT = join(import.meta.dirname, '..');

export interface RunningServer {
  name: string;
  child: ChildProcess;
  pid: number;
  origin: string;
  /** Path prefix of the API on this server (`/api` for ours, `` for Prism, which mocks the spec's paths as written). */
  base: string;
  /** Milliseconds from spawn to the first 200 of the probe request. */
  coldStartMs: number;
  /** The first JSON line the server printed, if it prints one. */
  banner: Record<string, unknown>;
  /** The next line the server prints on stdout after its banner (serve-mock.mjs answers SIGUSR2 with one). */
  nextLine(timeoutMs?: number): Promise<string>;
}

export interface ServerSpec {
  name: string;
  /** Arguments to `node`; `{port}` is replaced by the port. */
  args: string[];
  base: string;
  /** A request that answers 200 once the server is ready, relative to `base`. */
  probe: string;
  headers?: Record<string, string>;
  /** Set when the server prints a JSON line when it is ready (ours do; Prism does not). */
  banner?: boolean;
  /** Working directory of the process (default: the repository root). */
  cwd?: string;
}

/** A port that was free a moment ago on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One HTTP request on a fresh connection. */
export function fetchRaw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: { connection: 'close', ...init.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Splits a child's stdout into lines: the first is its banner, later ones are handed out one at a time to
 * whoever asks (the memory samples of serve-mock.mjs). Lines nobody asked for yet wait in a queue.
 */
function lineReader(child: ChildProcess): { banner: Promise<Record<string, unknown>>; nextLine: (timeoutMs?: number) => Promise<string> } {
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buf = '';
  let resolveBanner: (line: string) => void = () => {};
  const first = new Promise<string>((r) => (resolveBanner = r));
  let seenBanner = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!seenBanner) {
        seenBanner = true;
        resolveBanner(line);
      } else if (waiting.length > 0) waiting.shift()!(line);
      else queue.push(line);
    }
  });
  const banner = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with code ${code} before it was ready`)));
    void first.then((line) => {
      try {
        resolve(JSON.parse(line) as Record<string, unknown>);
      } catch (err) {
        reject(new Error(`unexpected banner: ${line} (${String(err)})`));
      }
    });
  });
  const nextLine = (timeoutMs = 10_000) =>
    queue.length > 0
      ? Promise.resolve(queue.shift()!)
      : new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no line from the server within ${timeoutMs} ms`)), timeoutMs);
          waiting.push((line) => {
            clearTimeout(timer);
            resolve(line);
          });
        });
  return { banner, nextLine };
}

/**
 * Spawns a server on a fresh port and waits for the first 200 of its probe request (polling every 5 ms):
 * the cold start, measured from spawn, includes process start, module loading, world generation and the
 * first request.
 */
export async function startServer(spec: ServerSpec, timeoutMs = 60_000): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, spec.args.map((a) => a.replace('{port}', String(port))), {
    cwd: spec.cwd ?? ROOT,
    stdio: ['ignore', spec.banner ? 'pipe' : 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines = spec.banner ? lineReader(child) : undefined;
  const banner: Promise<Record<string, unknown>> = lines?.banner ?? Promise.resolve({});
  const nextLine = lines?.nextLine ?? (() => Promise.reject(new Error(`${spec.name} prints no lines`)));
  const origin = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  const bannerValue = await banner;
  const headers = { ...spec.headers };
  if (typeof bannerValue.token === 'string') headers['x-access-token'] = bannerValue.token;
  for (;;) {
    if (exited) throw new Error(`${spec.name} exited before answering`);
    if (performance.now() - started > timeoutMs) throw new Error(`${spec.name} did not answer 200 within ${timeoutMs} ms`);
    const res = await fetchRaw(`${origin}${spec.base}${spec.probe}`, { headers }).catch(() => undefined);
    if (res?.status === 200) break;
    await sleep(5);
  }
  const coldStartMs = Math.round(performance.now() - started);
  return { name: spec.name, child, pid: child.pid!, origin, base: spec.base, coldStartMs, banner: bannerValue, nextLine };
}

/** Stops a server and every process it started (Prism serves from a child process of its CLI). */
export async function stopServer(s: RunningServer): Promise<void> {
  const tree = processTree(s.pid).reverse();
  const signal = (sig: NodeJS.Signals) => {
    for (const pid of tree.filter(alive)) {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
  };
  const gone = s.child.exitCode !== null || s.child.signalCode !== null ? Promise.resolve() : new Promise((r) => s.child.once('exit', r));
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 3000);
  await gone;
  clearTimeout(timer);
  // Children that outlive their parent would keep their port and memory.
  for (let i = 0; i < 60 && tree.some(alive); i++) await sleep(50);
  if (tree.some(alive)) signal('SIGKILL');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The servers compared. */
export function serverSpecs(specPath: string, probe: string): Record<ServerKey | 'mockWithGc', (extra?: string[]) => ServerSpec> {
  const prism = realpathSync(join(ROOT, 'node_modules/.bin/prism'));
  // Prism logs every request at "info" by default; "error" gives it its best throughput.
  const prismArgs = [prism, 'mock', specPath, '-h', '127.0.0.1', '-p', '{port}', '--verboseLevel', 'error'];
  const token = { 'x-access-token': 'bench' };
  return {
    mock: (extra = []) => ({ name: 'wapikit-mock', args: ['bench/serve-mock.mjs', '--port', '{port}', ...extra], base: '/api', probe, banner: true }),
    // The same, able to report its live heap (a full GC on each memory sample): for the soak, between rounds.
    mockWithGc: (extra = []) => ({ name: 'wapikit-mock', args: ['--expose-gc', 'bench/serve-mock.mjs', '--port', '{port}', ...extra], base: '/api', probe, banner: true }),
    // The packaged CLI, as a user starts it (no banner: polled like Prism).
    cli: () => ({ name: 'wapikit-mock CLI', args: ['dist/src/cli/main.js', 'serve', '--port', '{port}', '--quiet', '--token', 'bench'], base: '/api', probe, headers: token }),
    bare: (extra = []) => ({ name: 'bare node:http', args: ['bench/serve-bare.mjs', '--port', '{port}', ...extra], base: '/api', probe, banner: true }),
    express: (extra = []) => ({ name: 'Express 5 replay', args: ['bench/serve-express.mjs', '--port', '{port}', ...extra], base: '/api', probe, banner: true }),
    prismStatic: () => ({ name: 'Prism static', args: prismArgs, base: '', probe, headers: token }),
    prismDynamic: () => ({ name: 'Prism dynamic', args: [...prismArgs, '-d'], base: '', probe, headers: token }),
  };
}

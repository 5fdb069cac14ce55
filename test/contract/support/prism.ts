/**
 * Starts Prism (an OpenAPI mock nobody here wrote) on a free loopback port, serving openapi/wapikit.yaml, and
 * stops it again. Dynamic mode with a fixed seed: answers are generated from the schemas (patterns and formats
 * honoured) and repeat from run to run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_SPEC_PATH, packageRoot } from '../../../src/spec/index.js';

export interface PrismServer {
  baseUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startPrism(options: { dynamic?: boolean; seed?: string; readyTimeoutMs?: number } = {}): Promise<PrismServer> {
  const port = await freePort();
  const bin = join(packageRoot(), 'node_modules', '.bin', 'prism');
  const args = ['mock', DEFAULT_SPEC_PATH, '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'];
  if (options.dynamic ?? true) args.push('-d', '--seed', options.seed ?? 'wapikit-contract-kit');
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => { log += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { log += d.toString(); });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/health-check`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prism did not become ready on ${baseUrl}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, output: () => log, stop };
}

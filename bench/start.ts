/**
 * The `start` section of the bench: how long a user waits for the first answer.
 *
 * - CLI: the package as `npm pack` makes it, installed into a fresh temporary project from the npm cache
 *   (`--offline`: `npm ci` put every dependency there, so no network is needed), then
 *   `node node_modules/wapikit-mock/dist/src/cli/main.js serve` timed from spawn to the first 200 of the list.
 * - In-process: bench/start-in-process.mjs in a fresh Node process (import, createMockServer(), first 200).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, stopServer, type ServerSpec } from './servers.js';

export interface InProcessStart {
  importMs: number;
  createMs: number;
  listenMs: number;
  firstRequestMs: number;
  createToFirst200Ms: number;
  totalMs: number;
}

export interface StartResult {
  runs: number;
  /** Spawn → first 200 of the CLI installed from the packed tarball, one per run. */
  cliMs: number[];
  tarballKb: number;
  inProcess: InProcessStart[];
}

/** Packs the package (dist/ as built) and installs the tarball into a fresh project under `dir`, offline. */
export function installPackedTarball(dir: string): { appDir: string; tarballKb: number } {
  // --ignore-scripts: `prepare` would rebuild dist/ (run.ts has built it already, unless --no-build was asked).
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const tarball = join(dir, out.trim().split('\n').pop()!);
  const appDir = join(dir, 'app');
  mkdirSync(appDir);
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'wapikit-bench-install', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--silent', tarball], { cwd: appDir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarballKb = Math.round(Number(execFileSync('stat', ['-c', '%s', tarball], { encoding: 'utf8' })) / 1024);
  return { appDir, tarballKb };
}

export async function startBench(dir: string, runs: number, probe: string, log: (m: string) => void): Promise<StartResult> {
  log('start: packing and installing the tarball (offline)');
  const { appDir, tarballKb } = installPackedTarball(dir);
  const spec: ServerSpec = {
    name: 'wapikit-mock CLI (packed tarball)',
    args: [join(appDir, 'node_modules/wapikit-mock/dist/src/cli/main.js'), 'serve', '--port', '{port}', '--quiet', '--token', 'bench'],
    base: '/api',
    probe,
    headers: { 'x-access-token': 'bench' },
    cwd: appDir,
  };
  const cliMs: number[] = [];
  const inProcess: InProcessStart[] = [];
  for (let i = 0; i < runs; i++) {
    const cli = await startServer(spec);
    cliMs.push(cli.coldStartMs);
    await stopServer(cli);
    // The installed copy's entry, as `import { createMockServer } from 'wapikit-mock'` would load it.
    const line = execFileSync(process.execPath, ['bench/start-in-process.mjs', '--entry', join(appDir, 'node_modules/wapikit-mock/dist/src/index.js')], { cwd: ROOT, encoding: 'utf8' });
    inProcess.push(JSON.parse(line.trim()) as InProcessStart);
    log(`start run ${i + 1}: CLI ${cli.coldStartMs} ms; in-process ${line.trim()}`);
  }
  return { runs, cliMs, tarballKb, inProcess };
}

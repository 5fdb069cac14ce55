/**
 * What a user gets from npm: `npm pack`, install the tarball into an empty folder (dependencies from the local
 * npm cache when it has them), then `npx wapikit-mock --port 0` with no TypeScript tooling anywhere, one
 * request, and a clean stop. Builds dist/ first when it is missing or older than src/.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/src/cli/main.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; files: string[] };
const work = mkdtempSync(join(tmpdir(), 'wapikit-pack-'));
const consumer = join(work, 'consumer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** npm without the developer's or CI's npm_config_* from the `npm test` that runs us. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
}

let tarball: string;
beforeAll(async () => {
  if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestMtime(join(ROOT, 'src'))) {
    await exec('npm', ['run', 'build'], { cwd: ROOT, env: npmEnv() });
  }
  const { stdout } = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env: npmEnv() });
  tarball = join(work, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('points its bin at compiled JavaScript that the tarball contains, with what it needs at run time', async () => {
    expect(pkg.bin['wapikit-mock']).toBe('dist/src/cli/main.js');
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout.split('\n');
    for (const f of ['package/dist/src/cli/main.js', 'package/dist/src/http/docs.js', 'package/openapi/wapikit.yaml', 'package/fixtures/conversations.json', 'package/fixtures/README.md', 'package/README.md']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('installs into an empty folder and serves with npx, without TypeScript', async () => {
    rmSync(consumer, { recursive: true, force: true });
    await exec('mkdir', ['-p', consumer]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const installStarted = performance.now();
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: consumer, env: npmEnv() });
    const installMs = performance.now() - installStarted;
    for (const tool of ['typescript', 'tsx', 'vitest']) expect(existsSync(join(consumer, 'node_modules', tool)), `${tool} installed`).toBe(false);

    const started = performance.now();
    const child = spawn('npx', ['--no-install', 'wapikit-mock', '--port', '0', '--size', '50'], { cwd: consumer, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // 'close', not 'exit': wapikit-mock runs under npm exec and writes to the same pipes until it has stopped.
    const exited = new Promise<number | null>((done) => child.on('close', done));
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const api = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        const m = /API\s+(http:\/\/127\.0\.0\.1:(\d+)\/api)/.exec(out);
        if (m) done(m[1]!);
      });
      void exited.then((code) => fail(new Error(`npx wapikit-mock exited (${code}) before listening:\n${out}${err}`)));
    });
    try {
      expect(api).not.toContain(':0/');
      const res = await fetch(`${api}/health-check`);
      const firstResponseMs = performance.now() - started;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: true });
      const docs = await fetch(api.replace(/\/api$/, '/docs/swagger-ui-bundle.js'));
      expect(docs.status).toBe(200);
      console.info(`packaging: npm install ${Math.round(installMs)} ms; npx wapikit-mock cold start to first response ${Math.round(firstResponseMs)} ms (${/ready in (\d+) ms/.exec(out)?.[1]} ms to listen)`);
    } finally {
      // As Ctrl+C in a terminal does: the signal goes to the whole process group (npm exec does not pass it on).
      process.kill(-child.pid!, 'SIGTERM');
    }
    const closed = await Promise.race([exited.then(() => true), new Promise<false>((done) => setTimeout(() => done(false), 20_000))]);
    if (!closed) process.kill(-child.pid!, 'SIGKILL');
    expect(closed, 'wapikit-mock stopped within 20 s of SIGTERM').toBe(true);
    expect(out).toContain('SIGTERM: stopping');
    // (Polled: an orphaned process stays visible until init reaps it.)
    await expect.poll(() => { try { process.kill(-child.pid!, 0); return 'running'; } catch { return 'gone'; } }, { timeout: 5_000 }).toBe('gone');
  }, 120_000);
});

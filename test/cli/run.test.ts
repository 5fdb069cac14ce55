/**
 * The CLI run for real, as a child process: `node --import tsx src/cli/main.ts …`.
 *
 * Why the source through tsx and not dist/: these tests then always check the code as it is now, with no build
 * step to forget and no race between test files writing dist/ at the same time. The compiled bin (what npx
 * runs) is exercised by test/packaging, which packs, installs and starts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/http/express-adapter.js';
import { DEFAULT_MOCK_OPTIONS } from '../../src/options.js';
import { saveStateFile } from '../../src/state/state-file.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
/** tsx's loader by absolute URL: the CLI runs in a temporary folder, where a bare `--import tsx` would not resolve. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const tmp = mkdtempSync(join(tmpdir(), 'wapikit-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The environment without any WAPIKIT_MOCK_* the developer may have set. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WAPIKIT_MOCK_')));
  return { ...env, ...extra };
}

function cli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: tmp, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs to completion. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = cli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

interface Served {
  child: ChildProcess;
  api: string;
  output: () => string;
  /** SIGTERM, then the exit code and everything printed. */
  stop(): Promise<{ code: number | null; stdout: string }>;
}

/** Starts `serve` and resolves once it printed its API URL. */
function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  return new Promise((done, fail) => {
    const child = cli(args, env);
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d;
      const api = /(http:\/\/127\.0\.0\.1:\d+\/api)\b/.exec(stdout)?.[1];
      if (api) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.on('data', (more: Buffer) => (stdout += more));
        done({
          child,
          api,
          output: () => stdout,
          stop: async () => {
            child.kill('SIGTERM');
            const code = await exited;
            return { code, stdout };
          },
        });
      }
    });
    void exited.then((code) => fail(new Error(`wapikit-mock exited (${code}) before listening:\n${stdout}${stderr}`)));
  });
}

describe('wapikit-mock, run for real', () => {
  it('prints help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: wapikit-mock [options] [command]');
    expect(r.stdout).toContain('Examples:');
  });

  it('prints the version of package.json', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('refuses an unknown flag with exit code 2 and a suggestion', async () => {
    const r = await run(['--prot', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown option '--prot'\n(Did you mean --port?)\n(run wapikit-mock --help for usage)\n");
  });

  it('starts on a free port, prints where and how to log in, serves, and stops on SIGTERM', async () => {
    const s = await serve(['--port', '0', '--size', '40']);
    const banner = s.output();
    const origin = s.api.replace(/\/api$/, '');
    expect(banner).toContain(`wapikit-mock ${VERSION}`);
    expect(banner).toContain(`Docs      ${origin}/docs`);
    expect(banner).toContain('demo / demo1234');
    const token = /Token\s+(\S+)/.exec(banner)?.[1];
    expect(token).toMatch(/^eyJ/);

    expect(await (await fetch(`${s.api}/health-check`)).json()).toEqual({ data: true });
    const list = await fetch(`${s.api}/conversations?page=1&per_page=2`, { headers: { 'x-access-token': token! } });
    expect(list.status).toBe(200);
    const conv = ((await list.json()) as { conversations: Array<{ uniqueId: string }> }).conversations[0]!;

    // Writes carry the wall clock's time, not the world's.
    const before = Date.now();
    const sent = await fetch(`${s.api}/conversation/${conv.uniqueId}/messages`, {
      method: 'POST',
      headers: { 'x-access-token': token!, 'content-type': 'application/json' },
      body: JSON.stringify({ createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'hi' } }),
    });
    const createdAt = Date.parse(((await sent.json()) as { message: { createdAt: string } }).message.createdAt);
    expect(Math.abs(createdAt - before)).toBeLessThan(10_000);

    // A second server on the same port says so and exits 1.
    const port = new URL(s.api).port;
    const taken = await run(['--port', port]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(`wapikit-mock: port ${port} on 127.0.0.1 is already in use: pick another with --port (or --port 0 for any free one)\n`);

    const { code, stdout } = await s.stop();
    expect(code).toBe(0);
    expect(stdout).toContain('GET /api/health-check → 200');
    expect(stdout).toContain('SIGTERM: stopping');
  });

  it('reads its options from WAPIKIT_MOCK_* variables, and restarts from its state file in the world it was saved from', async () => {
    const file = join(tmp, 'state.json');
    const app = createMockServer({ seed: 11, size: 30, now: '2026-05-01T00:00:00.000Z' });
    app.mock.store.tags.clear();
    saveStateFile(file, app.mock.store);

    const s = await serve([], { WAPIKIT_MOCK_PORT: '0', WAPIKIT_MOCK_STATE_FILE: file, WAPIKIT_MOCK_TOKEN: 'let-me-in', WAPIKIT_MOCK_QUIET: '1' });
    try {
      expect(s.output()).toBe(`wapikit-mock listening on ${s.api}\n`);
      const state = (await (await fetch(`${s.api.replace(/\/api$/, '')}/__mock/state`)).json()) as { world: unknown; collections: { tags: unknown[] } };
      expect(state.world).toEqual({ seed: 11, now: '2026-05-01T00:00:00.000Z', size: 30 });
      expect(state.collections.tags).toEqual([]);
      expect((await fetch(`${s.api}/user`, { headers: { 'x-access-token': 'let-me-in' } })).status).toBe(200);
    } finally {
      expect((await s.stop()).code).toBe(0);
    }
  });

  it('serves the app with --frontend, printing its URL and the sign-in emails, and refuses a folder without index.html', async () => {
    const site = join(ROOT, 'test/browser/fixtures/frontend');
    const s = await serve(['--port', '0', '--size', '30', '--frontend', site]);
    try {
      const origin = s.api.replace(/\/api$/, '');
      const banner = s.output();
      expect(banner).toContain(`App       ${origin}/  (${site})`);
      expect(banner).toMatch(/Login {5}demo@wapikit\.test {2,}demo \/ demo1234 {2}\(Owner\)\n {12}agent@wapikit\.test {2,}agent \/ agent1234 {2}\(Member\)\n/);
      const index = await fetch(`${origin}/`);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await index.text()).toBe(readFileSync(join(site, 'index.html'), 'utf8'));
      const plans = await fetch(`${s.api}/payment/plans`);
      expect(plans.status).toBe(200);
      expect(await plans.text()).toBe(readFileSync(join(site, '404.html'), 'utf8'));
    } finally {
      expect((await s.stop()).code).toBe(0);
    }

    const missing = await run(['--port', '0', '--frontend', 'no-such-build']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`argument 'no-such-build' is invalid. The frontend folder ${join(tmp, 'no-such-build')} does not exist.`);
    const noIndex = await run(['--port', '0'], { WAPIKIT_MOCK_FRONTEND: tmp });
    expect(noIndex.code).toBe(2);
    expect(noIndex.stderr).toContain(`from env 'WAPIKIT_MOCK_FRONTEND' is invalid. The frontend folder ${tmp} has no index.html`);
  });
});

describe('wapikit-mock, run for real: what it lets in, and which state files it refuses', () => {
  /** A GET of /__mock/state with a chosen Host header (fetch cannot set one). */
  const stateWithHost = (api: string, host: string) =>
    new Promise<number>((done, fail) => {
      request(`${api.replace(/\/api$/, '')}/__mock/state`, { headers: { Host: host } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      }).on('error', fail).end();
    });

  it('refuses a foreign Host on /__mock on loopback, accepts it once --host opens the server, and signs with --jwt-secret', async () => {
    const local = await serve(['--port', '0', '--quiet']);
    try {
      expect(await stateWithHost(local.api, 'rebind.evil.example')).toBe(403);
    } finally {
      await local.stop();
    }
    const secret = 'only-this-team-knows-it';
    const open = await serve(['--port', '0', '--quiet', '--host', '0.0.0.0'], { WAPIKIT_MOCK_JWT_SECRET: secret });
    try {
      expect(await stateWithHost(open.api, 'devbox.lan:4010')).toBe(200);
      const login = await fetch(`${open.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo', password: 'demo1234' }) });
      const { token } = (await login.json()) as { token: string };
      await expect(jwtVerify(token, new TextEncoder().encode(secret))).resolves.toBeDefined();
      await expect(jwtVerify(token, new TextEncoder().encode(DEFAULT_MOCK_OPTIONS.jwtSecret))).rejects.toThrow();
    } finally {
      await open.stop();
    }
  });

  it('exits 1, naming the file, when the state file cannot be written', async () => {
    writeFileSync(join(tmp, 'plain-file'), '');
    const file = join(tmp, 'plain-file', 'state.json');
    const r = await run(['--port', '0', '--state-file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^wapikit-mock: cannot write the state file ${file.replace(/[.]/g, '\\.')}: ENOTDIR`));
  });

  it('exits 1 when another server runs on the same state file, naming it and the lock', async () => {
    const file = join(tmp, 'shared.json');
    const first = await serve(['--port', '0', '--quiet', '--state-file', file]);
    try {
      const second = await run(['--port', '0', '--state-file', file]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`wapikit-mock: state file ${file} is in use by another wapikit-mock (pid ${first.child.pid}; lock file ${file}.lock)`);
    } finally {
      expect((await first.stop()).code).toBe(0);
    }
    expect(existsSync(`${file}.lock`), 'released on exit').toBe(false);
  });
});

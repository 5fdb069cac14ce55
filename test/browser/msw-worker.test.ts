/**
 * The MSW entry in a real browser: a page script importing `wapikit-mock/msw` is bundled with esbuild (browser
 * platform, ESM, minified: a Node built-in anywhere on that path fails the build), served with MSW's
 * `mockServiceWorker.js` by a static file server, and run in Debian's headless Chromium. The page signs in,
 * lists conversations, follows the live events, sends a message and reads it back, all against
 * https://wapikit.example.test, a host that does not exist: no mock process runs, every answer comes from the
 * service worker and the mock inside the page. Prints the bundle size and the time to the first mocked answer.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(import.meta.dirname, 'fixtures/msw-page');
const WORKER_SCRIPT = resolve(ROOT, 'node_modules/msw/lib/mockServiceWorker.js');

interface PageResult {
  error?: string;
  scriptStartMs: number;
  handlersReadyMs: number;
  workerStartedMs: number;
  firstAnswerMs: number;
  login: { status: number; hasToken: boolean };
  list: { status: number; count: number; total: number };
  media: { found: boolean; link?: string; status?: number; contentType?: string | null; size?: number; head?: number[] };
  events: { status: number; contentType: string | null; first: string | undefined; afterSend: string | undefined };
  sent: { status: number; id: string; text: string };
  readBack: { status: number; ids: string[] };
  noToken: { status: number; body: unknown };
  controlled: boolean;
}

/** The page script and everything it imports, as the browser gets it. */
async function bundlePage(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [join(FIXTURE, 'main.js')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
    // The package's own entry, from source: the same module `wapikit-mock/msw` resolves to once built.
    alias: { 'wapikit-mock/msw': resolve(ROOT, 'src/msw.ts') },
  });
  return result.outputFiles[0]!.contents;
}

/** Serves fixed files from memory on a loopback port; it answers nothing else (no API, no mock). */
async function staticServer(files: Record<string, { type: string; body: Uint8Array | string }>): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files[(req.url ?? '/').split('?')[0]!];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

let bundle: Uint8Array;
let bundleMs: number;
let site: Awaited<ReturnType<typeof staticServer>>;
let context: BrowserContext;
let userDataDir: string;
const networkHits: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get update && apt-get install -y chromium (as .ci/run does)`);
  const started = performance.now();
  bundle = await bundlePage();
  bundleMs = performance.now() - started;
  site = await staticServer({
    '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>wapikit-mock in the browser</title><script type="module" src="/main.js"></script>' },
    '/main.js': { type: 'text/javascript; charset=utf-8', body: bundle },
    '/mockServiceWorker.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(WORKER_SCRIPT) },
  });
  userDataDir = mkdtempSync(join(tmpdir(), 'wapikit-msw-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  // Anything for the API host that gets past the service worker would reach the network: record and refuse it.
  await context.route('https://wapikit.example.test/**', (route) => {
    networkHits.push(route.request().url());
    return route.abort();
  });
});

afterAll(async () => {
  await context?.close();
  await site?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('wapikit-mock/msw in Chromium (setupWorker)', () => {
  it('bundles for the browser, with no Node built-ins', () => {
    const gzipped = gzipSync(bundle).length;
    console.log(`wapikit-mock/msw page bundle: ${(bundle.length / 1024).toFixed(0)} KiB minified, ${(gzipped / 1024).toFixed(0)} KiB gzipped (esbuild ${bundleMs.toFixed(0)} ms)`);
    expect(bundle.length).toBeGreaterThan(0);
    // A sanity bound, not a budget: the seeded world (faker's locale data), the spec and Ajv make up most of it.
    expect(gzipped).toBeLessThan(1024 * 1024);
  });

  it('signs in, lists conversations, streams events, sends a message and reads it back, all answered in the page', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    // The mock's error log goes to the console in a browser: an unexpected error shows here.
    // (Chromium also logs each 4xx answer as a failed resource load: the page's deliberate 401 is one.)
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text())) pageErrors.push(message.text());
    });
    await page.goto(site.url);
    await page.waitForFunction(() => (globalThis as { wapikitResult?: unknown }).wapikitResult !== undefined, undefined, { timeout: 60_000 });
    const result = (await page.evaluate(() => (globalThis as { wapikitResult?: unknown }).wapikitResult)) as PageResult;
    expect(result.error, result.error).toBeUndefined();
    expect(pageErrors).toEqual([]);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log(
      `wapikit-mock/msw in Chromium, from navigation start: script running ${ms(result.scriptStartMs)}, mock built ${ms(result.handlersReadyMs)}, ` +
        `service worker ready ${ms(result.workerStartedMs)}, first mocked answer (POST /auth/login) ${ms(result.firstAnswerMs)}`,
    );

    expect(result.login).toEqual({ status: 200, hasToken: true });
    expect(result.list).toMatchObject({ status: 200, count: 10 });
    expect(result.list.total).toBeGreaterThan(10);
    // Media links point at the API's own origin, and their bytes (the committed files) come from the page too.
    expect(result.media).toMatchObject({ found: true, status: 200, contentType: expect.stringMatching(/^(image|audio|video|application\/pdf)/) });
    expect(result.media.link).toMatch(/^https:\/\/wapikit\.example\.test\/api\/conversation\/[0-9a-f-]+\/media\/\d+$/);
    expect(result.media.size).toBeGreaterThan(20);
    expect(result.events).toEqual({ status: 200, contentType: 'text/event-stream', first: 'connected', afterSend: 'NewMessage' });
    expect(result.sent).toMatchObject({ status: 200, text: 'Sent from a page, answered by a service worker.' });
    expect(result.readBack.status).toBe(200);
    expect(result.readBack.ids).toContain(result.sent.id);
    expect(result.noToken.status).toBe(401);
    expect(typeof result.noToken.body).toBe('string');

    // The service worker controls the page, the API host was never reached, and the static server only gave files.
    expect(result.controlled).toBe(true);
    expect(networkHits).toEqual([]);
    expect(new Set(site.requests)).toEqual(new Set(['/', '/main.js', '/mockServiceWorker.js']));
  }, 90_000);
});

/**
 * The docs page and CORS in a real browser: Debian's Chromium, driven by playwright-core.
 * `.ci/run` installs it (`apt-get install -y chromium`) when /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/express-adapter.js';
import type { MockOptions } from '../../src/options.js';
import { TEST_OPTIONS } from '../support/mock-client.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SCREENSHOT = resolve(import.meta.dirname, '../../test-results/docs.png');

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  status?: number;
  responseHeaders?: Record<string, unknown>;
}

interface Running {
  app: MockServer;
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A mock on a free loopback port that records every request it answers (preflights included). */
async function startRecordedMock(options: Partial<MockOptions> = {}): Promise<Running> {
  const app = createMockServer({ ...TEST_OPTIONS, ...options });
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const entry: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    seen.push(entry);
    res.once('finish', () => {
      entry.status = res.statusCode;
      entry.responseHeaders = res.getHeaders();
    });
    app(req, res);
  });
  const url = await listen(server);
  return { app, url, seen, close: () => new Promise((done) => server.close(() => done())) };
}

/** Another origin: a page that only exists to run fetch() from a different port. */
async function startOtherOrigin(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>frontend</title><p>another origin</p>');
  });
  const url = await listen(server);
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

let mock: Running;
let strict: Running;
let other: Awaited<ReturnType<typeof startOtherOrigin>>;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let token: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get update && apt-get install -y chromium (as .ci/run does)`);
  [mock, strict, other] = await Promise.all([startRecordedMock(), startRecordedMock({ corsOrigin: 'http://frontend.example' }), startOtherOrigin()]);
  token = await mock.app.mock.demoToken();
  userDataDir = mkdtempSync(join(tmpdir(), 'wapikit-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await Promise.all([mock?.close(), strict?.close(), other?.close()]);
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Loads /docs in the page (again, with `reload`; otherwise only when another page is open) until every operation is listed. */
async function openDocs({ reload = false } = {}): Promise<void> {
  if (reload || page.url() !== `${mock.url}/docs`) await page.goto(`${mock.url}/docs`);
  await page.locator('.opblock').nth(89).waitFor({ timeout: 50_000 });
}

describe('/docs in Chromium', () => {
  it('lists every operation of the spec, served without any CDN', async () => {
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(mock.url) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await openDocs({ reload: true });
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(90);
    const block = page.locator('#operations-Conversations-getConversations');
    await expect.poll(() => block.isVisible()).toBe(true);
    expect(await block.innerText()).toContain('List conversations');
    expect(await block.innerText()).toContain('getConversations');
    expect(external).toEqual([]);
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  }, 60_000);

  it('points "Try it out" at this mock first', async () => {
    await openDocs();
    const servers = await page.locator('.servers select option').allTextContents();
    expect(servers[0]).toContain(`${mock.url}/api`);
  }, 60_000);

  it('sends the token from the Authorize dialog as x-access-token', async () => {
    await openDocs();
    await page.locator('.btn.authorize').first().click();
    const dialog = page.locator('.auth-container form').filter({ hasText: 'accessToken (apiKey)' });
    await dialog.locator('input').fill(token);
    await dialog.getByRole('button', { name: 'Apply credentials' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: 'Remove authorization' }).count()).toBe(1);
    await page.locator('.auth-container .btn-done').first().click();

    const op = page.locator('#operations-User-getUser');
    await op.locator('.opblock-summary').click();
    await op.getByRole('button', { name: 'Try it out' }).click();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url() === `${mock.url}/api/user`),
      op.getByRole('button', { name: 'Execute' }).click(),
    ]);
    expect(request.headers()['x-access-token']).toBe(token);
    expect((await request.response())?.status()).toBe(200);
    await expect.poll(() => op.locator('.live-responses-table tbody .response-col_status').first().innerText()).toContain('200');
  }, 60_000);
});

describe('CORS from another origin, as the real server does it', () => {
  it('echoes the origin, allows credentials and lets x-access-token through the preflight', async () => {
    await page.goto(other.url);
    mock.seen.length = 0;
    const result = await page.evaluate(async ({ url, token }) => {
      const r = await fetch(`${url}/api/conversations?page=1&per_page=5`, { headers: { 'x-access-token': token }, credentials: 'include' });
      const body = (await r.json()) as { conversations: unknown[] };
      return { status: r.status, contentType: r.headers.get('content-type'), count: body.conversations.length };
    }, { url: mock.url, token });
    expect(result).toEqual({ status: 200, contentType: 'application/json', count: 5 });

    const preflight = mock.seen.find((s) => s.method === 'OPTIONS');
    expect(preflight, 'the browser sent a preflight').toBeDefined();
    expect(preflight!.headers['access-control-request-headers']).toContain('x-access-token');
    expect(preflight!.status).toBe(204);
    expect(preflight!.responseHeaders).toMatchObject({ 'access-control-allow-origin': other.url, 'access-control-allow-credentials': 'true', 'access-control-max-age': '5' });
    const get = mock.seen.find((s) => s.method === 'GET');
    expect(get!.headers.origin).toBe(other.url);
    expect(get!.responseHeaders).toMatchObject({ 'access-control-allow-origin': other.url, 'access-control-allow-credentials': 'true', vary: 'Origin' });
  });

  it('lets the browser read a 401 body too (CORS headers on errors)', async () => {
    const result = await page.evaluate(async (url) => {
      const r = await fetch(`${url}/api/user`, { credentials: 'include' });
      return { status: r.status, body: (await r.json()) as unknown };
    }, mock.url);
    expect(result).toEqual({ status: 401, body: 'Unauthorized access' });
  });

  it('is blocked by the browser when --cors-origin names another origin', async () => {
    const error = await page.evaluate(async ({ url, token }) => {
      try {
        await fetch(`${url}/api/conversations?page=1&per_page=5`, { headers: { 'x-access-token': token }, credentials: 'include' });
        return 'no error';
      } catch (err) {
        return (err as Error).name;
      }
    }, { url: strict.url, token: await strict.app.mock.demoToken() });
    expect(error).toBe('TypeError');
    expect(strict.seen.some((s) => s.method === 'GET')).toBe(false);
  });
});

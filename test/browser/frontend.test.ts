/**
 * --frontend in a real browser (Debian's Chromium, driven by playwright-core, launched as in docs.test.ts):
 * a small static site of our own (fixtures/frontend: index.html, inbox.html, a script under _next/static that
 * signs in by email and calls /api/user, and 404.html) served on the API's origin, as the real server serves
 * the Wapikit app.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/mock-client.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SITE = resolve(import.meta.dirname, 'fixtures/frontend');

let mock: TestMock;
let context: BrowserContext;
let page: Page;
let userDataDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get update && apt-get install -y chromium (as .ci/run does)`);
  mock = await startMock({ frontendDir: SITE });
  userDataDir = mkdtempSync(join(tmpdir(), 'wapikit-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await mock?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('--frontend in Chromium', () => {
  it('loads the app, which signs in by email and reads /api/user on the same origin; /api/payment/plans is the 404 page', async () => {
    const answers = new Map<string, { status: number; type: string | undefined }>();
    page.on('response', (r) => answers.set(new URL(r.url()).pathname, { status: r.status(), type: r.headers()['content-type'] }));
    const res = await page.goto(`${mock.url}/`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 20_000 }).toBe('signed in 200');
    expect(await page.locator('#user').innerText()).toBe('200 demo@wapikit.test');
    expect(await page.locator('#plans').innerText()).toBe('200 text/html; charset=utf-8');
    expect(answers.get('/_next/static/chunks/app.js')).toEqual({ status: 200, type: expect.stringMatching(/javascript/) });
    expect(answers.get('/_next/static/css/app.css')).toEqual({ status: 200, type: 'text/css; charset=utf-8' });
    expect(answers.get('/api/auth/login')).toEqual({ status: 200, type: 'application/json' });
    expect(answers.get('/api/user')).toEqual({ status: 200, type: 'application/json' });
    expect(answers.get('/api/payment/plans')).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    // The stylesheet applied: the page is rendered from the served files, not just fetched.
    expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toBe('sans-serif');
  }, 60_000);

  it('opens /inbox as inbox.html and an unknown page as 404.html, both with 200', async () => {
    const inbox = await page.goto(`${mock.url}/inbox`);
    expect(inbox?.status()).toBe(200);
    expect(await page.locator('body').getAttribute('data-page')).toBe('inbox');
    expect(await page.title()).toBe('Fixture app: inbox');

    const unknown = await page.goto(`${mock.url}/settings/no-such-page`);
    expect(unknown?.status()).toBe(200);
    expect(unknown?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.locator('body').getAttribute('data-page')).toBe('404');
    expect(await page.content()).toContain('This page could not be found.');
    expect(readFileSync(join(SITE, '404.html'), 'utf8')).toContain('This page could not be found.');
  }, 60_000);
});

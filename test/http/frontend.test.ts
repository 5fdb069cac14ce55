/**
 * `frontendDir` (--frontend): a static frontend build served on the API's origin, as the real single binary
 * serves its Next.js export — files, `/<page>` → `<page>.html`, and any GET without a route (under /api too)
 * answered with 404.html and 200. Nothing outside the folder is ever served.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/http/express-adapter.js';
import { startMock, TEST_OPTIONS, type TestMock } from '../support/mock-client.js';

const FIXTURE = resolve(import.meta.dirname, '../browser/fixtures/frontend');
const SECRET = 'secret-outside-the-frontend-folder';
const page = (name: string) => readFileSync(join(FIXTURE, name), 'utf8');

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path exactly as written: fetch() would resolve `..` before sending it. */
function raw(url: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

let base: string;
let site: string;
let mock: TestMock;
let plain: TestMock;

beforeAll(async () => {
  // The fixture site, copied next to a file it must never give away and with a link pointing out of it.
  base = mkdtempSync(join(tmpdir(), 'wapikit-frontend-'));
  site = join(base, 'out');
  cpSync(FIXTURE, site, { recursive: true });
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(site, '.env'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(base, join(site, 'up'));
  [mock, plain] = await Promise.all([startMock({ frontendDir: site }), startMock()]);
});

afterAll(async () => {
  await Promise.all([mock?.close(), plain?.close()]);
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('the frontend build, served as the server serves it', () => {
  it('serves / as index.html and /<page> as <page>.html, as HTML', async () => {
    for (const [path, file] of [['/', 'index.html'], ['/inbox', 'inbox.html'], ['/inbox.html', 'inbox.html'], ['/index.html', 'index.html']] as const) {
      const res = await fetch(`${mock.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await res.text(), path).toBe(page(file));
    }
  });

  it('serves /_next/* files with the content type of their names', async () => {
    const js = await fetch(`${mock.url}/_next/static/chunks/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(await js.text()).toBe(page('_next/static/chunks/app.js'));
    const css = await fetch(`${mock.url}/_next/static/css/app.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe(page('_next/static/css/app.css'));
  });

  it('answers a GET without a route with 404.html and 200: unknown pages and unknown /api paths alike', async () => {
    for (const path of ['/no/such/page', '/_next/static/missing.js', '/api/payment/plans', '/api/subscription', '/api/no/such/route', '/api']) {
      const res = await fetch(`${mock.url}${path}`, { headers: { 'x-access-token': mock.token } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await res.text(), path).toBe(page('404.html'));
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await raw(mock.url, '/api/payment/plans', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toBe('');
    const index = await raw(mock.url, '/', 'HEAD');
    expect(index.status).toBe(200);
    expect(Number(index.headers['content-length'])).toBe(Buffer.byteLength(page('index.html')));
  });

  it('leaves the API, its 405s and 404s for other methods, /docs and /__mock as they are', async () => {
    const user = await mock.call('GET', '/user');
    expect(user.status).toBe(200);
    expect(user.headers.get('content-type')).toBe('application/json');
    // The path exists with POST only: still the router's 405, not a page.
    const wrongMethod = await fetch(`${mock.url}/api/auth/login`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    // Not a GET: still the router's JSON 404.
    const post = await fetch(`${mock.url}/api/payment/plans`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.text()).toBe(`${JSON.stringify({ message: 'Not Found' })}\n`);
    const postPage = await fetch(`${mock.url}/inbox`, { method: 'POST' });
    expect(postPage.status).toBe(404);
    expect(postPage.headers.get('content-type')).toBe('application/json');
    const docs = await fetch(`${mock.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).not.toBe(page('404.html'));
    const reset = await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const unknownControl = await fetch(`${mock.url}/__mock/nothing`);
    expect(unknownControl.status).toBe(404);
    expect(unknownControl.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('never serves a file outside the folder: .., encoded .., absolute paths, links out, dotfiles', async () => {
    const attempts = [
      '/../secret.txt', '/../../../../etc/passwd', '/_next/../../secret.txt',
      '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%2fsecret.txt', '/%2E%2E/%2E%2E/etc/passwd', '/_next/%2e%2e/%2e%2e/secret.txt',
      '//etc/passwd', `/${join(base, 'secret.txt')}`, `/${encodeURIComponent(join(base, 'secret.txt'))}`, '/..%5csecret.txt',
      '/leak.txt', '/leak', '/up/secret.txt', '/.env', '/%2eenv', '/secret.txt%00.html', '/%ff',
    ];
    for (const path of attempts) {
      const res = await raw(mock.url, path);
      expect(res.body, path).not.toContain(SECRET);
      expect(res.body, path).not.toContain('root:');
      expect(res.status, path).toBe(200);
      expect(res.body, path).toBe(page('404.html'));
    }
  });
});

describe('without a frontend', () => {
  it("keeps the router's JSON 404 for unknown paths, under /api and elsewhere", async () => {
    for (const path of ['/', '/inbox', '/_next/static/chunks/app.js', '/api/payment/plans']) {
      const res = await fetch(`${plain.url}${path}`, { headers: { 'x-access-token': plain.token } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe('application/json');
      expect(await res.text(), path).toBe(`${JSON.stringify({ message: 'Not Found' })}\n`);
    }
  });
});

describe('a frontend folder that cannot be served', () => {
  it('is refused when the server is built, naming the folder and what is wrong', () => {
    const missing = join(tmpdir(), 'wapikit-no-such-frontend');
    expect(() => createMockServer({ ...TEST_OPTIONS, frontendDir: missing })).toThrow(TypeError);
    expect(() => createMockServer({ ...TEST_OPTIONS, frontendDir: missing })).toThrow(/does not exist/);
    const empty = mkdtempSync(join(tmpdir(), 'wapikit-empty-frontend-'));
    try {
      expect(() => createMockServer({ ...TEST_OPTIONS, frontendDir: empty })).toThrow(/has no index\.html/);
      mkdirSync(join(empty, 'index.html'));
      expect(() => createMockServer({ ...TEST_OPTIONS, frontendDir: empty })).toThrow(/has no index\.html/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(() => createMockServer({ ...TEST_OPTIONS, frontendDir: join(FIXTURE, 'index.html') })).toThrow(/is not a folder/);
  });
});

/**
 * A --base-url with the wrong base path: Prism (`prism mock`) serves the spec at the root, a Wapikit server and
 * this mock under /api. The kit notices from its first request and stops with exit code 2 and the right URL,
 * instead of reporting every operation as a 404.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContractCli } from '../../src/contract/cli.js';
import { runContract, SetupError } from '../../src/contract/run-contract.js';
import { startInProcessMock, type InProcessTarget } from '../../src/cli/in-process-mock.js';

/** Answers only `GET /health-check` at the root, as Prism does; anything else gets Prism's 404 problem JSON. */
function rootOnlyServer(answersHealth: boolean): Promise<{ url: string; paths: string[]; server: Server }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    if (answersHealth && req.method === 'GET' && req.url === '/health-check') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":true}');
      return;
    }
    res.writeHead(404, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR', title: 'Route not resolved, no path matched', status: 404, detail: `The route ${req.url} hasn't been found in the specification file` }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, server })));
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

let prismLike: Awaited<ReturnType<typeof rootOnlyServer>>;
let nothing: Awaited<ReturnType<typeof rootOnlyServer>>;
let mock: InProcessTarget;

beforeAll(async () => {
  [prismLike, nothing, mock] = await Promise.all([rootOnlyServer(true), rootOnlyServer(false), startInProcessMock({ token: 'base-path-test-token' })]);
});

afterAll(async () => {
  await Promise.all([close(prismLike.server), close(nothing.server), mock.close()]);
});

describe('a --base-url with the wrong base path', () => {
  it('against a target serving at the root, /api is named as the mistake and the root suggested', async () => {
    const run = runContract({ baseUrl: `${prismLike.url}/api`, anonymous: true });
    await expect(run).rejects.toThrow(SetupError);
    await expect(run).rejects.toThrow(`give --base-url ${prismLike.url} instead`);
    await expect(run).rejects.toThrow(/GET \/health-check answered 404/);
  });

  it('a trailing slash after /api is the same mistake', async () => {
    await expect(runContract({ baseUrl: `${prismLike.url}/api/`, anonymous: true })).rejects.toThrow(`give --base-url ${prismLike.url} instead`);
  });

  it('against a target serving under /api, the missing /api is suggested', async () => {
    const root = mock.baseUrl.replace(/\/api$/, '');
    await expect(runContract({ baseUrl: root, token: 'base-path-test-token' })).rejects.toThrow(`give --base-url ${root}/api instead`);
  });

  it('against a server that answers unknown paths with its web app (200 text/html), the missing /api is suggested', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/api/health-check') res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":true}');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>404</title>');
    });
    const url = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
    try {
      await expect(runContract({ baseUrl: url, anonymous: true })).rejects.toThrow(`GET /health-check answered 200 (<!doctype html><title>404</title>) under --base-url ${url}, but the target answers at ${url}/api`);
    } finally {
      await close(server);
    }
  });

  it('the CLI stops with exit code 2 and says so on stderr, before checking any operation', async () => {
    let out = '';
    let err = '';
    prismLike.paths.length = 0;
    const code = await runContractCli(['--base-url', `${prismLike.url}/api`, '--anonymous'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {} });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/prism mock/);
    expect(err).toContain(`--base-url ${prismLike.url} instead`);
    expect(prismLike.paths).toEqual(['/api/health-check', '/health-check']);
  });

  it('a target that answers 404 at both places is not second-guessed: the run goes on and reports it', async () => {
    const report = await runContract({ baseUrl: `${nothing.url}/api`, anonymous: true, only: ['getHealthCheck'] });
    expect(report.operations.find((o) => o.operationId === 'getHealthCheck')!.outcome).toBe('fail');
  });

  it('the right base URL is used as given', async () => {
    const report = await runContract({ baseUrl: prismLike.url, anonymous: true, only: ['getHealthCheck'] });
    expect(report.operations.find((o) => o.operationId === 'getHealthCheck')!.outcome).toBe('pass');
  });
});

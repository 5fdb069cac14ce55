import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Server } from 'node:http';
import { createMockServer, type MockServer } from '../../src/http/express-adapter.js';
import type { MockOptions } from '../../src/options.js';
import { createValidators, listOperations, loadSpec, type OperationInfo } from '../../src/spec/index.js';
import { routeMatcher } from '../../src/pipeline/match-route.js';

const doc = loadSpec();
const validators = createValidators(doc);
const matchRoute = routeMatcher(listOperations(doc));

/** The test world: small, fixed seed and time, strict about its own responses. */
export const TEST_OPTIONS: Partial<MockOptions> = { seed: 7, now: '2026-11-24T12:00:00.000Z', size: 60, strictResponses: true };

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  op: OperationInfo | undefined;
}

export interface TestMock {
  app: MockServer;
  url: string;
  token: string;
  // Tests name the body type they read when it matters; by default a body is untyped JSON, already
  // checked against the spec's schema for its operation and status before any test sees it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(method: string, path: string, init?: { body?: unknown; token?: string | null; headers?: Record<string, string>; rawBody?: RequestInit['body'] }): Promise<CallResult<T>>;
  close(): Promise<void>;
}

/** The operation a request goes to, by method and path (relative to /api): the router's own matcher decides. */
export function operationFor(method: string, path: string): OperationInfo | undefined {
  return matchRoute(method, path.split('?')[0]!);
}

/**
 * Starts a mock on a free loopback port. Every JSON response that goes through `call` is checked
 * against the spec for its operation and status here, in one place, so no test can forget it.
 */
export async function startMock(options: Partial<MockOptions> = {}): Promise<TestMock> {
  const app = createMockServer({ ...TEST_OPTIONS, ...options });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = await app.mock.demoToken();
  return {
    app,
    url,
    token,
    async call(method, path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      const auth = init.token === undefined ? token : init.token;
      if (auth) headers['x-access-token'] = auth;
      let body: RequestInit['body'] | undefined = init.rawBody;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${url}/api${path}`, { method, headers, body });
      const text = await res.text();
      const contentType = res.headers.get('content-type') ?? '';
      const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
      const op = operationFor(method, path);
      if (op && contentType.includes('json')) {
        const problems = validators.response(op, res.status, contentType, parsed);
        if (problems.length) throw new Error(`${method} ${path} → ${res.status} breaks the spec: ${problems.map((p) => p.message).join('; ')}`);
      }
      return { status: res.status, headers: res.headers, body: parsed, text, op };
    },
    close: () =>
      new Promise((resolve, reject) => {
        app.mock.close(); // background work, and the state file's lock
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export interface UseMockSettings {
  /**
   * Keep one state for the whole file instead of a fresh seeded world before each test. Only for a file
   * whose tests are steps of one story; say why where it is used.
   */
  shared?: boolean;
}

/**
 * One mock for a whole test file: started before the first test, closed after the last, and put back to
 * the seeded world before every test (unless `shared`), so no test sees what an earlier one wrote. The
 * handle it returns reaches the running mock, so it is used inside tests and hooks only.
 */
export function useMock(options: Partial<MockOptions> = {}, { shared = false }: UseMockSettings = {}): TestMock {
  let current: TestMock | undefined;
  const running = (): TestMock => {
    if (!current) throw new Error('useMock: the mock starts in beforeAll; use it inside tests and hooks');
    return current;
  };
  beforeAll(async () => {
    current = await startMock(options);
  });
  if (!shared) beforeEach(() => running().app.mock.reset());
  afterAll(() => current?.close());
  return {
    get app() {
      return running().app;
    },
    get url() {
      return running().url;
    },
    get token() {
      return running().token;
    },
    call: (method, path, init) => running().call(method, path, init),
    close: () => running().close(),
  };
}

/**
 * `wapikit-mock/msw`: the stateful Wapikit mock as Mock Service Worker request handlers, for the browser
 * (`setupWorker`: Storybook, a dev build, Playwright) and for test runners (`setupServer` in vitest or jest).
 * No server process: every request under `baseUrl` is answered by the fetch adapter (src/fetch.ts), the same
 * pipeline the Express server runs, so the same seed and calls give the same bytes.
 *
 *   import { setupServer } from 'msw/node';
 *   import { createWapikitHandlers } from 'wapikit-mock/msw';
 *
 *   const { handlers, mock } = createWapikitHandlers({ baseUrl: 'https://wapikit.example.test/api', seed: 1 });
 *   const server = setupServer(...handlers);
 *
 * msw (2.x or 3.x) is a peer dependency: install it next to wapikit-mock.
 */
import { http, type HttpHandler } from 'msw';
import { createMockFetch, type MockFetchSetup } from './fetch.js';
import type { MockControls } from './mock-runtime.js';
import type { MockOptions } from './options.js';

export interface WapikitHandlersOptions extends Partial<Omit<MockOptions, 'basePath' | 'stateFile' | 'specPath'>> {
  /**
   * Where the app under test finds the API, e.g. `https://wapikit.example.test/api`: every request under it is
   * answered by the mock, and its path is the mock's base path. A path alone (`/api`) means the page's own
   * origin in a browser and any origin where there is no page (Node). Defaults to `/api`.
   */
  baseUrl?: string;
  /** The OpenAPI document to serve, already parsed; the bundled one by default. */
  doc?: MockFetchSetup['doc'];
}

export interface WapikitHandlers {
  /** Pass them to `setupServer(...handlers)` or `setupWorker(...handlers)` (or `server.use(...handlers)`). */
  handlers: HttpHandler[];
  /** The running mock: `reset()` between tests, `exportState()`/`importState()`, `demoToken()`, `close()`. */
  mock: MockControls;
  /** The mock as a plain fetch handler, for calls that should not go through MSW. */
  fetch: (request: Request) => Promise<Response>;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The base URL split into the origin it is bound to (undefined: any) and the mock's base path (no trailing slash). */
export function parseBaseUrl(baseUrl: string): { origin: string | undefined; basePath: string } {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  const resolvable = ABSOLUTE_URL.test(baseUrl) || page !== undefined;
  let url: URL;
  try {
    url = new URL(baseUrl, ABSOLUTE_URL.test(baseUrl) ? undefined : (page ?? 'http://any.invalid'));
  } catch {
    throw new TypeError(`baseUrl must be an absolute URL or a path (got '${baseUrl}')`);
  }
  if (url.search || url.hash) throw new TypeError(`baseUrl must not have a query or a fragment (got '${baseUrl}')`);
  return { origin: resolvable ? url.origin : undefined, basePath: url.pathname.replace(/\/+$/, '') };
}

/**
 * Every URL under the base: the base itself and anything below it (MSW matches without the query string).
 * Request URLs arrive normalised (lower-case scheme and host), as `URL#origin` gives ours; paths are case-sensitive.
 */
function urlPattern(origin: string | undefined, basePath: string): RegExp {
  const originPart = origin === undefined ? '[a-z][a-z0-9+.-]*://[^/]+' : escapeRegExp(origin);
  return new RegExp(`^${originPart}${escapeRegExp(basePath)}(?:/.*)?$`);
}

/** MSW handlers answering every request under `baseUrl` from one stateful mock, and that mock's controls. */
export function createWapikitHandlers(options: WapikitHandlersOptions = {}): WapikitHandlers {
  const { baseUrl = '/api', doc, ...mockOptions } = options;
  const { origin, basePath } = parseBaseUrl(baseUrl);
  const mockFetch = createMockFetch({ ...mockOptions, basePath }, doc === undefined ? {} : { doc });
  const handlers = [http.all(urlPattern(origin, basePath), ({ request }) => mockFetch(request))];
  return { handlers, mock: mockFetch.mock, fetch: mockFetch };
}

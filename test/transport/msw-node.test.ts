/**
 * The MSW entry under `setupServer` (msw/node): the app's own `fetch` calls to https://wapikit.example.test/api
 * are answered by `createWapikitHandlers`, with no server process. Each request is also sent to the Express
 * server started with the same seed, `now` and size, in the same order, and the two answers must be the same
 * bytes. The one expected difference is the origin inside media links (each adapter builds them from the
 * request's own origin), so the Express origin is swapped for the MSW one before comparing.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWapikitHandlers, parseBaseUrl, type WapikitHandlers } from '../../src/msw.js';
import { DEMO_ACCOUNT } from '../../src/world/demo-accounts.js';
import { startMock, TEST_OPTIONS, type TestMock } from '../support/mock-client.js';
import { connectEvents } from '../support/sse-client.js';

const ORIGIN = 'https://wapikit.example.test';

let express: TestMock;
let wapikit: WapikitHandlers;
let server: ReturnType<typeof setupServer>;
let token: string;

beforeAll(async () => {
  express = await startMock(TEST_OPTIONS);
  wapikit = createWapikitHandlers({ ...TEST_OPTIONS, baseUrl: `${ORIGIN}/api` });
  token = await wapikit.mock.demoToken();
  server = setupServer(...wapikit.handlers);
  // Requests to the Express server pass through; anything else not handled is a test bug.
  server.listen({ onUnhandledRequest: (request, print) => (request.url.startsWith(express.url) ? undefined : print.error()) });
});

// Both mocks start every test from the seeded world (and a fresh clock), so they stay in step.
beforeEach(() => {
  express.app.mock.reset();
  wapikit.mock.reset();
});

afterAll(async () => {
  server?.close();
  wapikit?.mock.close();
  await express?.close();
});

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

/** What one adapter answered: status, content type and the body as bytes (as latin1 text, for readable diffs). */
async function answer(res: Response): Promise<Answer> {
  return { status: res.status, contentType: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()).toString('latin1') };
}

type Init = { body?: unknown; form?: () => FormData; token?: string | null; headers?: Record<string, string>; rawBody?: string };

function requestInit(method: string, init: Init, auth: string): RequestInit {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const t = init.token === undefined ? auth : init.token;
  if (t) headers['x-access-token'] = t;
  let body: RequestInit['body'] = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  if (init.form) body = init.form();
  return { method, headers, body };
}

/**
 * Sends the same request to Express, then through MSW, and checks the answers are the same bytes. Returns the
 * MSW answer's parsed body (JSON when it is JSON).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function both(method: string, path: string, init: Init = {}): Promise<{ status: number; json: any; raw: Answer }> {
  const viaExpress = await answer(await fetch(`${express.url}/api${path}`, requestInit(method, init, express.token)));
  const viaMsw = await answer(await fetch(`${ORIGIN}/api${path}`, requestInit(method, init, token)));
  expect(viaMsw, `${method} ${path}`).toEqual({ ...viaExpress, body: viaExpress.body.replaceAll(express.url, ORIGIN) });
  const json = viaMsw.contentType?.includes('json') && viaMsw.body ? JSON.parse(Buffer.from(viaMsw.body, 'latin1').toString('utf8')) : undefined;
  return { status: viaMsw.status, json, raw: viaMsw };
}

/** A JSON call through MSW only. */
async function viaMsw<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-access-token': token };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${ORIGIN}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as T;
}

interface Message {
  uniqueId: string;
  messageData: { text?: string };
}

const firstConversationId = async () => (await viaMsw<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1')).conversations[0]!.uniqueId;

describe('createWapikitHandlers under setupServer (msw/node)', () => {
  it('mints the same demo token as the Express server for the same seed and now', () => {
    expect(token).toBe(express.token);
  });

  it('signs in with the demo account, byte for byte as Express does', async () => {
    const login = await both('POST', '/auth/login', { body: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password }, token: null });
    expect(login.status).toBe(200);
    expect(login.json.token).toEqual(expect.any(String));
    const wrong = await both('POST', '/auth/login', { body: { username: DEMO_ACCOUNT.username, password: 'nope' }, token: null });
    expect(wrong).toMatchObject({ status: 404, json: 'Invalid email / password' });
  });

  it('lists and reads conversations, contacts, campaigns, members and analytics identically', async () => {
    const list = await both('GET', '/conversations?page=1&per_page=10');
    expect(list.status).toBe(200);
    expect(list.json.conversations).toHaveLength(10);
    const id = list.json.conversations[2].uniqueId as string;
    expect((await both('GET', `/conversation/${id}`)).status).toBe(200);
    expect((await both('GET', `/conversation/${id}/messages?page=1&per_page=20`)).status).toBe(200);
    for (const path of ['/contacts?page=1&per_page=5', '/campaigns?page=1&per_page=5', '/organization/members?page=1&per_page=5', '/analytics/aggregate-counts?from=2026-10-01T00:00:00Z&to=2026-11-24T00:00:00Z', '/organization/tags?page=1&per_page=5', '/user']) {
      expect((await both('GET', path)).status, path).toBe(200);
    }
  });

  it('sends a message and reads it back, with the same ids and times as Express', async () => {
    const id = (await both('GET', '/conversations?page=1&per_page=1')).json.conversations[0].uniqueId as string;
    const sent = await both('POST', `/conversation/${id}/messages`, {
      body: { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Text', text: 'Your order ships today.' } },
    });
    expect(sent.status).toBe(200);
    const back = await both('GET', `/conversation/${id}/messages?page=1&per_page=5`);
    expect(back.json.messages.map((m: { uniqueId: string }) => m.uniqueId)).toContain(sent.json.message.uniqueId);
  });

  it('uploads a file as multipart (FormData on the fetch side, busboy on Express) and serves the same bytes back', async () => {
    const id = (await both('GET', '/conversations?page=1&per_page=2')).json.conversations[1].uniqueId as string;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([png], { type: 'image/png' }), 'parcel.png');
      return f;
    };
    const up = await both('POST', `/conversation/${id}/upload`, { form });
    expect(up.status).toBe(200);
    expect(up.json.mediaUrl).toMatch(new RegExp(`^${ORIGIN}/api/conversation/`));
    const media = await both('GET', up.json.mediaUrl.slice(`${ORIGIN}/api`.length));
    expect(media.raw).toMatchObject({ status: 200, contentType: 'image/png', body: png.toString('latin1') });
  });

  it('imports contacts from a CSV file with a BOM identically', async () => {
    const csv = '\ufeffname,phone,attributes\nAda Lovelace,+442079460018,{}\nbad row\n';
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([csv], { type: 'text/csv' }), 'contacts.csv');
      return f;
    };
    const imported = await both('POST', '/contacts/bulk-import', { form });
    expect(imported.status).toBe(200);
    expect(imported.json.message).toMatch(/line 3/);
    const newest = await both('GET', '/contacts?page=1&per_page=5&order=desc');
    expect(newest.json.contacts.map((c: { name: string }) => c.name)).toContain('Ada Lovelace');
  });

  it('gives the same 4xx answers: no token, a bad query, an unknown id, malformed JSON, an unknown route, Prefer', async () => {
    expect((await both('GET', '/conversations?page=1&per_page=10', { token: null })).status).toBe(401);
    const bad = await both('GET', '/conversations?page=1&per_page=51');
    expect(bad).toMatchObject({ status: 400, json: "query parameter 'per_page' must be at most 50 (got 51)" });
    expect((await both('GET', '/conversation/6f1d2c3b-4a59-4e68-8f77-a1b2c3d4e5f6')).status).toBe(404);
    const id = (await both('GET', '/conversations?page=1&per_page=1')).json.conversations[0].uniqueId as string;
    const malformed = await both('POST', `/conversation/${id}/messages`, { rawBody: '{"createdAt":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect((await both('GET', '/no-such-route')).status).toBe(404);
    expect((await both('GET', '/conversations?page=1&per_page=10', { headers: { prefer: 'code=429' } })).status).toBe(429);
  });

  it('streams /events through MSW: connected, then the NewMessage of a message sent afterwards', async () => {
    const stream = await connectEvents(ORIGIN, token);
    try {
      expect(stream.res.headers.get('content-type')).toBe('text/event-stream');
      expect(await stream.next()).toEqual({ event: 'connected', data: 'OK' });
      const sent = await viaMsw<{ message: Message }>('POST', `/conversation/${await firstConversationId()}/messages`, {
        createdAt: '2026-11-24T12:00:00Z',
        messageData: { messageType: 'Text', text: 'Streamed through MSW.' },
      });
      const { event, payload } = await stream.nextPayload();
      expect(event).toBe('NewMessage');
      expect(payload.message).toEqual(sent.message);
    } finally {
      stream.close();
    }
  });

  it('forgets every write on mock.reset()', async () => {
    const id = await firstConversationId();
    const text = 'Forgotten on reset.';
    await viaMsw('POST', `/conversation/${id}/messages`, { createdAt: '2026-11-24T12:00:00Z', messageData: { messageType: 'Text', text } });
    const texts = async () => (await viaMsw<{ messages: Message[] }>('GET', `/conversation/${id}/messages?page=1&per_page=50`)).messages.map((m) => m.messageData.text);
    expect(await texts()).toContain(text);
    wapikit.mock.reset();
    expect(await texts()).not.toContain(text);
  });

  it('leaves requests outside baseUrl alone', async () => {
    // Another origin, and the same origin outside the base path: no handler of ours matches them.
    const request = (url: string) => new Request(url);
    const [handler] = wapikit.handlers;
    for (const url of [`https://elsewhere.example.test/api/conversations`, `${ORIGIN}/apix/conversations`, `${ORIGIN}/health`, `${ORIGIN}/API/user`, `http://wapikit.example.test/api/user`]) {
      expect(await handler!.test({ request: request(url) }), url).toBe(false);
    }
    for (const url of [`${ORIGIN}/api`, `${ORIGIN}/api/`, `${ORIGIN}/api/conversations?page=1`, `${ORIGIN.toUpperCase()}/api/user`]) {
      expect(await handler!.test({ request: request(url) }), url).toBe(true);
    }
  });
});

describe('parseBaseUrl', () => {
  it('takes the origin and the base path from an absolute URL, without a trailing slash', () => {
    expect(parseBaseUrl('https://wapikit.example.test/api/')).toEqual({ origin: 'https://wapikit.example.test', basePath: '/api' });
    expect(parseBaseUrl('http://localhost:8080/v1/api')).toEqual({ origin: 'http://localhost:8080', basePath: '/v1/api' });
    expect(parseBaseUrl('https://api.example.test')).toEqual({ origin: 'https://api.example.test', basePath: '' });
  });

  it('binds a bare path to no origin where there is no page (Node)', () => {
    expect(parseBaseUrl('/api')).toEqual({ origin: undefined, basePath: '/api' });
  });

  it('refuses a query or a fragment', () => {
    expect(() => parseBaseUrl('https://wapikit.example.test/api?x=1')).toThrow(/must not have a query/);
  });
});

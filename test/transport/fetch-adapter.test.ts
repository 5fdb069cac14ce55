/**
 * One pipeline, two transports: the same requests, in the same order, through the Express server (over
 * loopback) and through createMockFetch (no socket) answer the same statuses and the same body bytes, for
 * the same seed, `now` and clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockFetch, type MockFetch } from '../../src/fetch.js';
import { startMock, TEST_OPTIONS, type TestMock } from '../support/mock-client.js';

let server: TestMock;
let mockFetch: MockFetch;
let fetchToken: string;

interface Answer {
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  text: string;
}

interface Sent {
  method?: string;
  headers?: Record<string, string>;
  /** JSON, sent with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (a FormData gets its multipart content type from the runtime). */
  raw?: string | FormData;
  /** Leave out the token. */
  anonymous?: boolean;
}

async function answerOf(res: Response): Promise<Answer> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, contentType: res.headers.get('content-type'), bytes, text: new TextDecoder().decode(bytes) };
}

function init(sent: Sent, token: string): RequestInit {
  const headers: Record<string, string> = { ...(sent.headers ?? {}) };
  if (!sent.anonymous) headers['x-access-token'] = token;
  let body: RequestInit['body'] = sent.raw;
  if (sent.json !== undefined) {
    body = JSON.stringify(sent.json);
    headers['content-type'] = 'application/json';
  }
  return { method: sent.method ?? 'GET', headers, body };
}

/** The request through both adapters; the fetch adapter sees the same URL (so media links share an origin). */
async function both(path: string, sent: Sent = {}): Promise<{ express: Answer; fetch: Answer }> {
  const url = `${server.url}/api${path}`;
  const express = await answerOf(await fetch(url, init(sent, server.token)));
  const viaFetch = await answerOf(await mockFetch(new Request(url, init(sent, fetchToken))));
  return { express, fetch: viaFetch };
}

/** Both adapters' answers, checked equal byte for byte; the Express one is returned. */
async function same(path: string, sent: Sent = {}): Promise<Answer> {
  const r = await both(path, sent);
  expect(r.fetch.status).toBe(r.express.status);
  expect(r.fetch.contentType).toBe(r.express.contentType);
  expect(r.fetch.text).toBe(r.express.text);
  expect(r.fetch.bytes).toEqual(r.express.bytes);
  return r.express;
}

beforeAll(async () => {
  server = await startMock();
  mockFetch = createMockFetch({ ...TEST_OPTIONS });
  fetchToken = await mockFetch.mock.demoToken();
});

afterAll(async () => {
  mockFetch?.mock.close();
  await server?.close();
});

describe('createMockFetch', () => {
  it('mints the same demo token as the Express mock', () => {
    expect(fetchToken).toBe(server.token);
  });

  it('answers reads, a write read back, and errors byte for byte as the Express adapter does', async () => {
    const list = await same('/conversations?page=1&per_page=10');
    expect(list.status).toBe(200);
    const conversations = (JSON.parse(list.text) as { conversations: Array<{ uniqueId: string }> }).conversations;
    expect(conversations.length).toBe(10);
    const id = conversations[0]!.uniqueId;

    // A detail holds whole threads, media links (built from the request's origin) included.
    for (const c of conversations) expect((await same(`/conversation/${c.uniqueId}`)).status).toBe(200);

    const sent = await same(`/conversation/${id}/messages`, {
      method: 'POST',
      json: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'Your order ships today.' } },
    });
    expect(sent.status).toBe(200);
    const messageId = (JSON.parse(sent.text) as { message: { uniqueId: string } }).message.uniqueId;
    const thread = await same(`/conversation/${id}/messages?page=1&per_page=50`);
    expect(thread.text).toContain(messageId);

    // 400: a body that breaks the schema; and one that is not JSON at all.
    const invalid = await same(`/conversation/${id}/messages`, { method: 'POST', json: { messageData: { messageType: 'Text' } } });
    expect(invalid.status).toBe(400);
    const notJson = await same(`/conversation/${id}/messages`, { method: 'POST', raw: '{"messageData":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text)).toMatch(/^request body is not valid JSON: /);

    // 401 without a token, 404 for an unknown conversation, 404 / 405 for unrouted paths.
    expect((await same('/conversations', { anonymous: true })).status).toBe(401);
    expect((await same('/conversation/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await same('/no/such/route')).status).toBe(404);
    expect((await same('/conversations', { method: 'DELETE' })).status).toBe(405);
    expect((await same('/conversation/%ff')).status).toBe(400);

    // A mock control: the documented example of another status.
    const preferred = await same('/conversations', { headers: { prefer: 'code=429' } });
    expect(preferred.status).toBe(429);
    expect((await same('/conversations', { headers: { prefer: 'code=42' } })).status).toBe(400);
  });

  it('answers 404 outside the base path, as the Express app does', async () => {
    const res = await mockFetch(new Request(`${server.url}/elsewhere`));
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(`${JSON.stringify({ message: 'Not Found' })}\n`);
  });

  it('takes an upload as FormData and serves its bytes back', async () => {
    const list = JSON.parse((await answerOf(await mockFetch(new Request(`${server.url}/api/conversations?page=1&per_page=1`, init({}, fetchToken))))).text) as {
      conversations: Array<{ uniqueId: string }>;
    };
    const id = list.conversations[0]!.uniqueId;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'parcel.png');
    const up = await answerOf(await mockFetch(new Request(`${server.url}/api/conversation/${id}/upload`, { ...init({}, fetchToken), method: 'POST', body: form })));
    expect(up.status).toBe(200);
    const { mediaUrl } = JSON.parse(up.text) as { mediaId: string; mediaUrl: string };
    expect(mediaUrl.startsWith(`${server.url}/api/conversation/${id}/media/`)).toBe(true);
    const file = await mockFetch(new Request(mediaUrl, init({}, fetchToken)));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);

    // A text field where the file belongs is the same 400 as over HTTP.
    const wrong = new FormData();
    wrong.append('file', 'not a file');
    const r = await both(`/conversation/${id}/upload`, { method: 'POST', raw: wrong });
    expect(r.fetch.status).toBe(400);
    expect(r.fetch.text).toBe(r.express.text);
  });

  it('streams /events and ends the stream with ReloadRequired on reset', async () => {
    const res = await mockFetch(new Request(`${server.url}/api/events?token=${fetchToken}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('event: connected\ndata: OK\n\n');
    mockFetch.mock.reset();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest.startsWith('event: ReloadRequired\n')).toBe(true);
    const refused = await mockFetch(new Request(`${server.url}/api/events?token=nope`));
    expect(refused.status).toBe(401);
    expect(await refused.text()).toBe('event: error\ndata: Authorization failed\n\n');
  });

  it('exports and imports state through its controls, as /__mock/state does', async () => {
    const id = (JSON.parse((await answerOf(await mockFetch(new Request(`${server.url}/api/conversations?page=1&per_page=1`, init({}, fetchToken))))).text) as {
      conversations: Array<{ uniqueId: string }>;
    }).conversations[0]!.uniqueId;
    await mockFetch(new Request(`${server.url}/api/conversation/${id}`, { ...init({ json: { status: 'Closed' } }, fetchToken), method: 'POST' }));
    const snapshot = mockFetch.mock.exportState();
    const detail = async () => (await answerOf(await mockFetch(new Request(`${server.url}/api/conversation/${id}`, init({}, fetchToken))))).text;
    const written = await detail();
    mockFetch.mock.reset();
    expect(await detail()).not.toBe(written);
    mockFetch.mock.importState(snapshot);
    expect(await detail()).toBe(written);
    expect(() => mockFetch.mock.importState({ nonsense: true })).toThrow();
    expect(await detail()).toBe(written);
  });
});

describe('media links', () => {
  it('are built from the request origin and the configured base path, and serve their bytes', async () => {
    const base = 'https://wapikit.example.test/wapikit/v1';
    const other = createMockFetch({ ...TEST_OPTIONS, basePath: '/wapikit/v1' });
    try {
      const token = await other.mock.demoToken();
      const get = async (url: string) => other(new Request(url, { headers: { 'x-access-token': token } }));
      const list = (await (await get(`${base}/conversations?page=1&per_page=50`)).json()) as { conversations: Array<{ uniqueId: string }> };
      let link: string | undefined;
      for (const c of list.conversations) {
        const detail = (await (await get(`${base}/conversation/${c.uniqueId}`)).json()) as { conversation: { messages: Array<{ messageData: { link?: string } }> } };
        link = detail.conversation.messages.find((m) => typeof m.messageData.link === 'string')?.messageData.link;
        if (link) break;
      }
      expect(link).toMatch(new RegExp(`^${base}/conversation/[^/]+/media/[^/]+$`));
      const file = await get(link!);
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(20);
    } finally {
      other.mock.close();
    }
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/http/express-adapter.js';
import { startMock, TEST_OPTIONS, type TestMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type Conv = Schemas['ConversationSchema'];
type SentMessage = Schemas['SendMessageInConversationResponseSchema'];
interface Snapshot {
  format: string;
  version: number;
  world: { seed: number; now: string; size: number };
  idEpoch: number;
  collections: Record<string, Array<[string, Record<string, unknown> | Array<Record<string, unknown>>]>>;
}

const controls = (m: TestMock, method: string, path: string, body?: string) =>
  fetch(`${m.url}/__mock${path}`, { method, body, headers: body === undefined ? {} : { 'content-type': 'application/json' } });

/** A response body with the server's own origin (in media links) replaced, to compare two servers. */
const portable = (m: TestMock, body: unknown) => JSON.parse(JSON.stringify(body).replaceAll(m.url, 'ORIGIN')) as unknown;

const exportState = async (m: TestMock) => (await controls(m, 'GET', '/state')).text();

async function firstConversation(m: TestMock): Promise<Conv> {
  return (await m.call<{ conversations: Conv[] }>('GET', '/conversations?page=1&per_page=5')).body.conversations[0]!;
}

async function send(m: TestMock, conversationId: string, text: string): Promise<SentMessage['message']> {
  const r = await m.call<SentMessage>('POST', `/conversation/${conversationId}/messages`, {
    body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text } },
  });
  expect(r.status).toBe(200);
  return r.body.message;
}

/** A few writes of different kinds: a message, a status change, a new tag. */
async function writeSome(m: TestMock): Promise<{ conv: Conv; message: SentMessage['message'] }> {
  const conv = await firstConversation(m);
  const message = await send(m, conv.uniqueId, 'Your order left the warehouse.');
  expect((await m.call('POST', `/conversation/${conv.uniqueId}`, { body: { status: 'Closed' } })).status).toBe(200);
  expect((await m.call('POST', '/organization/tags', { body: { label: 'Snapshot test' } })).status).toBe(200);
  return { conv, message };
}

describe('POST /__mock/reset', () => {
  let m: TestMock;
  beforeAll(async () => {
    m = await startMock();
  });
  afterAll(() => m.close());

  it('forgets every write: the state is the seeded world again, byte for byte', async () => {
    const seeded = await exportState(m);
    await writeSome(m);
    expect(await exportState(m)).not.toBe(seeded);
    const r = await controls(m, 'POST', '/reset');
    expect(r.status).toBe(200);
    expect(((await r.json()) as { message: string }).message).toBe('state reset to the generated world (seed 7, now 2026-11-24T12:00:00.000Z, size 60)');
    expect(await exportState(m)).toBe(seeded);
  });

  it('keeps tokens of seeded users working after a reset', async () => {
    await controls(m, 'POST', '/reset');
    expect((await m.call('GET', '/user')).status).toBe(200);
  });

  it.each([
    ['GET /__mock/reset', 'GET', '/reset', 'POST'],
    ['DELETE /__mock/state', 'DELETE', '/state', 'GET, PUT'],
  ])('answers %s with 405 and Allow', async (_name, method, path, allow) => {
    const r = await controls(m, method, path);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe(allow);
  });
});

describe('GET and PUT /__mock/state', () => {
  let a: TestMock;
  let b: TestMock;
  beforeAll(async () => {
    [a, b] = await Promise.all([startMock(), startMock()]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('exports a snapshot of every collection, without the threads nobody wrote to', async () => {
    await controls(a, 'POST', '/reset');
    const { conv } = await writeSome(a);
    const snap = JSON.parse(await exportState(a)) as Snapshot;
    expect(snap).toMatchObject({ format: 'wapikit-mock/state', version: 1, world: { seed: 7, now: '2026-11-24T12:00:00.000Z', size: 60 }, idEpoch: 0 });
    for (const name of ['users', 'contacts', 'conversations', 'campaigns', 'tags', 'ownThreads', 'uploads']) expect(snap.collections, name).toHaveProperty(name);
    expect(snap.collections.ownThreads!.map(([id]) => id)).toEqual([conv.uniqueId]);
    for (const index of ['byOrgStatus', 'byContact', 'byCampaign', 'messageIndex']) expect(snap.collections).not.toHaveProperty(index);
  });

  it('round-trips: another server with the same world answers the same after the import', async () => {
    await controls(a, 'POST', '/reset');
    const { conv, message } = await writeSome(a);
    const exported = await exportState(a);
    const put = await controls(b, 'PUT', '/state', exported);
    expect(put.status).toBe(200);
    expect(((await put.json()) as { message: string }).message).toBe('state imported');

    const inA = await a.call('GET', `/conversation/${conv.uniqueId}`);
    const inB = await b.call('GET', `/conversation/${conv.uniqueId}`);
    expect(portable(b, inB.body)).toEqual(portable(a, inA.body));
    expect(JSON.stringify(inB.body)).toContain(message.uniqueId);
    const tags = await b.call<{ tags: Array<{ label: string }> }>('GET', '/organization/tags?page=1&per_page=50');
    expect(tags.body.tags.map((t) => t.label)).toContain('Snapshot test');

    const again = JSON.parse(await exportState(b)) as Snapshot;
    expect({ ...again, idEpoch: 0 }).toEqual(JSON.parse(exported));
    expect(again.idEpoch).toBe(1);
  });

  it('mints new ids after an import: a message sent there does not reuse an id sent before the export', async () => {
    await controls(a, 'POST', '/reset');
    const conv = await firstConversation(a);
    const before = await send(a, conv.uniqueId, 'first');
    await controls(b, 'PUT', '/state', await exportState(a));
    const after = await send(b, conv.uniqueId, 'second');
    expect(after.uniqueId).not.toBe(before.uniqueId);
    const thread = (await b.call<{ messages: Array<{ uniqueId: string }> }>('GET', `/conversation/${conv.uniqueId}/messages?page=1&per_page=200`)).body.messages;
    expect(new Set(thread.map((x) => x.uniqueId)).size).toBe(thread.length);
  });

  it('keeps uploaded bytes (base64 in the snapshot)', async () => {
    await controls(a, 'POST', '/reset');
    const conv = await firstConversation(a);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 wapikit')], { type: 'application/pdf' }), 'invoice.pdf');
    const up = await a.call<{ mediaId: string; mediaUrl: string }>('POST', `/conversation/${conv.uniqueId}/upload`, { rawBody: form });
    expect(up.status).toBe(200);
    const snap = JSON.parse(await exportState(a)) as Snapshot;
    expect(JSON.stringify(snap.collections.uploads)).toContain(Buffer.from('%PDF-1.4 wapikit').toString('base64'));
    await controls(b, 'PUT', '/state', JSON.stringify(snap));
    const media = await fetch(`${b.url}/api/conversation/${conv.uniqueId}/media/${up.body.mediaId}`, { headers: { 'x-access-token': b.token } });
    expect(media.status).toBe(200);
    expect(Buffer.from(await media.arrayBuffer()).toString()).toBe('%PDF-1.4 wapikit');
  });

  describe('rejects a malformed snapshot with a 400 naming the problem, and changes nothing', () => {
    let good: Snapshot;
    beforeAll(async () => {
      await controls(a, 'POST', '/reset');
      await writeSome(a);
      good = JSON.parse(await exportState(a)) as Snapshot;
    });

    const firstContactId = (s: Snapshot) => s.collections.contacts![0]![0];
    const cases: Array<{ name: string; body: (s: Snapshot) => string; message: string | RegExp | ((s: Snapshot) => string) }> = [
      { name: 'not JSON', body: () => '{"format":', message: /^request body is not valid JSON: / },
      { name: 'an empty body', body: () => '', message: 'request body is required: a snapshot as GET /__mock/state returns it (application/json)' },
      { name: 'an array', body: () => '[]', message: 'invalid state snapshot: expected a JSON object (got an array)' },
      { name: 'another format', body: (s) => JSON.stringify({ ...s, format: 'other' }), message: "invalid state snapshot: 'format' must be 'wapikit-mock/state' (got \"other\")" },
      { name: 'a future version', body: (s) => JSON.stringify({ ...s, version: 2 }), message: "invalid state snapshot: 'version' must be 1 (got 2)" },
      {
        name: 'another world',
        body: (s) => JSON.stringify({ ...s, world: { ...s.world, seed: 8 } }),
        message: "this snapshot belongs to another world (seed 8, now 2026-11-24T12:00:00.000Z, size 60); this server's world is seed 7, now 2026-11-24T12:00:00.000Z, size 60. Start the server with the same --seed, --now and --size to load it.",
      },
      { name: 'a negative idEpoch', body: (s) => JSON.stringify({ ...s, idEpoch: -1 }), message: "invalid state snapshot: 'idEpoch' must be a non-negative integer (got -1)" },
      { name: 'no collections', body: (s) => JSON.stringify({ ...s, collections: null }), message: "invalid state snapshot: 'collections' must be an object of collections (got null)" },
      { name: 'an unknown collection', body: (s) => JSON.stringify({ ...s, collections: { ...s.collections, widgets: [] } }), message: /^invalid state snapshot: unknown collection 'widgets' \(this server's store has: users, organizations, .*conversations/ },
      { name: 'a collection that is not a list', body: (s) => JSON.stringify({ ...s, collections: { ...s.collections, tags: {} } }), message: 'invalid state snapshot: collections.tags must be an array of [key, record] entries (got object)' },
      {
        name: 'an entry that is not a pair',
        body: (s) => JSON.stringify({ ...s, collections: { ...s.collections, tags: [['only-a-key']] } }),
        message: 'invalid state snapshot: collections.tags[0] must be a [key, record] pair with a string key',
      },
      {
        name: 'a field of the wrong type',
        body: (s) => {
          const c = structuredClone(s);
          (c.collections.contacts![0]![1] as Record<string, unknown>).phone = 919876543210;
          return JSON.stringify(c);
        },
        message: (g) => `invalid state snapshot: collections.contacts[0] ('${firstContactId(g)}').phone must be a string (got a number)`,
      },
      {
        name: 'a record filed under another id',
        body: (s) => {
          const c = structuredClone(s);
          c.collections.contacts![0]![0] = '00000000-0000-4000-8000-000000000000';
          return JSON.stringify(c);
        },
        message: (g) => `invalid state snapshot: collections.contacts[0] ('00000000-0000-4000-8000-000000000000').uniqueId must equal its key '00000000-0000-4000-8000-000000000000' (got "${firstContactId(g)}")`,
      },
      {
        name: 'a duplicate key',
        body: (s) => JSON.stringify({ ...s, collections: { ...s.collections, tags: [s.collections.tags![0], s.collections.tags![0]] } }),
        message: (g) => `invalid state snapshot: collections.tags[1]: key '${g.collections.tags![0]![0]}' appears twice`,
      },
      {
        name: 'a thread of a conversation that does not exist',
        body: (s) => JSON.stringify({ ...s, collections: { ...s.collections, ownThreads: [['00000000-0000-4000-8000-000000000000', []]] } }),
        message: "invalid state snapshot: collections.ownThreads has a thread for '00000000-0000-4000-8000-000000000000', which is not in collections.conversations",
      },
      {
        name: 'a thread that is not a list of messages',
        body: (s) => JSON.stringify({ ...s, collections: { ...s.collections, aiChatMessages: [[s.collections.aiChatMessages![0]![0], { not: 'a list' }]] } }),
        message: (g) => `invalid state snapshot: collections.aiChatMessages[0] ('${g.collections.aiChatMessages![0]![0]}') must be an array of records (got object)`,
      },
    ];

    it.each(cases)('$name', async ({ body, message }) => {
      const before = await exportState(a);
      const r = await controls(a, 'PUT', '/state', body(good));
      expect(r.status).toBe(400);
      const text = (await r.json()) as string;
      const expected = typeof message === 'function' ? message(good) : message;
      if (typeof expected === 'string') expect(text).toBe(expected);
      else expect(text).toMatch(expected);
      expect(await exportState(a)).toBe(before);
    });
  });
});

describe('--state-file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wapikit-state-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('saves every acknowledged write, and a second server starts from it', async () => {
    const file = join(dir, 'nested', 'state.json');
    const first = await startMock({ stateFile: file });
    expect(existsSync(file)).toBe(false);
    const { conv, message } = await writeSome(first);
    // The file is complete as soon as the 200 arrives: the server saves before it answers.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    expect(JSON.stringify(saved.collections.ownThreads)).toContain(message.uniqueId);
    const inFirst = portable(first, (await first.call('GET', `/conversation/${conv.uniqueId}`)).body);
    await first.close();

    const second = await startMock({ stateFile: file });
    try {
      const inSecond = await second.call<{ conversation: Conv }>('GET', `/conversation/${conv.uniqueId}`);
      expect(portable(second, inSecond.body)).toEqual(inFirst);
      expect(inSecond.body.conversation.status).toBe('Closed');
      // Nothing beside it but the running server's lock: no temporary files.
      expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['state.json', 'state.json.lock']);
    } finally {
      await second.close();
    }
  });

  it('saves resets and imports too', async () => {
    const file = join(dir, 'reset.json');
    const m = await startMock({ stateFile: file });
    try {
      await writeSome(m);
      const written = readFileSync(file, 'utf8');
      await controls(m, 'POST', '/reset');
      const afterReset = readFileSync(file, 'utf8');
      expect(afterReset).not.toBe(written);
      expect(JSON.parse(afterReset)).toEqual(JSON.parse(await exportState(m)));
      await controls(m, 'PUT', '/state', written);
      expect(JSON.parse(readFileSync(file, 'utf8')).collections).toEqual(JSON.parse(written).collections);
    } finally {
      await m.close();
    }
  });

  it.each([
    { name: 'is not JSON', content: '{"format": "wapikit-mock/st', message: /^state file .*broken\.json is not valid JSON: / },
    { name: 'is not a snapshot', content: '{"hello": 1}', message: /^state file .*broken\.json: invalid state snapshot: 'format' must be 'wapikit-mock\/state'/ },
    {
      name: 'belongs to another world',
      content: JSON.stringify({ format: 'wapikit-mock/state', version: 1, world: { seed: 99, now: '2026-11-24T12:00:00.000Z', size: 60 }, idEpoch: 0, collections: {} }),
      message: /^state file .*broken\.json: this snapshot belongs to another world \(seed 99,/,
    },
  ])('refuses to start when the file $name, and leaves the file alone', ({ content, message }) => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, content);
    expect(() => createMockServer({ ...TEST_OPTIONS, stateFile: file })).toThrow(message);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

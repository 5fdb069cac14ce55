/**
 * Bad input over every operation of the spec (new operations are covered as soon as they are in the spec):
 * each answer is a 4xx the operation documents, with a JSON string naming what was wrong, never a 5xx or a
 * dropped connection, and afterwards the state is exactly what it was. Each bad request goes out on its own
 * keep-alive connection, and a second request follows on that connection: it must be answered promptly.
 */
import { Agent, request } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src/handlers/index.js';
import { DEFAULT_MOCK_OPTIONS } from '../../src/options.js';
import { createValidators, listOperations, loadSpec, type OperationInfo } from '../../src/spec/index.js';
import { startMock, type TestMock } from '../support/mock-client.js';
import { badRequests, type BadRequest } from './bad-requests.js';
import { dumpState } from './state-dump.js';

const doc = loadSpec();
const validators = createValidators(doc);
const operations = listOperations(doc);
/** Requests in flight at once, each on its own keep-alive connection. */
const LANES = 12;

let mock: TestMock;
let implemented: Set<string>;
let foreignTokens: Record<string, string>;
let stateBefore: string;
const answered: Array<{ op: string; name: string; status: number }> = [];

async function jwt(secret: string, claims: Record<string, unknown>, expiresAt: number): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(expiresAt - 3600).setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret));
}

beforeAll(async () => {
  // Strict: every spec violation is a 400 here. What the lenient default lets through instead is checked below,
  // case by case from the decision table (src/spec/leniency.ts).
  mock = await startMock({ strict: true });
  const { store, world } = mock.app.mock;
  implemented = new Set(Object.keys(handlers));
  const demo = store.users.get(world.demoUserId)!;
  const claims = { name: demo.name, unique_id: demo.uniqueId, username: demo.username, email: demo.email, role: 'Owner', organization_id: world.mainOrganizationId, iss: 'wapikit' };
  const now = Math.floor(Date.parse(DEFAULT_MOCK_OPTIONS.now) / 1000);
  const [, payload, signature] = mock.token.split('.');
  foreignTokens = {
    'a token signed with another secret': await jwt('not-the-mock-secret', claims, now + 86_400),
    'an expired token': await jwt(DEFAULT_MOCK_OPTIONS.jwtSecret, claims, now - 86_400),
    'a token of a user who does not exist': await jwt(DEFAULT_MOCK_OPTIONS.jwtSecret, { ...claims, unique_id: '00000000-0000-4000-8000-00000000beef', email: 'nobody@example.com' }, now + 86_400),
    'a token of another organization': await jwt(DEFAULT_MOCK_OPTIONS.jwtSecret, { ...claims, organization_id: '00000000-0000-4000-8000-00000000beef' }, now + 86_400),
    "a token with alg 'none'": `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
    'a token with a forged signature': `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${payload}.${signature!.split('').reverse().join('')}`,
  };
  stateBefore = dumpState(store);
});
afterAll(() => mock?.close());

/** How long any request may take; a connection left hanging by the request before it fails here. */
const ANSWER_MS = 10_000;

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(agent: Agent, method: string, path: string, headers: Record<string, string>, body: string | Uint8Array | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${mock.url}/api${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(ANSWER_MS, () => req.destroy(new Error(`no answer within ${ANSWER_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One keep-alive connection carrying bad requests one after another, so each request also checks that the
 * one before it left the connection usable (a server that leaves part of a body unread leaves the next
 * request hanging). A connection the server closes on purpose (`Connection: close`) is fine: the agent then
 * opens a new one. `finish` sends a last plain request after the last bad one.
 */
class Lane {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private previous: string | undefined;

  async send(c: BadRequest): Promise<Answer> {
    const headers: Record<string, string> = { ...c.headers };
    const token = c.token === undefined ? mock.token : c.token;
    if (token) headers['x-access-token'] = token;
    return this.track(c.name, () => send(this.agent, c.method, c.path, headers, c.body));
  }

  /** A plain request after the last bad one; a failure names that one. */
  async finish(): Promise<string | undefined> {
    try {
      const next = await this.track('a plain request', () => send(this.agent, 'GET', '/no-such-route', {}, undefined));
      return next.status === 404 ? undefined : `a plain request after "${this.previous}" → ${next.status}`;
    } catch (err) {
      return (err as Error).message;
    } finally {
      this.agent.destroy();
    }
  }

  private async track(name: string, go: () => Promise<Answer>): Promise<Answer> {
    const after = this.previous;
    this.previous = name;
    try {
      return await go();
    } catch (err) {
      throw new Error(`${(err as Error).message}${after ? ` (on the connection that carried "${after}")` : ''}`);
    }
  }
}

/** Sends one bad request; returns a failure description, or undefined when the answer is right. */
async function check(op: OperationInfo, c: BadRequest, lane: Lane): Promise<string | undefined> {
  const label = `${c.name}: ${c.method} ${c.path.length > 120 ? `${c.path.slice(0, 117)}...` : c.path}`;
  let r: Answer & { body: unknown };
  try {
    const answer = await lane.send(c);
    const body: unknown = answer.contentType.includes('json') && answer.text ? JSON.parse(answer.text) : answer.text;
    r = { ...answer, body };
  } catch (err) {
    // A dropped or hanging connection, or an answer that is not JSON.
    return `${label} → ${(err as Error).message}`;
  }
  answered.push({ op: op.operationId, name: c.name, status: r.status });
  const body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  if (r.status !== c.status) return `${label} → ${r.status} ${body.slice(0, 200)} (expected ${c.status})`;
  // A refused mock control is a 400 even where the operation documents none (and exempt from the spec's schemas).
  if (!c.control) {
    if (!op.responses.has(r.status)) return `${label} → ${r.status} is not documented for ${op.operationId}`;
    if (r.contentType.includes('json')) {
      const problems = validators.response(op, r.status, r.contentType, r.body);
      if (problems.length) return `${label} → ${r.status} breaks the spec: ${problems.map((p) => p.message).join('; ')}`;
    }
  }
  if (op.auth === 'query') return undefined; // the event stream's 401 is a text/event-stream error event
  if (!r.contentType.startsWith('application/json')) return `${label} → ${r.status} ${r.contentType || 'without a content type'}, not JSON: ${body.slice(0, 200)}`;
  if (typeof r.body !== 'string' || r.body.length === 0) return `${label} → ${r.status} with a body that is not a JSON string: ${body.slice(0, 200)}`;
  if (c.mentions && !r.body.includes(c.mentions)) return `${label} → ${r.status} ${JSON.stringify(r.body.slice(0, 300))} does not mention ${JSON.stringify(c.mentions)}`;
  return undefined;
}

async function checkAll(op: OperationInfo, cases: BadRequest[]): Promise<string[]> {
  const failures: string[] = [];
  await Promise.all(Array.from({ length: Math.min(LANES, cases.length) }, async (_, i) => {
    const lane = new Lane();
    for (let k = i; k < cases.length; k += LANES) {
      const failure = await check(op, cases[k]!, lane);
      if (failure) failures.push(failure);
    }
    const last = await lane.finish();
    if (last) failures.push(last);
  }));
  return failures;
}

// A story in order, kept in order when tests are shuffled: the checks at the end look at what all the bad
// requests before them left behind (the state, the prototypes, the next ids), so they must run last.
describe('bad input over every operation, then what it left behind', { shuffle: false }, () => {
  describe.each(operations.map((op) => [`${op.operationId} (${op.method.toUpperCase()} ${op.path})`, op] as const))('%s', (_title, op) => {
    const cases = () => badRequests(op, { doc, validators, foreignTokens });

    it('rejects bad input with a documented 4xx naming the problem', async (ctx) => {
      const validation = cases().filter((c) => !c.reachesHandler);
      if (validation.length === 0) ctx.skip(`${op.operationId} takes no input: no token, parameter or body to break`);
      expect(await checkAll(op, validation)).toEqual([]);
    });

    // Only operations that address a record by a path parameter have one to look up.
    const addressesRecords = badRequests(op, { doc, validators, foreignTokens: {} }).some((c) => c.reachesHandler);
    if (addressesRecords) it('answers well-formed but unknown ids with a documented 4xx', async (ctx) => {
      const unknown = cases().filter((c) => c.reachesHandler);
      // An operation nobody has implemented yet answers 501: reported as skipped, not passed.
      if (!implemented.has(op.operationId)) ctx.skip(`${op.operationId} is not implemented yet (501)`);
      expect(await checkAll(op, unknown)).toEqual([]);
    });
  });

  describe('after every bad request', () => {
    it('no prototype was polluted', () => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('covered every operation with the statuses the spec implies', () => {
      const withInput = operations.filter((op) => badRequests(op, { doc, validators, foreignTokens }).length > 0);
      expect(withInput.length).toBeGreaterThan(operations.length - 5);
      expect(new Set(answered.map((a) => a.op))).toEqual(new Set(withInput.map((op) => op.operationId)));
      expect(answered.every((a) => a.status >= 400 && a.status < 500)).toBe(true);
    });

    it('the state is byte-identical to what it was before', () => {
      const after = dumpState(mock.app.mock.store);
      expect(after.length).toBe(stateBefore.length);
      expect(after === stateBefore, 'state dump changed').toBe(true);
    });

    it('the next write mints the same ids and timestamps as on a mock that saw no bad request', async () => {
      const fresh = await startMock();
      try {
        const send = async (m: TestMock) => {
          const list = await m.call<{ conversations: Array<{ uniqueId: string }> }>('GET', '/conversations?page=1&per_page=1');
          const id = list.body.conversations[0]!.uniqueId;
          return m.call('POST', `/conversation/${id}/messages`, { body: { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Text', text: 'probe' } } });
        };
        const [a, b] = [await send(mock), await send(fresh)];
        expect(a.status).toBe(200);
        expect(a.text).toBe(b.text.replace(fresh.url, mock.url));
      } finally {
        await fresh.close();
      }
    });
  });
});

// The lenient default (src/spec/leniency.ts): a bad request whose every problem breaks a rule only the spec states
// is not refused for it: the handler answers (never a 5xx), with a warning header naming the problem. Every other
// bad request is refused exactly as under --strict above.
describe('the lenient default, case by case from the decision table', () => {
  let lenient: TestMock;
  beforeAll(async () => {
    lenient = await startMock({ warningLog: () => {} });
  });
  afterAll(() => lenient?.close());

  const specOnlyOps = operations.filter((op) => badRequests(op, { doc, validators, foreignTokens: {} }).some((c) => c.specOnly));

  it('some operations have spec-only bad requests (query enums, unknown body fields)', () => {
    expect(specOnlyOps.map((op) => op.operationId)).toEqual(expect.arrayContaining(['getOrganizationMembers', 'resetPasswordComplete', 'joinOrganization']));
  });

  it.each(specOnlyOps.map((op) => [op.operationId, op] as const))('%s: spec-only violations answered with a warning, the rest refused', async (_id, op) => {
    const failures: string[] = [];
    for (const c of badRequests(op, { doc, validators, foreignTokens }).filter((x) => !x.reachesHandler && !x.control)) {
      const headers: Record<string, string> = { ...c.headers };
      const token = c.token === undefined ? lenient.token : c.token;
      if (token) headers['x-access-token'] = token;
      const res = await fetch(`${lenient.url}/api${c.path}`, { method: c.method, headers, body: c.body });
      const text = await res.text();
      const warning = res.headers.get('x-wapikit-mock-warning');
      if (c.specOnly) {
        if (res.status >= 500 || !warning?.includes(c.mentions ?? '')) failures.push(`${c.name} → ${res.status} ${text.slice(0, 120)}, warning ${warning}`);
      } else if (res.status !== c.status || warning !== null) {
        failures.push(`${c.name} → ${res.status} (expected ${c.status}), warning ${warning}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/**
 * --profile server / --quirks: the real server's own departures from its spec, each one named entry of
 * src/quirks/table.ts. The contract kit run against them must report every entry that breaks the spec, each
 * violation traced back to its entry, and nothing else; an entry the kit cannot see in a read-only run as the
 * demo owner gets a direct API test here instead.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract, type ContractReport } from '../../src/contract/index.js';
import { startInProcessMock } from '../../src/cli/in-process-mock.js';
import { parseCli, type CliIo } from '../../src/cli/program.js';
import { runCli } from '../../src/cli/run.js';
import { quirksMarkdown } from '../../src/quirks/format.js';
import { QUIRK_NAMES, QUIRKS, type Quirk } from '../../src/quirks/table.js';
import { AGENT_ACCOUNT } from '../../src/world/demo-accounts.js';
import { account, invite, signUp } from '../support/account-flows.js';
import { startMock, type TestMock } from '../support/mock-client.js';

type KitProof = Extract<Quirk['proof'], { observableBy: 'contract-kit' }>;
const kitEntries = QUIRKS.filter((q): q is Quirk & { proof: KitProof } => q.proof.observableBy === 'contract-kit');

/** Every failing case of a report, as operationId + what was found. */
const failures = (r: ContractReport) =>
  r.operations.flatMap((o) => o.cases.filter((c) => c.outcome === 'fail').map((c) => ({ operationId: o.operationId, text: `${c.name} → ${c.status}: ${c.violations.map((v) => v.message).join('; ')}` })));

/** The entries a failure is traced back to: same operation, and the entry's pattern matches what the kit said. */
const entriesOf = (f: { operationId: string; text: string }, among: readonly (Quirk & { proof: KitProof })[]) =>
  among.filter((q) => q.proof.expectViolation.operationId === f.operationId && q.proof.expectViolation.match.test(f.text)).map((q) => q.name);

const runAgainst = (quirks: readonly string[]) => runContract({ startTarget: () => startInProcessMock({ quirks }) });

describe('the contract kit against --profile server (every quirk on)', () => {
  let report: ContractReport;
  beforeAll(async () => {
    report = await runAgainst(QUIRK_NAMES);
  }, 60_000);

  it('reports a violation for every entry that breaks the spec', () => {
    const found = failures(report);
    for (const q of kitEntries) expect(found.filter((f) => entriesOf(f, [q]).length > 0).length, q.name).toBeGreaterThan(0);
  });

  it('reports nothing else: every violation traces back to exactly one entry', () => {
    const untraced = failures(report).filter((f) => entriesOf(f, kitEntries).length !== 1);
    expect(untraced).toEqual([]);
    console.info(`contract kit against --profile server: ${report.summary.failed ?? '?'} operations failed; ${failures(report).map((f) => `${f.operationId}: ${f.text}`).join(' | ')}`);
  });
});

describe.each(kitEntries.map((q) => [q.name, q] as const))('the kit against %s alone', (_name, quirk) => {
  let report: ContractReport;
  beforeAll(async () => {
    report = await runAgainst([quirk.name]);
  }, 60_000);

  it('catches it, and only it', () => {
    const found = failures(report);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => entriesOf(f, [quirk]).length === 0)).toEqual([]);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- quirk answers are checked field by field
type Answer = { status: number; body: any };

/** A GET answered by the mock as plain JSON: quirk-made answers break the spec, so no spec check here. */
async function get(mock: TestMock, path: string, token = mock.token): Promise<Answer> {
  const res = await fetch(`${mock.url}/api${path}`, { headers: { 'x-access-token': token } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function post(mock: TestMock, path: string, body: unknown, token = mock.token): Promise<Answer> {
  const res = await fetch(`${mock.url}/api${path}`, { method: 'POST', headers: { 'x-access-token': token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function del(mock: TestMock, path: string, token = mock.token): Promise<Answer> {
  const res = await fetch(`${mock.url}/api${path}`, { method: 'DELETE', headers: { 'x-access-token': token } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('entries the kit cannot see in a read-only run as the owner: direct API tests', () => {
  let plain: TestMock;
  const mocks = new Map<string, TestMock>();
  const withQuirk = (name: string) => mocks.get(name)!;
  const apiTested = QUIRKS.filter((q) => q.proof.observableBy === 'api-test').map((q) => q.name);

  beforeAll(async () => {
    plain = await startMock();
    for (const name of apiTested) mocks.set(name, await startMock({ quirks: [name] }));
  });
  afterAll(async () => {
    await plain?.close();
    for (const m of mocks.values()) await m.close();
  });

  it('every api-test entry is tested here', () => {
    expect(apiTested.sort()).toEqual([
      'conversation-counts-missing',
      'create-answers-201',
      'initiated-by-contact',
      'integrations-constant-page',
      'location-message-null',
      'member-roles-ignored',
      'ok-string-bodies',
      'page-zero-500',
      'write-then-500',
    ]);
  });

  it('conversation-counts-missing: GET /conversation/{id} answers unread 0 and no totalMessages', async () => {
    const list = await get(plain, '/conversations?page=1&per_page=50');
    const unread = list.body.conversations.find((c: { numberOfUnreadMessages: number }) => c.numberOfUnreadMessages > 0);
    expect(unread).toBeDefined();
    const before = await get(plain, `/conversation/${unread.uniqueId}`);
    expect(before.body.conversation.numberOfUnreadMessages).toBeGreaterThan(0);
    expect(before.body.conversation.totalMessages).toBeGreaterThan(0);
    const after = await get(withQuirk('conversation-counts-missing'), `/conversation/${unread.uniqueId}`);
    expect(after.status).toBe(200);
    expect(after.body.conversation.numberOfUnreadMessages).toBe(0);
    expect('totalMessages' in after.body.conversation).toBe(false);
    expect('assignedTo' in after.body.conversation).toBe(false);
  });

  it("initiated-by-contact: every conversation says 'Contact'", async () => {
    const before = await get(plain, '/conversations?page=1&per_page=50');
    const fromCampaign = before.body.conversations.filter((c: { initiatedBy: string }) => c.initiatedBy === 'Campaign');
    expect(fromCampaign.length).toBeGreaterThan(0);
    const m = withQuirk('initiated-by-contact');
    const after = await get(m, '/conversations?page=1&per_page=50');
    expect(after.body.conversations.map((c: { initiatedBy: string }) => c.initiatedBy)).toEqual(before.body.conversations.map(() => 'Contact'));
    const one = await get(m, `/conversation/${fromCampaign[0].uniqueId}`);
    expect(one.body.conversation.initiatedBy).toBe('Contact');
    expect(one.body.conversation.campaignId).toBe(fromCampaign[0].campaignId);
  });

  it('page-zero-500: page=0 is a 500 where the server does not check it, still a 400 where it does', async () => {
    const m = withQuirk('page-zero-500');
    expect((await get(plain, '/lists?page=0&per_page=5')).status).toBe(400);
    expect(await get(m, '/lists?page=0&per_page=5')).toEqual({ status: 500, body: 'pq: OFFSET must not be negative' });
    expect((await get(m, '/campaigns?page=-1&per_page=5')).status).toBe(500);
    expect((await get(m, '/contacts?page=0&per_page=5')).status).toBe(400);
    expect((await get(m, '/conversations?page=0&per_page=5')).status).toBe(400);
    expect((await get(m, '/lists?page=1&per_page=5')).status).toBe(200);
  });

  it('integrations-constant-page: the page asked for is ignored', async () => {
    expect((await get(plain, '/integrations?page=2&per_page=5')).body.paginationMeta).toEqual({ page: 2, per_page: 5, total: 0 });
    expect(await get(withQuirk('integrations-constant-page'), '/integrations?page=2&per_page=5')).toEqual({ status: 200, body: { integrations: [], paginationMeta: { page: 1, per_page: 10, total: 0 } } });
  });

  it('location-message-null: a sent Location message comes back as null', async () => {
    const list = await get(plain, '/conversations?page=1&per_page=1');
    const id = list.body.conversations[0].uniqueId;
    const message = { createdAt: '2026-11-24T12:00:00.000Z', messageData: { messageType: 'Location', latitude: 19.076, longitude: 72.8777 } };
    const before = await post(plain, `/conversation/${id}/messages`, message);
    expect(before.status).toBe(200);
    expect(before.body.message.messageType).toBe('Location');
    const after = await post(withQuirk('location-message-null'), `/conversation/${id}/messages`, message);
    expect(after).toEqual({ status: 200, body: { message: null } });
    const text = await post(withQuirk('location-message-null'), `/conversation/${id}/messages`, { ...message, messageData: { messageType: 'Text', text: 'hi' } });
    expect(text.body.message.messageType).toBe('Text');
  });

  it("member-roles-ignored: a Member's roles grant nothing, an Owner is unaffected", async () => {
    const login = async (m: TestMock) => (await post(m, '/auth/login', { username: AGENT_ACCOUNT.username, password: AGENT_ACCOUNT.password }, '')).body.token as string;
    const m = withQuirk('member-roles-ignored');
    expect((await get(plain, '/conversations?page=1&per_page=5', await login(plain))).status).toBe(200);
    expect(await get(m, '/conversations?page=1&per_page=5', await login(m))).toEqual({ status: 401, body: 'You are not authorized to access this resource.' });
    expect((await get(m, '/user', await login(m))).status).toBe(200);
    expect((await get(m, '/conversations?page=1&per_page=5')).status).toBe(200);
  });

  it('create-answers-201: POST /lists and POST /rbac/roles answer 201 with the same body', async () => {
    const m = withQuirk('create-answers-201');
    const list = { name: 'Quirk list', tags: [] };
    const role = { name: 'Quirk role', permissions: ['Get:Contact'] };
    const before = [await post(plain, '/lists', list), await post(plain, '/rbac/roles', role)];
    expect(before.map((r) => r.status)).toEqual([200, 200]);
    const after = [await post(m, '/lists', list), await post(m, '/rbac/roles', role)];
    expect(after.map((r) => r.status)).toEqual([201, 201]);
    expect(after[0]!.body.list.name).toBe('Quirk list');
    expect(Object.keys(after[0]!.body)).toEqual(Object.keys(before[0]!.body));
    expect(after[1]!.body.role.name).toBe('Quirk role');
    expect(Object.keys(after[1]!.body)).toEqual(Object.keys(before[1]!.body));
    expect((await post(m, '/lists', { tags: [] })).status).toBe(400);
  });

  it('ok-string-bodies: deleting a list or a campaign and updating a member answer "OK", and the write happens', async () => {
    const m = withQuirk('ok-string-bodies');
    const listId = (await get(m, '/lists?page=1&per_page=1')).body.lists[0].uniqueId;
    const campaigns = (await get(m, '/campaigns?page=1&per_page=50')).body.campaigns as { uniqueId: string; status: string }[];
    const campaignId = campaigns.find((c) => c.status !== 'Running')!.uniqueId;
    const members = (await get(m, '/organization/members?page=1&per_page=50')).body.members as { uniqueId: string; accessLevel: string }[];
    const memberId = members.find((x) => x.accessLevel === 'Member')!.uniqueId;

    expect(await del(plain, `/lists/${listId}`)).toEqual({ status: 200, body: { data: true } });
    expect((await del(plain, `/campaigns/${campaignId}`)).body).toEqual({ data: true });
    expect((await post(plain, `/organization/members/${memberId}`, { accessLevel: 'Member' })).body.data).toBeDefined();

    expect(await del(m, `/lists/${listId}`)).toEqual({ status: 200, body: 'OK' });
    expect(await del(m, `/campaigns/${campaignId}`)).toEqual({ status: 200, body: 'OK' });
    expect(await post(m, `/organization/members/${memberId}`, { accessLevel: 'Member' })).toEqual({ status: 200, body: 'OK' });
    expect((await get(m, `/lists/${listId}`)).status).toBe(404);
    expect((await del(m, `/lists/${listId}`)).status).toBe(404);
  });

  it('write-then-500: joinOrganization and updateUser answer 500 after their write', async () => {
    const m = withQuirk('write-then-500');
    expect((await post(plain, '/user', { name: 'Renamed Owner' })).status).toBe(200);
    expect(await post(m, '/user', { name: 'Renamed Owner' })).toEqual({ status: 500, body: 'Error updating user' });
    expect((await get(m, '/user')).body.user.name).toBe('Renamed Owner');

    const a = account('joiner');
    const bare = await signUp(m, a);
    const slug = await invite(m, m.token, bare, a.email);
    expect(await post(m, '/auth/join-organization', { inviteSlug: slug }, bare)).toEqual({ status: 500, body: 'Something went wrong while processing your request.' });
    const members = (await get(m, '/organization/members?page=1&per_page=50')).body.members as { email: string }[];
    expect(members.map((x) => x.email)).toContain(a.email);
    expect((await post(m, '/auth/join-organization', { inviteSlug: slug }, bare)).status).toBe(400);

    const p = account('joiner');
    const pBare = await signUp(plain, p);
    const pSlug = await invite(plain, plain.token, pBare, p.email);
    expect((await post(plain, '/auth/join-organization', { inviteSlug: pSlug }, pBare)).status).toBe(200);
  });
});

describe('the mock stays usable in the server profile', () => {
  let m: TestMock;
  beforeAll(async () => {
    m = await startMock({ quirks: QUIRK_NAMES, strictResponses: true });
  });
  afterAll(() => m?.close());

  it('keeps the readiness check and /__mock working', async () => {
    expect((await get(m, '/health-check')).status).toBe(200);
    expect((await fetch(`${m.url}/__mock/reset`, { method: 'POST' })).status).toBeLessThan(300);
  });

  it('--strict-responses leaves a quirk-made answer alone instead of turning it into a 500', async () => {
    const r = await get(m, '/conversations?page=1&per_page=5');
    expect(r.status).toBe(200);
    expect(r.body.paginationMeta.total).toBe(0);
    expect(await get(m, '/contacts/00000000-0000-4000-8000-00000000dead')).toEqual({ status: 500, body: 'qrm: no rows in result set' });
  });
});

describe('the command line', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    const cli: CliIo = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, env: {}, clock: () => new Date('2027-03-05T10:00:00Z'), version: '0.0.0' };
    return { out, cli };
  };
  const quirksOf = async (argv: string[], env: Record<string, string> = {}) => {
    const { cli } = io();
    const c = await parseCli(argv, { ...cli, env });
    return c.kind === 'serve' ? c.settings.quirks : c;
  };

  it('--profile server turns on every entry, --quirks picks some, the environment works too', async () => {
    expect(await quirksOf([])).toEqual([]);
    expect(await quirksOf(['--profile', 'server'])).toEqual(QUIRK_NAMES);
    expect(await quirksOf(['--quirks', 'messages-no-route, page-zero-500'])).toEqual(['messages-no-route', 'page-zero-500']);
    expect(await quirksOf([], { WAPIKIT_MOCK_QUIRKS: 'page-zero-500' })).toEqual(['page-zero-500']);
  });

  it('refuses an unknown quirk or profile with exit 2, listing the valid ones', async () => {
    const { out, cli } = io();
    expect(await runCli(['--quirks', 'page-zero-500,no-such-thing'], cli)).toBe(2);
    expect(out.stderr).toContain("Unknown quirk 'no-such-thing'");
    for (const name of QUIRK_NAMES) expect(out.stderr).toContain(name);
    const other = io();
    expect(await runCli(['--profile', 'prod'], other.cli)).toBe(2);
    expect(other.out.stderr).toContain("The only profile is 'server'");
  });

  it('`wapikit-mock quirks` lists every entry with its operation, what the server does and the reference', async () => {
    const { out, cli } = io();
    expect(await runCli(['quirks'], cli)).toBe(0);
    for (const q of QUIRKS) {
      expect(out.stdout).toContain(q.name);
      expect(out.stdout).toContain(q.does);
      expect(out.stdout).toContain(q.reference);
    }
  });

  it('the README holds the same table', () => {
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(quirksMarkdown());
  });
});

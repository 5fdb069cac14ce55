/**
 * The kit against this project's mock: every check must pass, the stateful checks must really run (the mock is
 * stateful), a read-only run must send nothing but reads, and the write flows must clean up after themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract, type ContractReport } from '../../src/contract/index.js';
import { isReadOperation } from '../../src/contract/run-contract.js';
import { startInProcessMock, type InProcessTarget } from '../../src/cli/in-process-mock.js';
import { listOperations, loadSpec } from '../../src/spec/index.js';
import { startFaultyProxy } from './support/faulty-proxy.js';

const TOKEN = 'mock-test-token';
const ops = listOperations(loadSpec());
let readOnly: ContractReport;
let writes: ContractReport;
let mock: InProcessTarget;
let readOnlyCpuMs = 0;
const methodsSeen: string[] = [];

const failures = (r: ContractReport) =>
  r.operations.flatMap((o) => o.cases.filter((c) => c.outcome === 'fail').map((c) => `${o.operationId} ${c.name}${c.request ? ` (${c.request} → ${c.status})` : ''}: ${c.violations.map((v) => v.message).join('; ')}`));

beforeAll(async () => {
  // The CLI's default target: the in-process mock, started for the run (the kit signs in as the demo user).
  const cpu = process.cpuUsage();
  readOnly = await runContract({ startTarget: startInProcessMock });
  const used = process.cpuUsage(cpu);
  readOnlyCpuMs = Math.round((used.user + used.system) / 1000);
  // The write flows against a mock started here, so its state can be inspected afterwards; a proxy records every method sent.
  mock = await startInProcessMock({ token: TOKEN });
  const proxy = await startFaultyProxy(mock.baseUrl, { matches: (req) => { methodsSeen.push(`${req.method.toUpperCase()} ${req.path}`); return false; } });
  try {
    writes = await runContract({ baseUrl: proxy.baseUrl, token: TOKEN, allowWrites: true, runId: 'mocktest' });
  } finally {
    await proxy.close();
  }
}, 120_000);

afterAll(async () => {
  await mock?.close();
});

describe('against the in-process mock', () => {
  it('finds no violation in a read-only run', () => {
    expect(failures(readOnly)).toEqual([]);
    expect(readOnly.target.kind).toBe('in-process mock');
    expect(readOnly.operations.find((o) => o.operationId === 'login')!.outcome).toBe('pass');
  });

  it('exercises every read operation it can address', () => {
    const notExercised = readOnly.operations.filter((o) => o.outcome === 'skipped' && isReadOperation(ops.find((x) => x.operationId === o.operationId)!));
    expect(notExercised.map((o) => [o.operationId, o.reason])).toEqual([
      ['getOrganizationInviteBySlug', 'no invitation slug can be discovered: invitation objects (GET /organization/invites) do not carry their slug'],
    ]);
    for (const o of readOnly.operations.filter((x) => !isReadOperation(ops.find((y) => y.operationId === x.operationId)!) && x.operationId !== 'login')) {
      expect(o.outcome).toBe('skipped');
      expect(o.reason).toMatch(/pass --allow-writes$/);
    }
  });

  it('runs the stateful checks for real: nothing is skipped for want of state', () => {
    const cases = readOnly.operations.flatMap((o) => o.cases);
    expect(cases.filter((c) => c.outcome === 'skipped')).toEqual([]);
    for (const kind of ['pagination', 'id-consistency', 'unknown-id', 'no-token', 'malformed-id', 'missing-parameter'] as const) {
      const ofKind = cases.filter((c) => c.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThan(5);
      expect(ofKind.every((c) => c.outcome === 'pass'), kind).toBe(true);
    }
    expect(cases.filter((c) => c.kind === 'unknown-id').every((c) => c.status === 404)).toBe(true);
  });

  it('takes under 10 seconds for a full read-only run', () => {
    // The kit and the in-process mock share this process, so its CPU time is the whole run's work; unlike the
    // wall-clock time it does not grow when other test files (Prism above all) compete for the same cores.
    console.info(`read-only contract run against the in-process mock: ${readOnly.durationMs} ms wall clock, ${readOnlyCpuMs} ms CPU, ${readOnly.summary.exercised} operations exercised`);
    expect(readOnlyCpuMs).toBeLessThan(10_000);
    expect(readOnly.durationMs).toBeLessThan(60_000);
  });

  it('sends only reads without --allow-writes', async () => {
    const before = methodsSeen.length;
    const proxy = await startFaultyProxy(mock.baseUrl, { matches: (req) => { methodsSeen.push(`${req.method.toUpperCase()} ${req.path}`); return false; } });
    try {
      const report = await runContract({ baseUrl: proxy.baseUrl, token: TOKEN });
      expect(failures(report)).toEqual([]);
    } finally {
      await proxy.close();
    }
    const sent = methodsSeen.slice(before);
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.filter((m) => !m.startsWith('GET '))).toEqual([]);
    expect(sent).not.toContain('GET /auth/api-keys/regenerate');
  });

  it('with --allow-writes: the flows pass and exercise the writes', () => {
    expect(failures(writes)).toEqual([]);
    const passed = new Set(writes.operations.filter((o) => o.outcome === 'pass').map((o) => o.operationId));
    for (const id of ['createOrganizationTag', 'createList', 'updateListById', 'deleteListById', 'createContacts', 'updateContactById', 'deleteContactById', 'deleteContactsByList',
      'createCampaign', 'updateCampaignById', 'deleteCampaignById', 'createOrganizationRole', 'updateOrganizationRoleById', 'deleteOrganizationRoleById',
      'createConversation', 'sendMessageInConversation', 'markConversationAsRead', 'assignConversation', 'unassignConversation', 'updateConversationById', 'deleteConversationById',
      'createKnowledgeBaseDocument', 'updateKnowledgeBaseDocumentById', 'deleteKnowledgeBaseDocumentById']) {
      expect(passed.has(id), id).toBe(true);
    }
    const readBacks = writes.operations.flatMap((o) => o.cases.filter((c) => c.kind === 'read-back'));
    expect(readBacks.length).toBeGreaterThan(15);
    expect(readBacks.every((c) => c.outcome === 'pass')).toBe(true);
    expect(methodsSeen.some((m) => m.startsWith('POST /lists'))).toBe(true);
  });

  it('with --allow-writes: cleans up everything but what the API cannot delete, and says so', async () => {
    expect(writes.leftovers).toEqual([expect.stringMatching(/^tag 'contract-kit tag mocktest' \([0-9a-f-]{36}\): the API has no operation to delete tags$/)]);
    expect(writes.problems).toEqual([]);
    const headers = { 'x-access-token': TOKEN };
    const names = async (path: string, key: string) => {
      const res = await fetch(`${mock.baseUrl}${path}?page=1&per_page=50`, { headers });
      const body = (await res.json()) as Record<string, Array<{ name?: string; title?: string }>>;
      return (body[key] ?? []).map((x) => x.name ?? x.title ?? '');
    };
    for (const [path, key] of [['/lists', 'lists'], ['/campaigns', 'campaigns'], ['/rbac/roles', 'roles'], ['/knowledge-base', 'documents'], ['/contacts', 'contacts']] as const) {
      expect((await names(path, key)).filter((n) => n.startsWith('contract-kit')), path).toEqual([]);
    }
  });
});

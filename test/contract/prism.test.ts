/**
 * The checker against an implementation nobody here wrote: Prism serving the same openapi/wapikit.yaml.
 * Prism is stateless, so the run uses the `generic` profile: every check that needs a stateful server must be
 * reported as skipped with that reason, and every other check must pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract, type ContractReport } from '../../src/contract/index.js';
import { isReadOperation, SetupError } from '../../src/contract/run-contract.js';
import { listOperations, loadSpec } from '../../src/spec/index.js';
import { startPrism, type PrismServer } from './support/prism.js';

const ops = listOperations(loadSpec());
let prism: PrismServer;
let readOnly: ContractReport;
let withWrites: ContractReport;

beforeAll(async () => {
  prism = await startPrism();
  readOnly = await runContract({ baseUrl: prism.baseUrl, token: 'prism-accepts-any-token', profile: 'generic' });
  // The reads were just checked: the second run selects only the writes (discovery still reads what it needs).
  const writes = ops.filter((o) => !isReadOperation(o)).map((o) => o.operationId);
  withWrites = await runContract({ baseUrl: prism.baseUrl, token: 'prism-accepts-any-token', profile: 'generic', allowWrites: true, only: writes, runId: 'prismtest' });
}, 180_000);

afterAll(async () => {
  await prism?.stop();
});

const failures = (r: ContractReport) =>
  r.operations.flatMap((o) => o.cases.filter((c) => c.outcome === 'fail').map((c) => `${o.operationId} ${c.name}: ${c.violations.map((v) => v.message).join('; ')}`));

describe('against Prism (generic profile, stateless)', () => {
  it('finds no violation in a read-only run, and exercises every read it can address', () => {
    expect(failures(readOnly)).toEqual([]);
    const reads = ops.filter(isReadOperation).map((o) => o.operationId);
    const exercised = readOnly.operations.filter((o) => o.outcome === 'pass').map((o) => o.operationId);
    // Not addressable on Prism: no invitation slug is discoverable, and Prism's generated messages carry no media id.
    expect(reads.filter((id) => !exercised.includes(id)).sort()).toEqual(['getConversationMedia', 'getOrganizationInviteBySlug']);
    expect(readOnly.target.capabilities.stateful).toBe(false);
  });

  it('reports every check that needs a stateful server as skipped, with the reason, never as passed', () => {
    const statefulKinds = new Set(['unknown-id', 'pagination', 'id-consistency', 'read-back']);
    for (const report of [readOnly, withWrites]) {
      const cases = report.operations.flatMap((o) => o.cases.filter((c) => statefulKinds.has(c.kind)));
      expect(cases.length).toBeGreaterThan(20);
      for (const c of cases) {
        expect(c.outcome).toBe('skipped');
        expect(c.reason).toMatch(/needs a stateful target/);
      }
    }
    const conversation = readOnly.operations.find((o) => o.operationId === 'getConversationById')!;
    expect(conversation.cases.map((c) => [c.kind, c.outcome])).toEqual([
      ['valid-request', 'pass'],
      ['id-consistency', 'skipped'],
      ['no-token', 'pass'],
      ['malformed-id', 'pass'],
      ['unknown-id', 'skipped'],
    ]);
  });

  it('checks the stateless negative cases for real: no token → 401, malformed id → 400, missing parameter → 4xx', () => {
    const byKind = (kind: string) => readOnly.operations.flatMap((o) => o.cases.filter((c) => c.kind === kind));
    expect(byKind('no-token').length).toBeGreaterThan(30);
    expect(byKind('no-token').every((c) => c.outcome === 'pass' && c.status === 401)).toBe(true);
    expect(byKind('malformed-id').every((c) => c.outcome === 'pass' && c.status === 400)).toBe(true);
    expect(byKind('missing-parameter').every((c) => c.outcome === 'pass' && c.status === 400)).toBe(true);
  });

  it('stops at the first request, naming the right base URL, when --base-url ends in /api', async () => {
    const run = runContract({ baseUrl: `${prism.baseUrl}/api`, token: 'prism-accepts-any-token', profile: 'generic' });
    await expect(run).rejects.toThrow(SetupError);
    await expect(run).rejects.toThrow(`give --base-url ${prism.baseUrl} instead`);
  });

  it('runs the write operations with --allow-writes and finds no violation', () => {
    expect(failures(withWrites)).toEqual([]);
    const passed = withWrites.operations.filter((o) => o.outcome === 'pass').map((o) => o.operationId);
    expect(passed).toEqual(expect.arrayContaining(['createList', 'updateListById', 'deleteListById', 'createOrganizationRole', 'deleteOrganizationRoleById', 'createOrganizationTag', 'sendMessageInConversation', 'createCampaign', 'createKnowledgeBaseDocument']));
    // Writes sent with a body of the wrong type are rejected by Prism's own validation.
    const invalidBodies = withWrites.operations.flatMap((o) => o.cases.filter((c) => c.kind === 'invalid-body'));
    expect(invalidBodies.length).toBeGreaterThan(10);
    expect(invalidBodies.every((c) => c.outcome === 'pass' && c.status === 400)).toBe(true);
  });
});

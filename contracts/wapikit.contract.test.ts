/**
 * The Wapikit API contract as a test suite: one test per operation of openapi/wapikit.yaml (so a new operation
 * cannot go unchecked), running the same checks as `wapikit-mock contract`.
 *
 *   npx vitest run contracts                                        # against the in-process mock
 *   WAPIKIT_BASE_URL=https://staging.example.com/api WAPIKIT_TOKEN=... npx vitest run contracts
 *
 * Environment: WAPIKIT_BASE_URL, WAPIKIT_TOKEN or WAPIKIT_USERNAME + WAPIKIT_PASSWORD, WAPIKIT_ALLOW_WRITES=1,
 * WAPIKIT_ONLY (comma list of tags or operationIds), WAPIKIT_TARGET_PROFILE (wapikit | generic),
 * WAPIKIT_TIMEOUT_MS, WAPIKIT_MAX_RESPONSE_BYTES, WAPIKIT_ANONYMOUS=1. An operation the run did not exercise is reported as skipped with the reason; checks
 * skipped inside an exercised operation are attached to its test as annotations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startInProcessMock } from '../src/cli/in-process-mock.js';
import { runContract, type ContractReport, type TargetProfile } from '../src/contract/index.js';
import { listOperations, loadSpec } from '../src/spec/index.js';

const env = process.env;
const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
const operations = listOperations(loadSpec());
let report: ContractReport;

beforeAll(async () => {
  report = await runContract({
    baseUrl: nonEmpty(env.WAPIKIT_BASE_URL),
    token: nonEmpty(env.WAPIKIT_TOKEN),
    username: nonEmpty(env.WAPIKIT_USERNAME),
    password: nonEmpty(env.WAPIKIT_USERNAME) ? env.WAPIKIT_PASSWORD : undefined,
    allowWrites: ['1', 'true', 'yes'].includes((env.WAPIKIT_ALLOW_WRITES ?? '').toLowerCase()),
    only: nonEmpty(env.WAPIKIT_ONLY)?.split(','),
    profile: nonEmpty(env.WAPIKIT_TARGET_PROFILE) as TargetProfile | undefined,
    timeoutMs: nonEmpty(env.WAPIKIT_TIMEOUT_MS) ? Number(env.WAPIKIT_TIMEOUT_MS) : undefined,
    maxResponseBytes: nonEmpty(env.WAPIKIT_MAX_RESPONSE_BYTES) ? Number(env.WAPIKIT_MAX_RESPONSE_BYTES) : undefined,
    anonymous: ['1', 'true', 'yes'].includes((env.WAPIKIT_ANONYMOUS ?? '').toLowerCase()),
    // Without a base URL, the run checks this project's mock, started in-process (as `wapikit-mock contract` does).
    startTarget: startInProcessMock,
  });
}, 600_000);

describe(`Wapikit API contract (${nonEmpty(env.WAPIKIT_BASE_URL) ?? 'in-process mock'})`, () => {
  it.for(operations.map((op) => [op.operationId, `${op.method.toUpperCase()} ${op.path}`] as const))('%s (%s)', async ([operationId], ctx) => {
    const result = report.operations.find((o) => o.operationId === operationId);
    expect(result, `the contract run produced no result for ${operationId}`).toBeDefined();
    if (!result || result.outcome === 'skipped') ctx.skip(result?.reason ?? 'not exercised');
    for (const c of result!.cases.filter((x) => x.outcome === 'skipped')) {
      await ctx.annotate(`check skipped: ${c.name} — ${c.reason ?? 'not run'}`, 'notice');
    }
    const violations = result!.cases
      .filter((c) => c.outcome === 'fail')
      .flatMap((c) => c.violations.map((v) => `${c.name}${c.request ? ` (${c.request} → ${c.status ?? 'no answer'})` : ''}: ${v.message}`));
    expect(violations, `${operationId} does not conform to the spec`).toEqual([]);
  });

  it('the run hit no problems and cleaned up after itself (what it could not remove is listed)', async (ctx) => {
    for (const leftover of report.leftovers) await ctx.annotate(`could not clean up: ${leftover}`, 'warning');
    expect(report.problems).toEqual([]);
  });
});

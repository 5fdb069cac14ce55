/**
 * Proof that the checker catches a faulty deployment: a proxy in front of the mock breaks one thing at a time,
 * and for every mutation the kit must fail the operation with a message naming the field (or status, or
 * content type) that is wrong. A control row without a mutation must pass, so no row passes by accident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatConsole, runContract, type ContractReport } from '../../src/contract/index.js';
import { startInProcessMock, type InProcessTarget } from '../../src/cli/in-process-mock.js';
import { editJson, startFaultyProxy, type Fault, type ProxiedRequest } from './support/faulty-proxy.js';

/** The parts of the answers the faults edit. */
type Json = { conversation: Record<string, unknown>; conversations: Array<Record<string, unknown>>; paginationMeta: Record<string, unknown> };

const isOp = (method: string, pattern: RegExp) => (req: ProxiedRequest) => req.method === method && pattern.test(req.path);
const GET_CONVERSATIONS = isOp('get', /^\/conversations$/);
const GET_CONVERSATION = isOp('get', /^\/conversation\/[^/]+$/);
const GET_MESSAGES = isOp('get', /^\/conversation\/[^/]+\/messages$/);

interface Row {
  mutation: string;
  operationId: string;
  fault: Fault | undefined;
  /** What the violation message must say (the field, status or content type). */
  expected: RegExp;
}

const rows: Row[] = [
  {
    mutation: 'drops a required field',
    operationId: 'getConversationById',
    fault: { matches: GET_CONVERSATION, response: (res) => { if (res.status === 200) editJson(res, (b) => { delete (b as Json).conversation.status; }); } },
    expected: /response field 'conversation\.status' is required/,
  },
  {
    mutation: 'changes an enum value',
    operationId: 'getConversations',
    fault: { matches: GET_CONVERSATIONS, response: (res) => editJson(res, (b) => { (b as Json).conversations[0]!.status = 'Resolved'; }) },
    expected: /response field 'conversations\[0\]\.status' must be one of Active, Closed, Deleted \(got 'Resolved'\)/,
  },
  {
    mutation: 'changes a type',
    operationId: 'getConversationMessages',
    fault: { matches: GET_MESSAGES, response: (res) => { if (res.status === 200) editJson(res, (b) => { (b as Json).paginationMeta.total = String((b as Json).paginationMeta.total); }); } },
    expected: /response field 'paginationMeta\.total' must be an integer \(got '\d+'\)/,
  },
  {
    mutation: 'breaks a field with alternatives',
    operationId: 'getConversationById',
    fault: { matches: GET_CONVERSATION, response: (res) => { if (res.status === 200) editJson(res, (b) => { (b as Json).conversation.campaignId = 'abc'; }); } },
    expected: /response field 'conversation\.campaignId' must be a valid uuid or '' \(got 'abc'\)/,
  },
  {
    mutation: 'answers an undocumented status',
    operationId: 'getConversationById',
    fault: { matches: GET_CONVERSATION, response: (res) => { if (res.status === 200) res.status = 418; } },
    expected: /status 418 is not documented for getConversationById \(documented: 200, 400, 401, 404, 429, 500\)/,
  },
  {
    mutation: 'returns 500',
    operationId: 'getConversations',
    fault: { matches: GET_CONVERSATIONS, response: (res) => { res.status = 500; res.body = JSON.stringify('Something went wrong while processing your request.'); } },
    expected: /answered 500, a server error \(documented, but a healthy deployment never sends it\)/,
  },
  {
    mutation: 'sends the wrong content type',
    operationId: 'getConversationById',
    fault: { matches: GET_CONVERSATION, response: (res) => { res.headers['content-type'] = 'text/plain; charset=utf-8'; } },
    expected: /content type 'text\/plain' is not documented for getConversationById 200 \(documented: application\/json\)/,
  },
  {
    mutation: 'stops requiring the token',
    operationId: 'getConversationById',
    fault: { matches: GET_CONVERSATION, request: (req) => { req.headers['x-access-token'] ??= TOKEN; } },
    expected: /answered 200 where status 401 was expected \(the operation requires a token \(x-access-token\)\)/,
  },
  {
    mutation: 'breaks pagination meta',
    operationId: 'getConversations',
    fault: { matches: GET_CONVERSATIONS, response: (res) => editJson(res, (b) => { (b as Json).paginationMeta.total = 0; }) },
    expected: /response field 'paginationMeta\.total' is 0, fewer than the \d+ conversations up to this page/,
  },
];

const TOKEN = 'faulty-proxy-test-token';
let mock: InProcessTarget;

beforeAll(async () => {
  mock = await startInProcessMock({ token: TOKEN });
});

afterAll(async () => {
  await mock?.close();
});

async function runThroughProxy(fault: Fault | undefined, operationId: string): Promise<{ report: ContractReport; hits: number }> {
  const proxy = await startFaultyProxy(mock.baseUrl, fault);
  try {
    const report = await runContract({ baseUrl: proxy.baseUrl, token: TOKEN, only: [operationId] });
    return { report, hits: proxy.hits() };
  } finally {
    await proxy.close();
  }
}

describe('a deliberately faulty deployment', () => {
  it.each(['getConversations', 'getConversationById', 'getConversationMessages'])('control: %s passes through the proxy without a fault', async (operationId) => {
    const { report } = await runThroughProxy(undefined, operationId);
    const op = report.operations.find((o) => o.operationId === operationId)!;
    expect(op.cases.filter((c) => c.outcome === 'fail')).toEqual([]);
    expect(op.outcome).toBe('pass');
  });

  it.each(rows)('is caught when it $mutation ($operationId)', async ({ operationId, fault, expected }) => {
    const { report, hits } = await runThroughProxy(fault, operationId);
    expect(hits).toBeGreaterThan(0);
    const op = report.operations.find((o) => o.operationId === operationId)!;
    expect(op.outcome).toBe('fail');
    const messages = op.cases.flatMap((c) => c.violations.map((v) => v.message));
    expect(messages.some((m) => expected.test(m)), messages.join('\n')).toBe(true);
    // The console report names the operation on the FAIL line and the field in the violation under it.
    const text = formatConsole(report);
    const failLine = text.split('\n').findIndex((l) => l.startsWith(`FAIL  ${operationId}`));
    expect(failLine).toBeGreaterThanOrEqual(0);
    expect(text.split('\n').slice(failLine + 1).find((l) => expected.test(l))).toBeDefined();
  });
});

/**
 * The kit's parts on their own: generated values are valid by the spec and repeatable, answers are judged as the
 * README says (5xx, content types, problem+json per profile, pagination, ids), negative cases are derived
 * correctly, and secrets are masked.
 */
import { describe, expect, it } from 'vitest';
import { checkExchange, checkIdConsistency, checkPagination, type Expectation } from '../../src/contract/checks.js';
import type { BuiltRequest } from '../../src/contract/build-request.js';
import type { Exchange } from '../../src/contract/http.js';
import { negativeCases } from '../../src/contract/negative-cases.js';
import { Redactor } from '../../src/contract/redact.js';
import { selectOperations, UsageError } from '../../src/contract/run-contract.js';
import { sampleFromPattern, sampleValue } from '../../src/contract/sample-values.js';
import { createValidators, listOperations, loadSpec, operationById, type JsonSchema } from '../../src/spec/index.js';

const doc = loadSpec();
const validators = createValidators(doc);
const ops = listOperations(doc);

function exchange(status: number, contentType: string, body: unknown): Exchange {
  const text = typeof body === 'string' && !contentType.includes('json') ? body : JSON.stringify(body);
  const ex: Exchange = { describe: 'GET /x', status, contentType, headers: new Headers(), text, durationMs: 1 };
  if (contentType.includes('json')) ex.json = body;
  return ex;
}

describe('sample values', () => {
  it.each([
    ['^[0-9]{6}$', /^[0-9]{6}$/],
    ['^[1-9][0-9]{7,14}$', /^[1-9][0-9]{7,14}$/],
    ['^\\+?[1-9][0-9]{7,14}$', /^\+?[1-9][0-9]{7,14}$/],
    ['^[0-9]{1,32}$', /^[0-9]{1,32}$/],
  ])('samples the pattern %s', (pattern, re) => {
    expect(sampleFromPattern(pattern)).toMatch(re);
  });

  it('generates a valid JSON body for every operation that takes one, the same every time', () => {
    const withBodies = ops.filter((op) => op.requestBody?.content['application/json']);
    expect(withBodies.length).toBe(ops.filter((op) => op.requestBody).length - 2); // all but the two multipart uploads
    for (const op of withBodies) {
      const schema = op.requestBody!.content['application/json']!.schema as JsonSchema;
      const body = sampleValue(doc, schema);
      expect(validators.body(op, 'application/json', body), op.operationId).toEqual([]);
      expect(sampleValue(doc, schema)).toEqual(body);
    }
  });

  it('generates valid values for every query and path parameter', () => {
    for (const op of ops) {
      for (const where of ['query', 'path'] as const) {
        const values = Object.fromEntries(op.parameters.filter((p) => p.in === where).map((p) => [p.name, sampleValue(doc, p.schema)]));
        expect(validators.parameters(op, where, values), `${op.operationId} ${where}`).toEqual([]);
      }
    }
  });
});

describe('judging an answer', () => {
  const op = operationById(doc, 'getConversationById');
  const success: Expectation = { kind: 'success' };

  it('fails any 5xx, documented or not', () => {
    const a = checkExchange(validators, 'wapikit', op, exchange(500, 'application/json', 'boom'), success);
    expect(a.violations.map((v) => v.message)).toEqual(["answered 500, a server error (documented, but a healthy deployment never sends it): \"boom\""]);
    const b = checkExchange(validators, 'generic', op, exchange(503, 'text/html', '<h1>down</h1>'), success);
    expect(b.violations[0]!.message).toBe('answered 503, a server error: <h1>down</h1>');
  });

  it('fails a documented error where success was expected, naming why', () => {
    const r = checkExchange(validators, 'wapikit', op, exchange(404, 'application/json', 'conversation not found'), success);
    expect(r.violations.map((v) => v.message)).toEqual(['answered 404 where a 2xx status was expected (the request is valid by the spec): "conversation not found"']);
  });

  it('treats a documented 429 as "could not check", not as a pass or a violation', () => {
    const r = checkExchange(validators, 'wapikit', op, exchange(429, 'application/json', { error: 'Rate limit exceeded', remaining: 0, reset: 1764000000 }), success);
    expect(r.violations).toEqual([]);
    expect(r.skippedReason).toMatch(/^rate-limited by the target \(429, documented\)/);
  });

  it('checks error bodies against the spec too', () => {
    const r = checkExchange(validators, 'wapikit', op, exchange(401, 'application/json', { message: 'Unauthorized' }), { kind: 'status', status: 401, why: 'no token' });
    expect(r.violations.map((v) => v.message)).toEqual(['response body must be a string (got {"message":"Unauthorized"})']);
  });

  it('fails a JSON content type whose body does not parse, and an empty body where JSON is documented', () => {
    const broken: Exchange = { ...exchange(200, 'application/json', null), json: undefined, jsonError: 'Unexpected token', text: '{oops' };
    expect(checkExchange(validators, 'wapikit', op, broken, success).violations[0]!.message).toMatch(/^response body is not valid JSON/);
    const empty: Exchange = { ...exchange(200, 'application/json', null), json: undefined, text: '' };
    expect(checkExchange(validators, 'wapikit', op, empty, success).violations[0]!.message).toBe('response body is empty; the spec documents application/json for getConversationById 200');
  });

  it('profile wapikit: a problem+json error is a violation; profile generic: right status, body reported as not checked', () => {
    const problem = { type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY', title: 'Invalid request', status: 400 };
    const expectation: Expectation = { kind: 'status', status: 400, why: 'malformed id' };
    const strict = checkExchange(validators, 'wapikit', op, exchange(400, 'application/problem+json', problem), expectation);
    expect(strict.violations.map((v) => v.message)).toEqual(["content type 'application/problem+json' is not documented for getConversationById 400 (documented: application/json)"]);
    const generic = checkExchange(validators, 'generic', op, exchange(400, 'application/problem+json', problem), expectation);
    expect(generic.violations).toEqual([]);
    expect(generic.skippedReason).toMatch(/rejected the request with 400 as expected, but with its own application\/problem\+json error/);
    // ... but only when the status is the expected one.
    const wrong = checkExchange(validators, 'generic', op, exchange(422, 'application/problem+json', problem), expectation);
    expect(wrong.violations.map((v) => v.message)).toContain('status 422 is not documented for getConversationById (documented: 200, 400, 401, 404, 429, 500)');
  });
});

describe('stateful checks', () => {
  const meta = (page: number, per_page: number, total: number) => ({ page, per_page, total });

  it('accepts pagination metadata that describes the page', () => {
    expect(checkPagination({ page: '1', per_page: '5' }, { conversations: [1, 2, 3, 4, 5], paginationMeta: meta(1, 5, 300) })).toEqual([]);
    expect(checkPagination({ page: '2', per_page: '5' }, { conversations: [1, 2], paginationMeta: meta(2, 5, 7) })).toEqual([]);
  });

  it.each([
    [{ conversations: [1], paginationMeta: meta(2, 5, 300) }, "response field 'paginationMeta.page' must be 1, the page that was requested (got 2)"],
    [{ conversations: [1], paginationMeta: meta(1, 10, 300) }, "response field 'paginationMeta.per_page' must be 5, as requested (got 10)"],
    [{ conversations: [1, 2, 3, 4, 5, 6], paginationMeta: meta(1, 5, 300) }, "response field 'conversations' holds 6 items, more than the 5 per page that were requested"],
    [{ conversations: [1, 2, 3], paginationMeta: meta(1, 5, 0) }, "response field 'paginationMeta.total' is 0, fewer than the 3 conversations up to this page"],
  ])('flags broken pagination metadata: %j', (body, message) => {
    expect(checkPagination({ page: '1', per_page: '5' }, body).map((v) => v.message)).toEqual([message]);
  });

  it('flags a record that is not the one asked for', () => {
    expect(checkIdConsistency('a', 'GET /x', { conversation: { uniqueId: 'a' } })).toEqual([]);
    expect(checkIdConsistency('a', 'GET /conversations', { conversation: { uniqueId: 'b' } }).map((v) => v.message)).toEqual([
      "response field 'conversation.uniqueId' must be 'a', the id that was requested (found in GET /conversations) (got \"b\")",
    ]);
  });
});

describe('negative cases', () => {
  it('derives no token, malformed id, unknown id from a valid request of an operation with a path id', () => {
    const op = operationById(doc, 'getConversationMessages');
    const base: BuiltRequest = {
      op,
      request: { method: 'get', path: '/conversation/3f0c/messages', query: { page: '1', per_page: '5' }, auth: 'header' },
      pathValues: { id: '3f0c' },
      ids: { id: { resource: 'conversation', found: { id: '3f0c', source: 'GET /conversations', related: {} } } },
    };
    const cases = negativeCases(base);
    expect(cases.map((c) => [c.kind, c.request.path, c.request.auth, JSON.stringify(c.request.query), c.expectation.kind === 'status' ? c.expectation.status : '4xx', c.needsStateful ?? false])).toEqual([
      ['no-token', '/conversation/3f0c/messages', 'none', '{"page":"1","per_page":"5"}', 401, false],
      ['malformed-id', '/conversation/not-a-valid-id/messages', 'header', '{"page":"1","per_page":"5"}', 400, false],
      ['missing-parameter', '/conversation/3f0c/messages', 'header', '{"per_page":"5"}', '4xx', false],
      ['unknown-id', '/conversation/00000000-0000-4000-8000-00000000dead/messages', 'header', '{"page":"1","per_page":"5"}', 404, true],
    ]);
  });

  it('sends the events token in the query, so "no token" drops it there', () => {
    const op = operationById(doc, 'getSSEUpdates');
    const cases = negativeCases({ op, request: { method: 'get', path: '/events', query: {}, auth: 'query' }, pathValues: {}, ids: {} });
    expect(cases.map((c) => [c.kind, c.request.auth])).toEqual([['no-token', 'none']]);
  });

  it('adds a wrong-type body for operations that take JSON', () => {
    const op = operationById(doc, 'createContacts');
    const cases = negativeCases({ op, request: { method: 'post', path: '/contacts', query: {}, auth: 'header', body: { json: [] } }, pathValues: {}, ids: {} });
    const invalid = cases.find((c) => c.kind === 'invalid-body')!;
    expect(invalid.request.body).toEqual({ json: { 'contract-kit': 'an object where a list is expected' } });
    expect(validators.body(op, 'application/json', (invalid.request.body as { json: unknown }).json).length).toBeGreaterThan(0);
  });
});

describe('selection and secrets', () => {
  it('selects by tag or operationId, comma lists included, and refuses unknown names', () => {
    expect([...selectOperations(ops, ['getUser,Lists'])].sort()).toEqual(['createList', 'deleteListById', 'getContactLists', 'getListById', 'getUser', 'updateListById']);
    expect(selectOperations(ops, []).size).toBe(ops.length);
    expect(() => selectOperations(ops, ['nope'])).toThrow(UsageError);
  });

  it('masks registered secrets (raw and URL-encoded) and any JWT', () => {
    const r = new Redactor();
    r.add('s3cr3t/token+x');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(r.apply(`a s3cr3t/token+x b ${encodeURIComponent('s3cr3t/token+x')} c ${jwt}`)).toBe('a [redacted] b [redacted] c [redacted]');
    expect(r.applyDeep({ nested: ['s3cr3t/token+x'] })).toEqual({ nested: ['[redacted]'] });
  });
});

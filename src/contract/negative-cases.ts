/**
 * The bad requests the spec implies an answer for, each derived from a valid request of the same operation:
 * no token → 401 on protected operations; a malformed id → 400; a missing required parameter or an invalid body
 * → a 4xx; a well-formed id that does not exist → 404 (only a stateful target can know that).
 */
import type { OperationInfo } from '../spec/index.js';
import type { BuiltRequest } from './build-request.js';
import type { Expectation } from './checks.js';
import { resourceForParam } from './discover-ids.js';
import type { OutgoingRequest } from './http.js';
import type { CaseKind } from './types.js';

export interface NegativeCase {
  kind: CaseKind;
  name: string;
  request: OutgoingRequest;
  expectation: Expectation;
  /** Set when only a stateful target can answer it correctly. */
  needsStateful?: boolean;
}

/** Ids that are well-formed but that no deployment hands out. */
const UNKNOWN_UUID = '00000000-0000-4000-8000-00000000dead';
const UNKNOWN_NUMERIC = '999999999999999999';

function withPath(op: OperationInfo, base: BuiltRequest, name: string, value: string): OutgoingRequest {
  const values = { ...base.pathValues, [name]: value };
  return { ...base.request, path: op.path.replace(/\{([^}]+)\}/g, (_m, n: string) => encodeURIComponent(values[n] ?? '')) };
}

function statusOr4xx(op: OperationInfo, status: number, why: string): Expectation {
  return op.responses.has(status) ? { kind: 'status', status, why } : { kind: 'client-error', why };
}

export function negativeCases(base: BuiltRequest): NegativeCase[] {
  const { op, request } = base;
  const out: NegativeCase[] = [];

  if (op.auth !== 'none') {
    out.push({
      kind: 'no-token',
      name: 'without a token',
      request: { ...request, auth: 'none' },
      expectation: statusOr4xx(op, 401, `the operation requires a token (${op.auth === 'query' ? '?token=' : 'x-access-token'})`),
    });
  }

  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const s = p.schema as { format?: string; pattern?: string };
    if (s.format === 'uuid' || typeof s.pattern === 'string') {
      out.push({
        kind: 'malformed-id',
        name: `with a malformed path parameter '${p.name}'`,
        request: withPath(op, base, p.name, 'not-a-valid-id'),
        expectation: statusOr4xx(op, 400, `path parameter '${p.name}' must be ${s.format === 'uuid' ? 'a uuid' : `a string matching ${s.pattern}`}`),
      });
    }
  }

  const required = op.parameters.find((x) => x.in === 'query' && x.required);
  if (required) {
    const query = { ...request.query };
    delete query[required.name];
    out.push({
      kind: 'missing-parameter',
      name: `without the required query parameter '${required.name}'`,
      request: { ...request, query },
      expectation: { kind: 'client-error', why: `query parameter '${required.name}' is required` },
    });
  }

  if (request.body && 'json' in request.body) {
    const wrong = Array.isArray(request.body.json) ? { 'contract-kit': 'an object where a list is expected' } : ['contract-kit: a list where an object is expected'];
    out.push({
      kind: 'invalid-body',
      name: 'with a body of the wrong type',
      request: { ...request, body: { json: wrong } },
      expectation: { kind: 'client-error', why: `the body must be ${Array.isArray(request.body.json) ? 'a list' : 'an object'}` },
    });
  }

  if (op.responses.has(404)) {
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const resource = resourceForParam(op, p.name);
      if (!resource || !base.ids[p.name]) continue;
      const value = (p.schema as { format?: string }).format === 'uuid' ? UNKNOWN_UUID : UNKNOWN_NUMERIC;
      out.push({
        kind: 'unknown-id',
        name: `with an unknown ${resource} id`,
        request: withPath(op, base, p.name, value),
        expectation: { kind: 'status', status: 404, why: `no ${resource} has the id ${value}` },
        needsStateful: true,
      });
    }
  }
  return out;
}

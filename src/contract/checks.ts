/**
 * What the kit checks in one answer: the status (documented, expected, never 5xx), the content type, and the body
 * against the spec's schema for that status; plus the checks only a stateful target can pass (pagination
 * metadata that describes the page, a record fetched by id that is the record asked for).
 */
import type { OperationInfo, SpecValidators, Violation } from '../spec/index.js';
import type { Exchange } from './http.js';
import type { TargetProfile } from './types.js';

/** What a correct target answers to the request that was sent. */
export type Expectation =
  | { kind: 'success' }
  | { kind: 'status'; status: number; why: string }
  | { kind: 'client-error'; why: string };

export interface CheckOutcome {
  violations: Violation[];
  notes: string[];
  /** Set when the answer could not be judged (rate-limited, or a generic target's own error format). */
  skippedReason?: string;
}

function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return 'an empty body';
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

function expected(e: Expectation): string {
  switch (e.kind) {
    case 'success': return 'a 2xx status';
    case 'status': return `status ${e.status}`;
    case 'client-error': return 'a 4xx status';
  }
}

function meets(e: Expectation, status: number): boolean {
  switch (e.kind) {
    case 'success': return status >= 200 && status < 300;
    case 'status': return status === e.status;
    case 'client-error': return status >= 400 && status < 500;
  }
}

function baseType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** Checks one answer of `op` against the spec and against what the request should have produced. */
export function checkExchange(validators: SpecValidators, profile: TargetProfile, op: OperationInfo, ex: Exchange, expectation: Expectation): CheckOutcome {
  const out: CheckOutcome = { violations: [], notes: [] };
  const { status } = ex;
  const documented = op.responses.has(status);

  if (status >= 500) {
    out.violations.push({
      pointer: '',
      message: `answered ${status}, a server error${documented ? ' (documented, but a healthy deployment never sends it)' : ''}: ${snippet(ex.text)}`,
      expected: expected(expectation),
      actual: status,
    });
    return out;
  }

  if (status === 429 && documented && !meets(expectation, status)) {
    out.skippedReason = `rate-limited by the target (429, documented): ${expectation.kind === 'success' ? 'the success response' : `the answer to a request that should get ${expected(expectation)}`} could not be checked`;
  } else if (!meets(expectation, status)) {
    const why = expectation.kind === 'success' ? 'the request is valid by the spec' : expectation.why;
    out.violations.push({ pointer: '', message: `answered ${status} where ${expected(expectation)} was expected (${why}): ${snippet(ex.text)}`, expected: expected(expectation), actual: status });
  }

  const type = baseType(ex.contentType);
  if (profile === 'generic' && type === 'application/problem+json' && status >= 400 && status < 500 && meets(expectation, status)) {
    out.skippedReason = `the target rejected the request with ${status} as expected, but with its own application/problem+json error, which the spec does not document (generic profile): the error body was not checked`;
    return out;
  }

  if (ex.tooLarge) {
    out.violations.push({ pointer: '', message: `response body is larger than ${ex.tooLarge.limit} bytes (read stopped)`, expected: `at most ${ex.tooLarge.limit} bytes`, actual: 'more' });
    return out;
  }
  let body: unknown = ex.json;
  if (ex.jsonError !== undefined) {
    out.violations.push({ pointer: '', message: `response body is not valid JSON although the content type is '${type}' (${ex.jsonError})`, expected: 'valid JSON', actual: snippet(ex.text) });
    return out;
  }
  if (type.endsWith('json') && ex.text === '') body = undefined;
  const media = op.responses.get(status)?.content;
  if (documented && ex.text === '' && media && Object.keys(media).length > 0) {
    out.violations.push({ pointer: '', message: `response body is empty; the spec documents ${Object.keys(media).join(', ')} for ${op.operationId} ${status}`, expected: Object.keys(media).join(', '), actual: '' });
    return out;
  }
  out.violations.push(...validators.response(op, status, ex.contentType, body));
  return out;
}

/** The single array property and the `paginationMeta` of a list response, if it is one. */
function listParts(body: unknown): { name: string; items: unknown[]; meta: Record<string, unknown> } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const meta = record.paginationMeta;
  if (!meta || typeof meta !== 'object') return undefined;
  const arrays = Object.entries(record).filter(([, v]) => Array.isArray(v));
  if (arrays.length !== 1) return undefined;
  return { name: arrays[0]![0], items: arrays[0]![1] as unknown[], meta: meta as Record<string, unknown> };
}

/**
 * The page that came back must be the page asked for: `page` and `per_page` echo the request, the page holds at
 * most `per_page` items, and `total` counts at least the items seen so far.
 */
export function checkPagination(query: Record<string, string>, body: unknown): Violation[] {
  const parts = listParts(body);
  if (!parts) return [];
  const { name, items, meta } = parts;
  const page = Number(query.page);
  const perPage = Number(query.per_page);
  const out: Violation[] = [];
  if (Number.isFinite(page) && meta.page !== page) {
    out.push({ pointer: '/paginationMeta/page', message: `response field 'paginationMeta.page' must be ${page}, the page that was requested (got ${JSON.stringify(meta.page)})`, expected: String(page), actual: meta.page });
  }
  if (Number.isFinite(perPage) && meta.per_page !== perPage) {
    out.push({ pointer: '/paginationMeta/per_page', message: `response field 'paginationMeta.per_page' must be ${perPage}, as requested (got ${JSON.stringify(meta.per_page)})`, expected: String(perPage), actual: meta.per_page });
  }
  if (Number.isFinite(perPage) && items.length > perPage) {
    out.push({ pointer: `/${name}`, message: `response field '${name}' holds ${items.length} items, more than the ${perPage} per page that were requested`, expected: `at most ${perPage} items`, actual: items.length });
  }
  const seen = (Number.isFinite(page) && Number.isFinite(perPage) ? (page - 1) * perPage : 0) + items.length;
  if (typeof meta.total === 'number' && meta.total < seen) {
    out.push({ pointer: '/paginationMeta/total', message: `response field 'paginationMeta.total' is ${meta.total}, fewer than the ${seen} ${name} up to this page`, expected: `at least ${seen}`, actual: meta.total });
  }
  return out;
}

/** The id of the record a "get by id" answer carries: `{x: {uniqueId}}`, `{x: {id}}`, `{uniqueId}` or `{id}`. */
export function recordId(body: unknown): { pointer: string; id: unknown } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['uniqueId', 'id']) if (key in record) return { pointer: `/${key}`, id: record[key] };
  const objects = Object.entries(record).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v));
  if (objects.length !== 1) return undefined;
  const [name, inner] = objects[0]! as [string, Record<string, unknown>];
  for (const key of ['uniqueId', 'id']) if (key in inner) return { pointer: `/${name}/${key}`, id: inner[key] };
  return undefined;
}

/** A record fetched by an id the target itself listed must be that record. */
export function checkIdConsistency(requestedId: string, source: string, body: unknown): Violation[] {
  const found = recordId(body);
  if (!found || found.id === requestedId) return [];
  const field = found.pointer.slice(1).replace(/\//g, '.');
  return [{
    pointer: found.pointer,
    message: `response field '${field}' must be '${requestedId}', the id that was requested (found in ${source}) (got ${JSON.stringify(found.id)})`,
    expected: requestedId,
    actual: found.id,
  }];
}

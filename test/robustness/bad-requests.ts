/**
 * Bad requests for one operation, derived from the spec: every path, query and body location gets values that
 * break it (wrong types, out-of-range numbers, malformed ids, very long and non-ASCII strings, `__proto__` and
 * `constructor`), plus missing and extra fields, malformed JSON, wrong content types, an oversized body and
 * missing or garbage tokens. The spec's own validators are the oracle: a generated value that the spec accepts
 * is not a bad input and is dropped (or, for path ids, expected to reach the handler and be a 404).
 */
import { parse as parseQuery } from 'node:querystring';
import { sampleFromPattern, sampleValue } from '../../src/contract/sample-values.js';
import type { JsonSchema, OpenApiDocument, OperationInfo, SpecValidators, Violation } from '../../src/spec/index.js';
import { enforcementOf, type RuleLocation } from '../../src/spec/leniency.js';

/** Whether every problem breaks a spec-only rule (what the lenient default lets through). */
function specOnly(op: OperationInfo, location: RuleLocation, problems: Violation[]): boolean {
  return problems.length > 0 && problems.every((v) => v.pointer !== '' && enforcementOf(op, location, v) === 'spec-only');
}

/** A well-formed v4 UUID that no seeded world hands out. */
export const UNKNOWN_UUID = '00000000-0000-4000-8000-00000000dead';
export const LONG = 'x'.repeat(5_000);
export const VERY_LONG = 'y'.repeat(100_000);
export const NON_ASCII = 'ünïcødé ✓ 中文 🙂 \u202eRTL';

export interface BadRequest {
  /** Unique within the operation, e.g. "body field 'messageData.text' = 12345". */
  name: string;
  method: string;
  /** Relative to the API base path, query string included. */
  path: string;
  /** `undefined`: the default (demo owner) token; `null`: none. */
  token?: string | null;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** The status the spec implies. */
  status: number;
  /** A string the error message must contain (names the field). */
  mentions?: string;
  /** The input is valid (an unknown id): only a handler can answer it. */
  reachesHandler?: boolean;
  /** A refusal of the mock's own controls (`Prefer`): a 400 even where the operation documents none. */
  control?: boolean;
  /**
   * Every problem breaks a rule only the spec states (src/spec/leniency.ts): refused only with `strict`; by default
   * answered by the handler with an `x-wapikit-mock-warning` header mentioning the problem.
   */
  specOnly?: boolean;
}

export interface BadRequestContext {
  doc: OpenApiDocument;
  validators: SpecValidators;
  /** Stands in for a real signed token of the wrong server, an expired one, etc. */
  foreignTokens: Record<string, string>;
}

const PATH_CANDIDATES: Array<[string, string]> = [
  ['a malformed id', 'not-a-valid-id'],
  ['a negative number', '-1'],
  ['zero', '0'],
  ['a 5,000-character string', LONG],
  ['a non-ASCII string', NON_ASCII],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['toString', 'toString'],
  ['hasOwnProperty', 'hasOwnProperty'],
];

/** Names that are on every plain object: a lookup by a user-supplied name must not find them. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Percent-escapes that do not decode (sent as they are, not encoded again). */
const MALFORMED_ESCAPES: Array<[string, string]> = [
  ['%ff (not UTF-8)', '%ff'],
  ['%zz (not hex)', '%zz'],
  ['a lone %', '%'],
  ['a cut-off escape %e4%b8', '%e4%b8'],
];

/** Deeper than any body needs to be, and far deeper than the server's limit (MAX_JSON_DEPTH, 64). */
const DEEP = 5_000;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const QUERY_CANDIDATES: Array<[string, string]> = [
  ['a word', 'abc'],
  ['a fraction', '1.5'],
  ['zero', '0'],
  ['a negative number', '-1'],
  ['a huge number', '99999999999999999999'],
  ['an empty string', ''],
  ['a 5,000-character string', LONG],
  ['a non-ASCII string', NON_ASCII],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
];

const BODY_CANDIDATES: Array<[string, unknown]> = [
  ['a number', 12345],
  ['a word', 'not-valid'],
  ['a boolean', true],
  ['an object', { nested: true }],
  ['a list', ['a']],
  ['null', null],
  ['a negative number', -1],
  ['a huge number', 1e300],
  ['a 100,000-character string', VERY_LONG],
  ['a non-ASCII string', NON_ASCII],
  ['__proto__', '__proto__'],
];

/** Distinct kinds of bad value tried per body field (first rejected of each kind). */
const MAX_PER_FIELD = 4;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BOUNDARY = 'wapikitboundary';

/** A form with every required field of a multipart schema (files as a small text file). */
function validForm(schema: JsonSchema | undefined): { headers: Record<string, string>; body: string } {
  const required = (schema as { required?: string[] } | undefined)?.required ?? [];
  const parts = required.map((name) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.txt"\r\nContent-Type: text/plain\r\n\r\nname,phone\r\n`);
  return { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body: `${parts.join('')}--${BOUNDARY}--\r\n` };
}

function buildPath(op: OperationInfo, values: Record<string, string>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, n: string) => encodeURIComponent(values[n] ?? ''));
}

function withQuery(path: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** A value the spec accepts for a path parameter (ids are well-formed and unknown). */
function validPathValue(doc: OpenApiDocument, schema: JsonSchema): string {
  const s = schema as { format?: string; pattern?: string };
  if (s.format === 'uuid') return UNKNOWN_UUID;
  if (typeof s.pattern === 'string') return sampleFromPattern(s.pattern).replace(/^0+(?=\d)/, '9');
  const v = sampleValue(doc, schema);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function validQueryValue(doc: OpenApiDocument, name: string, schema: JsonSchema): string {
  if (name === 'page') return '1';
  if (name === 'per_page') return '5';
  const v = sampleValue(doc, schema);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Every field of a sample body, as [JSON path, dotted name] pairs (objects and list items included). */
function fieldsOf(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...path, i], ...fieldsOf(v, [...path, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...path, k], ...fieldsOf(v, [...path, k])]);
  return [];
}

function dottedName(path: Array<string | number>): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
}

/** A deep copy with the value at `path` replaced (or removed when `value` is `REMOVE`). */
const REMOVE = Symbol('remove');
function setAt(root: Json, path: Array<string | number>, value: unknown): Json {
  const copy = structuredClone(root);
  let cur: Json = copy;
  for (const k of path.slice(0, -1)) cur = (cur as Record<string | number, Json>)[k]!;
  const last = path[path.length - 1]!;
  if (value === REMOVE) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete (cur as Record<string, Json>)[last as string];
  } else {
    (cur as Record<string | number, unknown>)[last] = value;
  }
  return copy;
}

/** Inserts a raw `"key": value` member at the start of the object at `path` of the serialized body. */
function withRawKey(body: Json, path: Array<string | number>, key: string, raw: string): string | undefined {
  const marker = '"__wapikit_marker__"';
  const target = path.length ? setAt(body, [...path, '__wapikit_marker__'], 0) : { __wapikit_marker__: 0, ...(body as Record<string, Json>) };
  const text = JSON.stringify(target);
  if (!text.includes(marker)) return undefined;
  return text.replace(`${marker}:0`, `${JSON.stringify(key)}:${raw}`);
}

function objectPaths(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  return [];
}

/**
 * What the error message must name: the field itself, or the closest enclosing field the spec's validator
 * blames (a union reports on its discriminator; a `minProperties` object on itself), else the body.
 */
function named(field: Array<string | number>, problems: Violation[]): string {
  for (let n = field.length; n > 0; n--) {
    const name = `'${dottedName(field.slice(0, n))}'`;
    if (problems.some((p) => p.message.includes(name))) return name;
  }
  return 'request body';
}

export function badRequests(op: OperationInfo, ctx: BadRequestContext): BadRequest[] {
  const { doc, validators } = ctx;
  const out: BadRequest[] = [];
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathValues = Object.fromEntries(pathParams.map((p) => [p.name, validPathValue(doc, p.schema)]));
  const query = Object.fromEntries(queryParams.filter((p) => p.required).map((p) => [p.name, validQueryValue(doc, p.name, p.schema)]));
  const method = op.method.toUpperCase();
  const basePath = withQuery(buildPath(op, pathValues), query);

  const json = op.requestBody?.content['application/json'];
  const multipart = op.requestBody?.content['multipart/form-data'];
  const sample = (json?.schema ? sampleValue(doc, json.schema) : undefined) as Json | undefined;
  const sampleIsValid = sample !== undefined && validators.body(op, 'application/json', sample).length === 0;
  const jsonHeaders = { 'content-type': 'application/json' };
  /** The rest of a request that is valid apart from the part under test. */
  const rest = json ? { headers: jsonHeaders, body: JSON.stringify(sample ?? {}) } : multipart ? validForm(multipart.schema as JsonSchema | undefined) : {};

  // ---- tokens
  if (op.auth !== 'none') {
    const tokens: Array<[string, string | null]> = [
      ['no token', null],
      ['an empty token', ''],
      ['a garbage token', 'garbage'],
      ['a token that is not a JWT', 'a.b.c'],
      ['a 5,000-character token', LONG],
      ...Object.entries(ctx.foreignTokens),
    ];
    for (const [name, token] of tokens) {
      if (op.auth === 'query') {
        out.push({ name: `${name} (?token=)`, method, path: token === null ? basePath : withQuery(basePath, { token }), token: null, status: 401 });
      } else {
        out.push({ name, method, path: basePath, token, ...rest, status: 401, mentions: 'Unauthorized access' });
      }
    }
  }
  // Everything below is valid apart from the part under test, so the caller must be let in.
  if (op.auth === 'query') return out; // a valid token would open the event stream

  // ---- path parameters
  for (const p of pathParams) {
    for (const [label, value] of PATH_CANDIDATES) {
      const values = { ...pathValues, [p.name]: value };
      const path = withQuery(buildPath(op, values), query);
      const rejected = validators.parameters(op, 'path', { ...values }).length > 0;
      if (rejected) out.push({ name: `path parameter '${p.name}' = ${label}`, method, path, ...rest, status: 400, mentions: `path parameter '${p.name}'` });
      else if (sampleIsValid || !json) out.push({ name: `path parameter '${p.name}' = ${label} (no such record)`, method, path, ...rest, status: 404, reachesHandler: true });
    }
    if (sampleIsValid || !json) {
      out.push({ name: `path parameter '${p.name}' = an unknown id`, method, path: basePath, ...rest, status: 404, reachesHandler: true });
    }
    for (const [label, raw] of MALFORMED_ESCAPES) {
      const path = withQuery(op.path.replace(/\{([^}]+)\}/g, (_m, n: string) => (n === p.name ? raw : encodeURIComponent(pathValues[n] ?? ''))), query);
      out.push({ name: `path parameter '${p.name}' = a malformed percent-escape: ${label}`, method, path, ...rest, status: 400, mentions: 'percent-escape' });
    }
  }

  // ---- query parameters
  for (const p of queryParams) {
    for (const [label, value] of QUERY_CANDIDATES) {
      const q = { ...query, [p.name]: value };
      const problems = validators.parameters(op, 'query', { ...q });
      if (problems.length === 0) continue;
      out.push({ name: `query parameter '${p.name}' = ${label}`, method, path: withQuery(buildPath(op, pathValues), q), ...rest, status: 400, mentions: `query parameter '${p.name}'`, specOnly: specOnly(op, 'query', problems) });
    }
    for (const [label, raw] of MALFORMED_ESCAPES) {
      // The server's query parser decodes leniently; the spec decides whether what comes out is acceptable.
      const decoded = parseQuery(`v=${raw}`).v as string;
      const problems = validators.parameters(op, 'query', { ...query, [p.name]: decoded });
      if (problems.length === 0) continue;
      const others = new URLSearchParams(Object.entries(query).filter(([k]) => k !== p.name)).toString();
      const path = `${buildPath(op, pathValues)}?${others ? `${others}&` : ''}${p.name}=${raw}`;
      out.push({ name: `query parameter '${p.name}' = a malformed percent-escape: ${label}`, method, path, ...rest, status: 400, mentions: `query parameter '${p.name}'`, specOnly: specOnly(op, 'query', problems) });
    }
    if (p.required) {
      const { [p.name]: _dropped, ...q } = query;
      out.push({ name: `query parameter '${p.name}' missing`, method, path: withQuery(buildPath(op, pathValues), q), ...rest, status: 400, mentions: `query parameter '${p.name}' is required` });
    }
  }

  // ---- JSON bodies
  if (json) {
    const bodyCase = (name: string, body: string | Uint8Array, status: number, mentions?: string, headers: Record<string, string> = jsonHeaders, problems: Violation[] = []): void => {
      out.push({ name, method, path: basePath, headers, body, status, ...(mentions ? { mentions } : {}), ...(specOnly(op, 'body', problems) ? { specOnly: true } : {}) });
    };
    if (op.requestBody?.required) bodyCase('no body', '', 400, 'request body is required', {});
    for (const [label, raw] of [['truncated JSON', '{"'], ['a trailing comma', '{"a":1,}'], ['single quotes', "{'a':1}"], ['NaN', 'NaN']] as const) {
      bodyCase(`malformed JSON: ${label}`, raw, 400, 'not valid JSON');
    }
    for (const [label, raw] of [['a list', '[]'], ['a string', '"text"'], ['a number', '42'], ['null', 'null'], ['true', 'true']] as const) {
      bodyCase(`a body that is ${label}`, raw, 400, 'request body');
    }
    const valid = JSON.stringify(sample ?? {});
    bodyCase('content type text/plain', valid, 400, 'application/json', { 'content-type': 'text/plain' });
    bodyCase('content type application/x-www-form-urlencoded', 'a=1', 400, 'application/json', { 'content-type': 'application/x-www-form-urlencoded' });
    bodyCase('charset utf-16', valid, 400, undefined, { 'content-type': 'application/json; charset=utf-16' });
    bodyCase('charset latin1', valid, 400, 'charset', { 'content-type': 'application/json; charset=latin1' });
    bodyCase('a 2 MB body', JSON.stringify({ padding: 'z'.repeat(2 * 1024 * 1024) }), 413, 'larger than');
    bodyCase(`a body of arrays nested ${DEEP} levels deep`, deepArray(DEEP), 400, 'nested deeper');
    bodyCase(`a body of objects nested ${DEEP} levels deep`, deepObject(DEEP), 400, 'nested deeper');
    bodyCase('a body of objects nested 65 levels deep (one over the limit)', deepObject(65), 400, 'nested deeper');
    const first = sample !== undefined ? fieldsOf(sample)[0] : undefined;
    if (sample !== undefined && first) {
      const text = JSON.stringify(setAt(sample, first, '__wapikit_deep__')).replace('"__wapikit_deep__"', deepArray(DEEP));
      bodyCase(`body field '${dottedName(first)}' = arrays nested ${DEEP} levels deep`, text, 400, 'nested deeper');
    }

    if (sample !== undefined) {
      for (const field of fieldsOf(sample)) {
        const name = dottedName(field);
        const removed = setAt(sample, field, REMOVE);
        const missing = typeof field[field.length - 1] === 'string' ? validators.body(op, 'application/json', removed) : [];
        if (missing.length > 0) bodyCase(`body field '${name}' missing`, JSON.stringify(removed), 400, named(field, missing));
        let tried = 0;
        for (const [label, value] of BODY_CANDIDATES) {
          if (tried >= MAX_PER_FIELD && label !== 'a 100,000-character string' && label !== 'a non-ASCII string') continue;
          const variant = setAt(sample, field, value);
          const problems = validators.body(op, 'application/json', variant);
          if (problems.length === 0) continue;
          tried += 1;
          bodyCase(`body field '${name}' = ${label}`, JSON.stringify(variant), 400, named(field, problems), jsonHeaders, problems);
        }
      }
      for (const at of objectPaths(sample)) {
        const where = at.length ? `in '${dottedName(at)}'` : 'at the top';
        for (const [key, raw] of [['unexpectedField', '1'], ['__proto__', '{"polluted":true}'], ['constructor', '{"prototype":{"polluted":true}}']] as const) {
          const text = withRawKey(sample, at, key, raw);
          const problems = text ? validators.body(op, 'application/json', JSON.parse(text)) : [];
          if (!text || problems.length === 0) continue;
          bodyCase(`an extra field '${key}' ${where}`, text, 400, key, jsonHeaders, problems);
        }
      }
    }
  }

  // ---- multipart bodies
  if (multipart) {
    const required = ((multipart.schema as { required?: string[] } | undefined)?.required ?? [])[0] ?? 'file';
    out.push({ name: 'a JSON body where multipart/form-data is required', method, path: basePath, headers: jsonHeaders, body: '{}', status: 400, mentions: 'multipart/form-data' });
    out.push({ name: 'multipart/form-data without a boundary', method, path: basePath, headers: { 'content-type': 'multipart/form-data' }, body: 'x', status: 400, mentions: 'multipart/form-data' });
    const boundary = BOUNDARY;
    const form = `--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nvalue\r\n--${boundary}--\r\n`;
    out.push({ name: `a form without '${required}'`, method, path: basePath, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: form, status: 400, mentions: `'${required}'` });
    out.push({ name: 'a truncated form', method, path: basePath, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc`, status: 400 });
    const part = (disposition: string, content: string, type?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${content}\r\n`;
    const shapes: Array<[string, string, string]> = [
      [`'${required}' with an empty filename`, part(`name="${required}"; filename=""`, 'name,phone', 'text/csv'), `'${required}'`],
      [`'${required}' sent as a text field`, part(`name="${required}"`, 'name,phone'), `'${required}'`],
      [`'${required}' as an empty file part without a filename (no file chosen)`, part(`name="${required}"; filename=""`, '', 'application/octet-stream'), `'${required}'`],
      [`'${required}' with a 200 KB filename`, part(`name="${required}"; filename="${'f'.repeat(200_000)}"`, 'abc', 'text/plain'), 'headers'],
      ['a boundary that never comes', `--other\r\nContent-Disposition: form-data; name="${required}"; filename="a.txt"\r\n\r\nabc\r\n`, 'multipart form'],
      ...PROTOTYPE_NAMES.map((n): [string, string, string] => [`a file part named '${n}' instead of '${required}'`, part(`name="${n}"; filename="a.txt"`, 'abc', 'text/plain'), `'${required}'`]),
      ...PROTOTYPE_NAMES.map((n): [string, string, string] => [`a text field named '${n}' and no '${required}'`, part(`name="${n}"`, '{"polluted":true}'), `'${required}'`]),
    ];
    for (const [label, parts, mentions] of shapes) {
      const body = label === 'a boundary that never comes' ? parts : `${parts}--${boundary}--\r\n`;
      out.push({ name: `a form with ${label}`, method, path: basePath, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body, status: 400, mentions });
    }
  }

  // ---- prototype names where the mock looks names up: Prefer example names (before and after the body is
  // read), and query keys and header names on a request that reaches as far as the operation's checks go.
  const preferHeaders = (prefer: string) => ({ ...(('headers' in rest && rest.headers) || {}), prefer });
  for (const n of PROTOTYPE_NAMES) {
    if (!json || sampleIsValid) {
      out.push({ name: `Prefer: example=${n}`, method, path: basePath, ...rest, headers: preferHeaders(`example=${n}`), status: 400, mentions: `example=${n}`, control: true });
    }
    const code = [400, 404].find((c) => op.responses.has(c));
    if (code) out.push({ name: `Prefer: code=${code}, example=${n}`, method, path: basePath, ...rest, headers: preferHeaders(`code=${code}, example=${n}`), status: 400, mentions: `example=${n}`, control: true });
  }
  const deepest = out.find((c) => c.reachesHandler) ?? out.find((c) => c.status === 400 && !c.control && !c.name.startsWith('Prefer'));
  if (deepest) {
    const extraQuery = [...PROTOTYPE_NAMES.map((n) => `${n}=x`), '%ff=1', 'a%zz=2'].join('&');
    out.push({
      ...deepest,
      name: `${deepest.name}, with query keys and headers named ${PROTOTYPE_NAMES.join(', ')}`,
      path: `${deepest.path}${deepest.path.includes('?') ? '&' : '?'}${extraQuery}`,
      headers: { ...deepest.headers, ...Object.fromEntries(PROTOTYPE_NAMES.map((n) => [n, '{"polluted":true}'])) },
    });
  }
  return out;
}

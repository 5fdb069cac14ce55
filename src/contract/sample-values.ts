/**
 * Deterministic values that satisfy a JSON schema of the spec: the kit's valid query parameters and request
 * bodies. The same schema always gives the same value. Only required properties are filled and arrays get
 * their minimum length, so a generated body never points at records that do not exist.
 */
import type { JsonSchema, OpenApiDocument } from '../spec/index.js';
import { componentAt } from '../spec/json-pointer.js';

export const SAMPLE_DATE_TIME = '2026-01-01T00:00:00.000Z';
/** The end of a sample date range that starts at SAMPLE_DATE_TIME. */
export const SAMPLE_RANGE_END = '2026-12-31T23:59:59.000Z';

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s.$ref === 'string'; i++) {
    const target = componentAt(doc.components.schemas, s.$ref);
    if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
    const { $ref: _ignored, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

/** A string matching a simple regular expression: literals, escapes, character classes and quantifiers. */
export function sampleFromPattern(pattern: string): string {
  let out = '';
  let i = pattern.startsWith('^') ? 1 : 0;
  const end = pattern.endsWith('$') && !pattern.endsWith('\\$') ? pattern.length - 1 : pattern.length;
  while (i < end) {
    let atom: string;
    const c = pattern[i]!;
    if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      const body = pattern.slice(i + 1, close);
      atom = body.startsWith('^') ? 'x' : body[0] === '\\' ? (body[1] === 'd' ? '0' : (body[1] ?? 'x')) : body[0]!;
      i = close + 1;
    } else if (c === '\\') {
      const e = pattern[i + 1]!;
      atom = e === 'd' ? '0' : e === 'w' ? 'a' : e === 's' ? ' ' : e;
      i += 2;
    } else if (c === '.') {
      atom = 'a';
      i += 1;
    } else {
      atom = c;
      i += 1;
    }
    let count = 1;
    const q = pattern[i];
    if (q === '{') {
      const close = pattern.indexOf('}', i);
      count = Number(pattern.slice(i + 1, close).split(',')[0]);
      i = close + 1;
    } else if (q === '?' || q === '*') {
      count = 0;
      i += 1;
    } else if (q === '+') {
      i += 1;
    }
    out += atom.repeat(count);
  }
  return out;
}

function sampleString(s: JsonSchema): string {
  if (typeof s.pattern === 'string') return sampleFromPattern(s.pattern);
  switch (s.format) {
    case 'uuid': return '00000000-0000-4000-8000-000000000001';
    case 'email': return 'contract-kit@example.com';
    case 'date-time': return SAMPLE_DATE_TIME;
    case 'date': return SAMPLE_DATE_TIME.slice(0, 10);
    case 'uri': return 'https://example.com/contract-kit';
    default: break;
  }
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  let v = 'contract-kit';
  while (v.length < min) v += '-';
  return v.slice(0, max);
}

function sampleNumber(s: JsonSchema, integer: boolean): number {
  let v = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
  if (typeof s.maximum === 'number' && v > s.maximum) v = s.maximum;
  return integer ? Math.ceil(v) : v;
}

/** A value valid for `schema` (a schema of `doc`, `$ref`s allowed). */
export function sampleValue(doc: OpenApiDocument, schema: JsonSchema, depth = 0): unknown {
  if (depth > 30) throw new Error('schema nests too deeply to sample');
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];

  if (Array.isArray(s.allOf)) {
    const parts = (s.allOf as JsonSchema[]).map((p) => sampleValue(doc, p, depth + 1));
    const { allOf: _a, ...own } = s;
    const ownValue = Object.keys(own).some((k) => ['type', 'properties', 'required'].includes(k)) ? sampleValue(doc, own, depth + 1) : undefined;
    const objects = [...parts, ownValue].filter((p) => p && typeof p === 'object' && !Array.isArray(p));
    if (objects.length) return Object.assign({}, ...objects) as unknown;
    return parts[0];
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches) && branches.length) {
      const { [key]: _b, ...own } = s;
      return sampleValue(doc, { ...own, ...resolve(doc, branches[0] as JsonSchema) }, depth + 1);
    }
  }

  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  switch (type ?? (s.properties ? 'object' : undefined)) {
    case 'string': return sampleString(s);
    case 'integer': return sampleNumber(s, true);
    case 'number': return sampleNumber(s, false);
    case 'boolean': return false;
    case 'array': {
      const n = typeof s.minItems === 'number' ? s.minItems : 0;
      return Array.from({ length: n }, () => sampleValue(doc, (s.items as JsonSchema | undefined) ?? {}, depth + 1));
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((s.required as string[] | undefined) ?? []);
      const minProps = typeof s.minProperties === 'number' ? s.minProperties : 0;
      for (const name of Object.keys(props)) if (required.size < minProps) required.add(name);
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(props)) if (required.has(name)) out[name] = sampleValue(doc, props[name]!, depth + 1);
      return out;
    }
    default: return {};
  }
}

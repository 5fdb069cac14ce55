import type { ErrorObject } from 'ajv';
import { childPointer, valueAt } from './json-pointer.js';

/** One thing wrong with a value, in words, located by JSON pointer. */
export interface Violation {
  /** JSON pointer into the checked value ('' for the value itself). */
  pointer: string;
  /** A sentence naming the place, what was expected and what came. */
  message: string;
  expected: string;
  actual: unknown;
  /** The rule broken: the Ajv keyword (`enum`, `additionalProperties`, …), a format with its name (`format:uuid`). */
  keyword?: string;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Plain words for patterns the spec uses for a common meaning. */
const KNOWN_PATTERNS: Record<string, string> = {
  '\\S': 'a non-blank string',
};

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function expectation(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': return p.type === 'null' ? 'null' : article(String(p.type).replace(',', ' or '));
    case 'format': return `a valid ${String(p.format)}`;
    case 'minimum': return `at least ${String(p.limit)}`;
    case 'maximum': return `at most ${String(p.limit)}`;
    case 'exclusiveMinimum': return `greater than ${String(p.limit)}`;
    case 'exclusiveMaximum': return `less than ${String(p.limit)}`;
    case 'enum': return `one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const': return `'${String(p.allowedValue)}'`;
    case 'pattern': return KNOWN_PATTERNS[String(p.pattern)] ?? `a string matching ${String(p.pattern)}`;
    case 'minLength': return `at least ${String(p.limit)} characters long`;
    case 'maxLength': return `at most ${String(p.limit)} characters long`;
    case 'minItems': return `a list of at least ${String(p.limit)} items`;
    case 'maxItems': return `a list of at most ${String(p.limit)} items`;
    case 'minProperties': return `an object with at least ${String(p.limit)} field(s)`;
    default: return e.message ?? e.keyword;
  }
}

/** Drops the summary errors Ajv adds on top of the ones that say what is wrong. */
function focus(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  return specific.length ? specific : errors;
}

type Schema = Record<string, unknown>;

/** Keywords that only annotate a schema: they put no demand on the value. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment']);

const typeWord = (t: unknown): string => (t === 'null' ? 'null' : article(String(t)));

/**
 * One alternative of an anyOf/oneOf in words ("a valid uuid", "''", "one of A, B", "an integer at least 1"),
 * or undefined when it says more than a single value can be described by (fields, items, references).
 */
function alternative(schema: unknown): string | undefined {
  if (typeof schema === 'boolean') return schema ? 'anything' : undefined;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
  const s = schema as Schema;
  const parts: string[] = [];
  const limits: string[] = [];
  for (const [k, v] of Object.entries(s)) {
    if (ANNOTATIONS.has(k) || k.startsWith('x-')) continue;
    switch (k) {
      case 'const': parts.push(typeof v === 'string' ? `'${v}'` : JSON.stringify(v)); break;
      case 'enum': parts.push(`one of ${(v as unknown[]).map(String).join(', ')}`); break;
      case 'type': if (s.format === undefined) parts.push(Array.isArray(v) ? v.map(typeWord).join(' or ') : typeWord(v)); break;
      case 'format': parts.push(`a valid ${String(v)}`); break;
      case 'pattern': parts.push(KNOWN_PATTERNS[String(v)] ?? `a string matching ${String(v)}`); break;
      case 'anyOf': case 'oneOf': {
        const inner = alternatives(v);
        if (!inner) return undefined;
        parts.push(inner.join(' or '));
        break;
      }
      case 'minimum': limits.push(`at least ${String(v)}`); break;
      case 'maximum': limits.push(`at most ${String(v)}`); break;
      case 'exclusiveMinimum': limits.push(`greater than ${String(v)}`); break;
      case 'exclusiveMaximum': limits.push(`less than ${String(v)}`); break;
      case 'minLength': limits.push(`at least ${String(v)} characters long`); break;
      case 'maxLength': limits.push(`at most ${String(v)} characters long`); break;
      default: return undefined;
    }
  }
  const words = [...parts, ...limits].join(' ');
  return words || undefined;
}

/** Every alternative of an anyOf/oneOf in words, or undefined when one of them cannot be put in words. */
function alternatives(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const out: string[] = [];
  for (const b of branches) {
    const words = alternative(b);
    if (words === undefined) return undefined;
    out.push(words);
  }
  return out;
}

/** An anyOf/oneOf failure whose alternatives can all be named: reported as one violation naming them all. */
interface Alternatives {
  error: ErrorObject;
  names: string[];
}

/** The anyOf/oneOf errors that are reported whole, and the errors of their branches, which they replace. */
function groupAlternatives(errors: ErrorObject[]): { groups: Map<ErrorObject, Alternatives>; replaced: Set<ErrorObject> } {
  const groups = new Map<ErrorObject, Alternatives>();
  const replaced = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const names = alternatives(e.schema);
    if (!names) continue;
    groups.set(e, { error: e, names });
    const prefix = `${e.schemaPath}/`;
    for (const other of errors) if (other.schemaPath.startsWith(prefix)) replaced.add(other);
  }
  for (const e of replaced) groups.delete(e);
  return { groups, replaced };
}

const either = (names: string[]) => (names.length > 2 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}` : names.join(' or '));

/**
 * Turns Ajv errors into violations. `name(pointer)` says what a location is called,
 * e.g. "request body field 'messageData.text'" or "query parameter 'page'".
 */
export function describeErrors(errors: ErrorObject[] | null | undefined, root: unknown, name: (pointer: string) => string): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  const all = errors ?? [];
  const { groups, replaced } = groupAlternatives(all);
  // Alternatives that can be named are said whole; the rest as before: the branch errors that say what is wrong.
  const said = all.filter((e) => groups.has(e) || (!replaced.has(e) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf'));
  for (const e of said.length ? said : focus(all)) {
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    let message: string;
    let expected: string;
    let actual: unknown;
    const group = groups.get(e);
    if (group) {
      actual = valueAt(root, pointer);
      const passing = Array.isArray(p.passingSchemas) ? (p.passingSchemas as number[]) : undefined;
      if (e.keyword === 'oneOf' && passing) {
        expected = `exactly one of ${either(group.names)}`;
        message = `${name(pointer)} must be ${expected} (got ${show(actual)}, which is ${passing.map((i) => group.names[i]).join(' and ')})`;
      } else {
        expected = either(group.names);
        message = `${name(pointer)} must be ${expected} (got ${show(actual)})`;
      }
    } else if (e.keyword === 'required') {
      pointer = childPointer(pointer, String(p.missingProperty));
      expected = 'present';
      actual = undefined;
      message = `${name(pointer)} is required`;
    } else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const extra = String(p.additionalProperty ?? p.unevaluatedProperty);
      pointer = childPointer(pointer, extra);
      expected = 'absent';
      actual = valueAt(root, pointer);
      message = `${name(pointer)} is not allowed here`;
    } else if (e.keyword === 'discriminator') {
      pointer = childPointer(pointer, String(p.tag));
      const values = ((e.parentSchema as Record<string, unknown> | undefined)?.['x-discriminator-values'] as unknown[] | undefined) ?? [];
      expected = `one of ${values.map(String).join(', ')}`;
      actual = valueAt(root, pointer);
      message = actual === undefined ? `${name(pointer)} is required` : `${name(pointer)} must be ${expected} (got ${show(actual)})`;
    } else {
      expected = expectation(e);
      actual = valueAt(root, pointer);
      message = `${name(pointer)} must be ${expected} (got ${show(actual)})`;
    }
    if (seen.has(message)) continue;
    seen.add(message);
    const keyword = e.keyword === 'format' ? `format:${String(p.format)}` : e.keyword;
    out.push({ pointer, message, expected, actual, keyword });
  }
  return out;
}

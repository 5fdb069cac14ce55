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
    case 'type': return article(String(p.type).replace(',', ' or '));
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

/**
 * Turns Ajv errors into violations. `name(pointer)` says what a location is called,
 * e.g. "request body field 'messageData.text'" or "query parameter 'page'".
 */
export function describeErrors(errors: ErrorObject[] | null | undefined, root: unknown, name: (pointer: string) => string): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const e of focus(errors ?? [])) {
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    let message: string;
    let expected: string;
    let actual: unknown;
    if (e.keyword === 'required') {
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
    out.push({ pointer, message, expected, actual });
  }
  return out;
}

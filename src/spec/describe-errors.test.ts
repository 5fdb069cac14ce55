import { describe, expect, it } from 'vitest';
import { createAjv } from './ajv.js';
import { describeErrors, type Violation } from './describe-errors.js';
import { dotted } from './json-pointer.js';
import type { OpenApiDocument } from './openapi-types.js';

const EMPTY_DOC: OpenApiDocument = { openapi: '3.1.0', info: { title: 'no operations', version: '1' }, paths: {}, components: { schemas: {} } };
const ajv = createAjv(EMPTY_DOC);

/** The violations describeErrors reports for `value` against `schema`, each place called "field '<dotted>'". */
function violations(schema: object, value: unknown): Violation[] {
  const validate = ajv.compile(schema);
  validate(value);
  return describeErrors(validate.errors, value, (pointer) => (pointer ? `field '${dotted(pointer)}'` : 'body'));
}

const messages = (schema: object, value: unknown) => violations(schema, value).map((v) => v.message);

const obj = (properties: Record<string, object>, extra: object = {}) => ({ type: 'object', properties, ...extra });

describe('describeErrors: the wording of each kind of problem', () => {
  it.each([
    ['a wrong type', obj({ n: { type: 'integer' } }), { n: 'x' }, "field 'n' must be an integer (got 'x')"],
    ['a union type', obj({ n: { type: ['string', 'number'] } }), { n: true }, "field 'n' must be a string or number (got true)"],
    ['a format', obj({ at: { type: 'string', format: 'date-time' } }), { at: 'noon' }, "field 'at' must be a valid date-time (got 'noon')"],
    ['a minimum', obj({ n: { type: 'integer', minimum: 1 } }), { n: 0 }, "field 'n' must be at least 1 (got 0)"],
    ['a maximum', obj({ n: { type: 'integer', maximum: 100 } }), { n: 101 }, "field 'n' must be at most 100 (got 101)"],
    ['an exclusive minimum', obj({ n: { type: 'number', exclusiveMinimum: 0 } }), { n: 0 }, "field 'n' must be greater than 0 (got 0)"],
    ['an exclusive maximum', obj({ n: { type: 'number', exclusiveMaximum: 1 } }), { n: 1 }, "field 'n' must be less than 1 (got 1)"],
    ['an enum', obj({ s: { enum: ['Active', 'Closed'] } }), { s: 'Open' }, "field 's' must be one of Active, Closed (got 'Open')"],
    ['a const', obj({ t: { const: 'Text' } }), { t: 'Image' }, "field 't' must be 'Text' (got 'Image')"],
    ['the non-blank pattern', obj({ s: { type: 'string', pattern: '\\S' } }), { s: '  ' }, "field 's' must be a non-blank string (got '  ')"],
    ['another pattern', obj({ s: { type: 'string', pattern: '^[0-9]+$' } }), { s: 'a' }, "field 's' must be a string matching ^[0-9]+$ (got 'a')"],
    ['a minimum length', obj({ s: { type: 'string', minLength: 3 } }), { s: 'ab' }, "field 's' must be at least 3 characters long (got 'ab')"],
    ['a maximum length', obj({ s: { type: 'string', maxLength: 2 } }), { s: 'abc' }, "field 's' must be at most 2 characters long (got 'abc')"],
    ['too few items', obj({ a: { type: 'array', minItems: 1 } }), { a: [] }, "field 'a' must be a list of at least 1 items (got [])"],
    ['too many items', obj({ a: { type: 'array', maxItems: 1 } }), { a: [1, 2] }, "field 'a' must be a list of at most 1 items (got [1,2])"],
    ['too few fields', obj({ o: { type: 'object', minProperties: 1 } }), { o: {} }, "field 'o' must be an object with at least 1 field(s) (got {})"],
    ['a missing field', obj({ name: { type: 'string' } }, { required: ['name'] }), {}, "field 'name' is required"],
    ['a field not allowed', obj({}, { additionalProperties: false }), { extra: 1 }, "field 'extra' is not allowed here"],
    ['a field not allowed (unevaluated)', obj({}, { unevaluatedProperties: false }), { extra: 1 }, "field 'extra' is not allowed here"],
    ['the value itself', { type: 'object' }, 'text', "body must be an object (got 'text')"],
    ['an array item', obj({ a: { type: 'array', items: obj({ id: { type: 'integer' } }) } }), { a: [{ id: 1 }, { id: 'x' }] }, "field 'a[1].id' must be an integer (got 'x')"],
    ['a long value, cut', obj({ s: { type: 'integer' } }), { s: 'x'.repeat(80) }, `field 's' must be an integer (got '${'x'.repeat(56)}...)`],
  ])('%s', (_name, schema, value, message) => {
    expect(messages(schema, value)).toEqual([message]);
  });

  it('says each problem once, even when several branches report it', () => {
    const schema = { anyOf: [obj({ n: { type: 'integer' } }, { required: ['n'] }), obj({ n: { type: 'integer' } }, { required: ['n'] })] };
    expect(messages(schema, {})).toEqual(["field 'n' is required"]);
  });

  it('names a wrong discriminator value and the values allowed', () => {
    const branch = (t: string) => obj({ type: { const: t } }, { required: ['type'] });
    const schema = { type: 'object', oneOf: [branch('Text'), branch('Image')], discriminator: { propertyName: 'type' }, 'x-discriminator-values': ['Text', 'Image'] };
    expect(messages(schema, { type: 'Video' })).toEqual(["field 'type' must be one of Text, Image (got 'Video')"]);
    expect(messages(schema, {})).toEqual(["field 'type' is required"]);
  });
});

describe('describeErrors: a value with alternatives names every alternative', () => {
  const uuidOrEmpty = { type: 'string', anyOf: [{ format: 'uuid' }, { const: '' }] };
  it.each([
    ["a uuid or '' (a conversation's campaignId)", obj({ c: uuidOrEmpty }), { c: 'abc' }, "field 'c' must be a valid uuid or '' (got 'abc')"],
    ['anyOf: an enum or a const', obj({ s: { anyOf: [{ enum: ['Active', 'Closed'] }, { const: 'Any' }] } }), { s: 'Open' }, "field 's' must be one of Active, Closed or 'Any' (got 'Open')"],
    ['anyOf: types', obj({ n: { anyOf: [{ type: 'integer' }, { type: 'null' }] } }), { n: 'x' }, "field 'n' must be an integer or null (got 'x')"],
    ['anyOf: a type with limits', obj({ n: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', format: 'date' }] } }), { n: 0 }, "field 'n' must be an integer at least 1 or a valid date (got 0)"],
    ['anyOf: three alternatives', obj({ v: { anyOf: [{ const: 'a' }, { const: 1 }, { type: 'boolean' }] } }), { v: 'z' }, "field 'v' must be 'a', 1 or a boolean (got 'z')"],
    ['oneOf: a format or a const', obj({ c: { type: 'string', oneOf: [{ format: 'email' }, { const: '' }] } }), { c: 'me' }, "field 'c' must be a valid email or '' (got 'me')"],
    ['oneOf: an enum or a type', obj({ s: { oneOf: [{ enum: ['Low', 'High'] }, { type: 'integer' }] } }), { s: 'Mid' }, "field 's' must be one of Low, High or an integer (got 'Mid')"],
    ['oneOf: more than one matches', obj({ n: { oneOf: [{ type: 'integer' }, { type: 'number' }] } }), { n: 3 }, "field 'n' must be exactly one of an integer or a number (got 3, which is an integer and a number)"],
    ['nested alternatives', obj({ v: { anyOf: [{ anyOf: [{ const: 'a' }, { const: 'b' }] }, { type: 'integer' }] } }), { v: 'z' }, "field 'v' must be 'a' or 'b' or an integer (got 'z')"],
    ['inside a nested object', obj({ o: obj({ c: uuidOrEmpty }) }), { o: { c: 'abc' } }, "field 'o.c' must be a valid uuid or '' (got 'abc')"],
    ['inside an array item', obj({ a: { type: 'array', items: obj({ c: uuidOrEmpty }) } }), { a: [{ c: '' }, { c: 'abc' }] }, "field 'a[1].c' must be a valid uuid or '' (got 'abc')"],
    ['an array item itself', obj({ a: { type: 'array', items: { oneOf: [{ type: 'integer' }, { const: 'none' }] } } }), { a: [1, 'x'] }, "field 'a[1]' must be an integer or 'none' (got 'x')"],
  ])('%s', (_name, schema, value, message) => {
    expect(messages(schema, value)).toEqual([message]);
  });

  it('reports the place, the alternatives and the value as a violation', () => {
    expect(violations(obj({ c: uuidOrEmpty }), { c: 'abc' })).toEqual([{ pointer: '/c', message: "field 'c' must be a valid uuid or '' (got 'abc')", expected: "a valid uuid or ''", actual: 'abc', keyword: 'anyOf' }]);
  });

  it('says the other problems of the same value as before', () => {
    const schema = obj({ c: uuidOrEmpty, n: { type: 'integer' }, r: { type: 'string' } }, { required: ['r'] });
    expect(messages(schema, { c: 'abc', n: 'x' })).toEqual(["field 'r' is required", "field 'c' must be a valid uuid or '' (got 'abc')", "field 'n' must be an integer (got 'x')"]);
  });

  it('falls back to the problems inside the branches when an alternative is a whole object', () => {
    const schema = obj({ v: { anyOf: [{ type: 'null' }, obj({ id: { type: 'integer' } }, { required: ['id'] })] } });
    expect(messages(schema, { v: {} })).toEqual(["field 'v' must be null (got {})", "field 'v.id' is required"]);
  });
});

describe('describeErrors: the place of a key with a slash or a tilde', () => {
  it.each([
    ['a field not allowed', obj({}, { additionalProperties: false }), { 'a/b': 5 }, "field 'a/b' is not allowed here", '/a~1b', 5],
    ['a missing field', obj({ 'x/y': { type: 'string' } }, { required: ['x/y'] }), {}, "field 'x/y' is required", '/x~1y', undefined],
    ['a field not allowed, with a tilde', obj({}, { additionalProperties: false }), { 'a~1': true }, "field 'a~1' is not allowed here", '/a~01', true],
    ['a wrong value under such a key', obj({ 'a/b': { type: 'integer' } }), { 'a/b': 'x' }, "field 'a/b' must be an integer (got 'x')", '/a~1b', 'x'],
  ])('%s', (_name, schema, value, message, pointer, actual) => {
    expect(violations(schema, value)).toMatchObject([{ message, pointer, actual }]);
  });
});

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

import { describe, expect, it } from 'vitest';
import { childPointer, componentAt, componentName, dotted, escapeToken, pointerKeys, unescapeToken, valueAt } from './json-pointer.js';

describe('pointer tokens', () => {
  it.each([
    ['a plain key', 'name', 'name'],
    ['a slash', 'a/b', 'a~1b'],
    ['a tilde', 'a~b', 'a~0b'],
    ['a tilde before a one (not a slash)', '~1', '~01'],
    ['an index', 3, '3'],
    ['the empty key', '', ''],
  ])('escapes %s', (_name, key, token) => {
    expect(escapeToken(key)).toBe(token);
    expect(unescapeToken(token)).toBe(String(key));
  });

  it.each([
    ['the whole value', '', []],
    ['a field', '/messageData', ['messageData']],
    ['a nested field and index', '/items/0/name', ['items', '0', 'name']],
    ['escaped keys', '/a~1b/c~0d/~01', ['a/b', 'c~d', '~1']],
    ['an empty key', '/', ['']],
  ])('splits %s into keys', (_name, pointer, keys) => {
    expect(pointerKeys(pointer)).toEqual(keys);
  });

  it('builds a child pointer that walks back to the same key', () => {
    const p = childPointer(childPointer('', 'a/b'), 'c~d');
    expect(p).toBe('/a~1b/c~0d');
    expect(valueAt({ 'a/b': { 'c~d': 7 } }, p)).toBe(7);
  });
});

describe('valueAt', () => {
  const doc = { list: { name: 'VIP', items: [{ id: 'x' }] }, 'a/b': 1, empty: null };
  it.each([
    ['the root', '', doc],
    ['a nested field', '/list/name', 'VIP'],
    ['an array item', '/list/items/0/id', 'x'],
    ['an escaped key', '/a~1b', 1],
    ['a null', '/empty', null],
    ['a missing field', '/list/nope', undefined],
    ['a field under a null', '/empty/x', undefined],
    ['a field under a string', '/list/name/length', undefined],
    ['an inherited property', '/constructor', undefined],
    ['the prototype', '/__proto__', undefined],
  ])('reads %s', (_name, pointer, value) => {
    expect(valueAt(doc, pointer)).toEqual(value);
  });
});

describe('dotted', () => {
  it.each([
    ['the whole value', '', ''],
    ['a field', '/name', 'name'],
    ['a nested field', '/messageData/text', 'messageData.text'],
    ['an index', '/items/0/name', 'items[0].name'],
    ['a top-level index', '/0', '[0]'],
    ['an escaped slash', '/attributes/a~1b', 'attributes.a/b'],
  ])('writes %s as a field path', (_name, pointer, text) => {
    expect(dotted(pointer)).toBe(text);
  });
});

describe('componentName', () => {
  it.each([
    ['a schema', '#/components/schemas/ContactSchema', 'schemas', 'ContactSchema'],
    ['a response', '#/components/responses/NotFound', 'responses', 'NotFound'],
    ['a schema asked as a response', '#/components/schemas/ContactSchema', 'responses', undefined],
    ['a deeper pointer', '#/components/schemas/ContactSchema/properties/name', 'schemas', undefined],
    ['another document', 'other.yaml#/components/schemas/X', 'schemas', undefined],
    ['an escaped name', '#/components/schemas/a~1b', 'schemas', 'a/b'],
  ] as const)('reads %s', (_name, ref, section, name) => {
    expect(componentName(ref, section)).toBe(name);
  });
});

describe('componentAt', () => {
  const schemas = { ContactSchema: { type: 'object' } };
  it.each([
    ['a known schema', '#/components/schemas/ContactSchema', { type: 'object' }],
    ['an unknown schema', '#/components/schemas/Nope', undefined],
    ['an inherited name', '#/components/schemas/constructor', undefined],
    ['a response reference', '#/components/responses/ContactSchema', undefined],
  ])('finds %s', (_name, ref, found) => {
    expect(componentAt(schemas, ref)).toEqual(found);
  });
});

import { describe, expect, it } from 'vitest';
import { BodyReadError, charsetOf, parseJsonBody } from './json-body.js';

const bytes = (s: string) => new TextEncoder().encode(s);

function failure(fn: () => unknown): BodyReadError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BodyReadError) return err;
    throw err;
  }
  throw new Error('did not throw');
}

describe('parseJsonBody', () => {
  it('parses objects and arrays, and reads an empty body as {}', () => {
    expect(parseJsonBody(bytes(' {"a":[1]}'), 'application/json')).toEqual({ a: [1] });
    expect(parseJsonBody(bytes('[]'), undefined)).toEqual([]);
    expect(parseJsonBody(bytes(''), 'application/json')).toEqual({});
  });

  it('refuses a top level that is not an object or an array, quoting it as body-parser does', () => {
    const err = failure(() => parseJsonBody(bytes('"hello"'), 'application/json'));
    expect(err.type).toBe('entity.parse.failed');
    expect(err.status).toBe(400);
    expect(err.message).toContain('"hello"');
    expect(err.message).not.toContain('#');
  });

  it('names a syntax error in JSON.parse words', () => {
    const err = failure(() => parseJsonBody(bytes('{"a":'), 'application/json'));
    expect(err.type).toBe('entity.parse.failed');
    expect(err.message).toMatch(/JSON/);
  });

  it('refuses a charset other than UTF-x', () => {
    const err = failure(() => parseJsonBody(bytes('{}'), 'application/json; charset=latin1'));
    expect(err).toMatchObject({ type: 'charset.unsupported', status: 415, message: 'unsupported charset "LATIN1"' });
    expect(charsetOf('application/json; charset="UTF-16LE"')).toBe('utf-16le');
    expect(charsetOf(undefined)).toBe('utf-8');
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { MAX_PREFER_DELAY_MS, parsePrefer, type Preferences } from './prefer.js';

describe('parsePrefer', () => {
  it.each<[string, string | undefined, Preferences]>([
    ['no header', undefined, {}],
    ['an empty header', '', {}],
    ['a status code', 'code=404', { code: 404 }],
    ['a named example', 'example=docsPage', { example: 'docsPage' }],
    ['a quoted example', 'example="docsPage"', { example: 'docsPage' }],
    ['a delay', 'delay=250', { delay: 250 }],
    ['the longest delay', `delay=${MAX_PREFER_DELAY_MS}`, { delay: MAX_PREFER_DELAY_MS }],
    ['no delay', 'delay=0', { delay: 0 }],
    ['all three, comma-separated', 'code=400, example=blank, delay=10', { code: 400, example: 'blank', delay: 10 }],
    ['all three, semicolon-separated', 'code=400;example=blank;delay=10', { code: 400, example: 'blank', delay: 10 }],
    ['keys in any case, with spaces', ' CODE = 429 ', { code: 429 }],
    ['other preferences (ignored)', 'return=minimal, respond-async, wait=5', {}],
    ['an example whose name holds =', 'example=a=b', { example: 'a=b' }],
    ['the last of a repeated key', 'code=400, code=404', { code: 404 }],
  ])('reads %s', (_name, header, prefs) => {
    expect(parsePrefer(header)).toEqual(prefs);
  });

  it.each([
    ['a code that is not a status', 'code=abc', "Prefer: code must be an HTTP status such as 404 (got 'abc')"],
    ['a code out of range', 'code=600', "Prefer: code must be an HTTP status such as 404 (got '600')"],
    ['a code of two digits', 'code=40', "Prefer: code must be an HTTP status such as 404 (got '40')"],
    ['an empty code', 'code=', "Prefer: code must be an HTTP status such as 404 (got '')"],
    ['an empty example', 'example=', 'Prefer: example must name an example of the response (got nothing)'],
    ['a negative delay', 'delay=-5', `Prefer: delay must be a whole number of milliseconds from 0 to ${MAX_PREFER_DELAY_MS} (got '-5')`],
    ['a fractional delay', 'delay=1.5', `Prefer: delay must be a whole number of milliseconds from 0 to ${MAX_PREFER_DELAY_MS} (got '1.5')`],
    ['a delay over the limit', `delay=${MAX_PREFER_DELAY_MS + 1}`, `Prefer: delay must be a whole number of milliseconds from 0 to ${MAX_PREFER_DELAY_MS} (got '${MAX_PREFER_DELAY_MS + 1}')`],
  ])('refuses %s with a 400 naming it', (_name, header, message) => {
    let thrown: unknown;
    try {
      parsePrefer(header);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 400, body: message, fromMockControl: true });
  });
});

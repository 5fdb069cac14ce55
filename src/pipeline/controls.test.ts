import { describe, expect, it } from 'vitest';
import { BUNDLED_DOC } from '../spec/bundled-doc.js';
import { operationById } from '../spec/operations.js';
import { delayOf, injectedFailure, preferredCodeReply, preferredExampleReply } from './controls.js';
import { ApiError } from './errors.js';

const list = operationById(BUNDLED_DOC, 'getConversations');

describe('mock controls', () => {
  it('adds Prefer: delay to a fixed latency, and draws a range from the random source', () => {
    expect(delayOf({ delay: 100 }, { min: 20, max: 20 }, () => 0.99)).toBe(120);
    expect(delayOf({}, { min: 10, max: 20 }, () => 0)).toBe(10);
    expect(delayOf({}, { min: 10, max: 20 }, () => 0.9999)).toBe(20);
  });

  it('answers Prefer: code with the documented example, and refuses an undocumented code', () => {
    expect(preferredCodeReply(list, { code: 429 })).toMatchObject({ status: 429, headers: { 'X-RateLimit-Remaining': '0' } });
    expect(preferredCodeReply(list, { code: 200 })).toBeUndefined();
    expect(() => preferredCodeReply(list, { code: 418 })).toThrow(ApiError);
    expect(() => preferredExampleReply(list, { example: 'constructor' })).toThrow(/is not an example/);
  });

  it('fails at --fail-rate 1 with a documented 5xx or 429, and never at 0', () => {
    const failed = injectedFailure(list, 1, () => 0.5);
    expect(failed && (failed.status >= 500 || failed.status === 429)).toBe(true);
    expect(injectedFailure(list, 0, () => 0)).toBeUndefined();
  });
});

/**
 * The Redactor on its own: every form of a secret is masked wherever it sits, base64 at any alignment inside a
 * longer encoded text (as in `Basic base64(user:password)`), and masking a parsed body keeps its structure.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../src/contract/redact.js';

const SECRET = 'Pw9"pa\\ss wörd ü+%2F/=<&> ✓ end';

/** The bytes hidden in every base64-looking run of `text`, decoded. */
function decodedRuns(text: string): Buffer[] {
  return (text.match(/[A-Za-z0-9+/_-]{4,}={0,2}/g) ?? []).map((run) => Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

describe('Redactor', () => {
  it.each([0, 1, 2, 3, 4, 5])('masks the secret base64-encoded inside a longer text at offset %i', (offset) => {
    const r = new Redactor();
    r.add(SECRET);
    for (const encoding of ['base64', 'base64url'] as const) {
      const text = `Basic ${Buffer.from(`${'u'.repeat(offset)}:${SECRET} and more after it`).toString(encoding)}`;
      const masked = r.apply(text);
      expect(masked).toContain(REDACTED);
      // At most a character or two of the secret's bytes may survive at each edge of the mask: never 4 in a row.
      const probe = Buffer.from(SECRET);
      for (const bytes of decodedRuns(masked)) {
        for (let i = 0; i + 4 <= probe.length; i++) expect(bytes.includes(probe.subarray(i, i + 4)), `${encoding}: ${masked}`).toBe(false);
      }
    }
  });

  it('masks keys and values of a parsed body and keeps its structure, whatever the secret contains', () => {
    const r = new Redactor();
    r.add('", "x": "');
    const body = { [`k", "x": "`]: ['a", "x": "b', { n: 1, ok: true, none: null }] };
    expect(r.applyDeep(body)).toEqual({ [`k${REDACTED}`]: [`a${REDACTED}b`, { n: 1, ok: true, none: null }] });
  });

  it('leaves text alone when no secret is registered, except JSON Web Tokens', () => {
    const r = new Redactor();
    r.add('abc');
    expect(r.apply('abc eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl')).toBe(`abc ${REDACTED}`);
  });
});

import { badControl } from './errors.js';

/**
 * The `Prefer` request header's mock controls (RFC 7240 syntax, as Prism reads them):
 *   code=404          answer with the documented example of that status (no handler runs)
 *   example=docsPage  answer with this named example (of the success status, or of `code`)
 *   delay=250         answer this request that many milliseconds late
 * Other preferences (`return=minimal`, …) are ignored, as RFC 7240 asks; a malformed value of one of these
 * three is a 400, so a typo never silently falls back to the real answer.
 */
export interface Preferences {
  code?: number;
  example?: string;
  delay?: number;
}

/** Longest `Prefer: delay=` accepted, in milliseconds. */
export const MAX_PREFER_DELAY_MS = 60_000;

export function parsePrefer(header: string | undefined): Preferences {
  const out: Preferences = {};
  if (!header) return out;
  for (const part of header.split(/[,;]/)) {
    const [rawKey, ...rest] = part.split('=');
    const key = rawKey?.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"|"$/g, '');
    if (!key) continue;
    if (key === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) throw badControl(`Prefer: code must be an HTTP status such as 404 (got '${value}')`);
      out.code = Number(value);
    } else if (key === 'example') {
      if (!value) throw badControl('Prefer: example must name an example of the response (got nothing)');
      out.example = value;
    } else if (key === 'delay') {
      if (!/^\d{1,6}$/.test(value) || Number(value) > MAX_PREFER_DELAY_MS) {
        throw badControl(`Prefer: delay must be a whole number of milliseconds from 0 to ${MAX_PREFER_DELAY_MS} (got '${value}')`);
      }
      out.delay = Number(value);
    }
  }
  return out;
}

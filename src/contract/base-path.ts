/**
 * Notices a --base-url with the wrong base path from the kit's first request. Prism (`prism mock`) serves the
 * spec's paths at the root; a Wapikit server and this mock serve them under /api. Given the wrong one, every
 * request answers 404, and a run would report each operation as a violation of its own.
 */
import { send, type Exchange, type HttpSettings } from './http.js';

/** The public operation asked first: it needs no token and no parameter. */
export const FIRST_PROBE = { method: 'get', path: '/health-check', query: {}, auth: 'none' } as const;

/** The same URL with its trailing `/api` segment dropped, or with one added when it has none. */
export function alternativeBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/api$/i.test(trimmed) ? trimmed.replace(/\/api$/i, '') : `${trimmed}/api`;
}

const answered = (ex: Exchange) => ex.status >= 200 && ex.status < 300 && ex.json !== undefined;

/**
 * No API answered: a 404, or a web page (the single Wapikit binary answers any GET it has no route for with its
 * frontend's 404.html and status 200).
 */
const missed = (ex: Exchange) => ex.status === 404 || (ex.status === 200 && /^text\/html\b/i.test(ex.contentType));

/**
 * When the first probe found no API under `settings.baseUrl`, asks the same probe under the other base path; when
 * that one answers (2xx JSON), returns that other base URL. A target that answers neither way is left alone:
 * the run goes on and reports what it finds.
 */
export async function betterBaseUrl(settings: HttpSettings, first: Exchange): Promise<string | undefined> {
  if (!missed(first)) return undefined;
  const other = alternativeBaseUrl(settings.baseUrl);
  try {
    const ex = await send({ ...settings, baseUrl: other, token: undefined }, FIRST_PROBE);
    return answered(ex) ? other : undefined;
  } catch {
    return undefined;
  }
}

/** Why the run stops, and the base URL to give instead. */
export function wrongBasePathMessage(given: string, better: string, firstAnswer: string): string {
  const why = /\/api\/*$/i.test(given)
    ? 'a stateless mock such as Prism (prism mock) serves the spec at the root, so its base URL has no /api'
    : 'a Wapikit server and wapikit-mock serve the API under /api';
  return `${firstAnswer} under --base-url ${given}, but the target answers at ${better} (${why}): give --base-url ${better} instead`;
}

/**
 * Media links at the edge. The domain returns API objects whose media `link`s are the stored relative paths
 * (`conversation/{id}/media/{mediaId}`, see world/media-path.ts); what goes out to a client (a JSON response,
 * an SSE frame) has them absolute under `apiBase`, the origin and base path that client used (e.g.
 * `http://127.0.0.1:4010/api`).
 *
 * The rule: a `link` member whose value is a string starting with MEDIA_PATH_PREFIX becomes `apiBase/<value>`.
 * Any other value (an absolute URL, a link elsewhere) is left as it is. Both forms below apply that one rule;
 * a free-form member literally named `link` (e.g. a contact attribute) whose value starts with the prefix is
 * rewritten too — accepted, as no real media link can be told apart from it by shape.
 */
import { MEDIA_PATH_PREFIX } from '../world/media-path.js';

/** A link made absolute under `apiBase`; one that already names a scheme is left as it is. */
export function absolute(apiBase: string, link: string): string;
export function absolute(apiBase: string, link: string | undefined): string | undefined;
export function absolute(apiBase: string, link: string | undefined): string | undefined {
  if (link === undefined || link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
  return `${apiBase}/${link.replace(/^\/+/, '')}`;
}

const RELATIVE_LINK = `"link":${JSON.stringify(MEDIA_PATH_PREFIX).slice(0, -1)}`;

/**
 * JSON text (as JSON.stringify writes it: no whitespace) with every relative media link made absolute. Inside
 * a JSON string a `"` is always escaped, so the exact text `"link":"conversation/` only ever starts a real
 * `link` member: a user-written string holding those characters is not touched.
 */
export function absoluteLinks(jsonText: string, apiBase: string): string {
  if (!jsonText.includes(RELATIVE_LINK)) return jsonText;
  const base = JSON.stringify(`${apiBase}/`).slice(1, -1);
  return jsonText.replaceAll(RELATIVE_LINK, `"link":"${base}${MEDIA_PATH_PREFIX}`);
}

/**
 * A value (JSON data: objects, arrays, primitives) with every relative media link made absolute, the same rule
 * as absoluteLinks over the object itself. The input is not changed; parts without a link to rewrite are
 * shared with the result.
 */
export function withAbsoluteLinks<T>(value: T, apiBase: string): T {
  return walk(value, apiBase) as T;
}

function walk(value: unknown, apiBase: string): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = walk(item, apiBase);
      if (next !== item) (out ??= [...value])[i] = next;
    });
    return out ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next = key === 'link' && typeof item === 'string' && item.startsWith(MEDIA_PATH_PREFIX) ? `${apiBase}/${item}` : walk(item, apiBase);
    // defineProperty, so that a member named `__proto__` stays a member.
    if (next !== item) Object.defineProperty((out ??= { ...(value as Record<string, unknown>) }), key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out ?? value;
}

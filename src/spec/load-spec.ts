import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { markBundledDocument } from './bundled-marker.js';
import { DEFAULT_SPEC_PATH, SPEC_JSON_PATH } from './package-root.js';
import type { OpenApiDocument } from './openapi-types.js';

const cache = new Map<string, OpenApiDocument>();

/**
 * The YAML parser, loaded only for a custom document (the default one is read from its JSON copy): importing
 * it costs a start ~15–60 ms. yaml ships CommonJS too, so a synchronous `require` loads it on demand.
 */
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

/** Reads and parses an OpenAPI document once per path; later calls return the same object (treat it as read-only). */
export function loadSpec(path: string = DEFAULT_SPEC_PATH): OpenApiDocument {
  const hit = cache.get(path);
  if (hit) return hit;
  // The default document is read from its generated JSON copy: same content, a fraction of the parse time.
  const doc = (path === DEFAULT_SPEC_PATH ? JSON.parse(readFileSync(SPEC_JSON_PATH, 'utf8')) : parseYaml(readFileSync(path, 'utf8'))) as OpenApiDocument;
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${path}: expected an OpenAPI 3.1 document (found openapi: ${String(doc?.openapi)})`);
  }
  // The bundled spec may use the validators compiled at build time (see bundled-marker.ts).
  if (path === DEFAULT_SPEC_PATH) markBundledDocument(doc);
  cache.set(path, doc);
  return doc;
}

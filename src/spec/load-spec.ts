import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_SPEC_PATH, SPEC_JSON_PATH } from './package-root.js';
import type { OpenApiDocument } from './openapi-types.js';

const cache = new Map<string, OpenApiDocument>();

/** Reads and parses an OpenAPI document once per path; later calls return the same object (treat it as read-only). */
export function loadSpec(path: string = DEFAULT_SPEC_PATH): OpenApiDocument {
  const hit = cache.get(path);
  if (hit) return hit;
  // The default document is read from its generated JSON copy: same content, a fraction of the parse time.
  const doc = (path === DEFAULT_SPEC_PATH ? JSON.parse(readFileSync(SPEC_JSON_PATH, 'utf8')) : parse(readFileSync(path, 'utf8'))) as OpenApiDocument;
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${path}: expected an OpenAPI 3.1 document (found openapi: ${String(doc?.openapi)})`);
  }
  cache.set(path, doc);
  return doc;
}

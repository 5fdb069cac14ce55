import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_SPEC_PATH } from './package-root.js';
import type { OpenApiDocument } from './openapi-types.js';

const cache = new Map<string, OpenApiDocument>();

/** Reads and parses an OpenAPI document once per path; later calls return the same object (treat it as read-only). */
export function loadSpec(path: string = DEFAULT_SPEC_PATH): OpenApiDocument {
  const hit = cache.get(path);
  if (hit) return hit;
  const doc = parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${path}: expected an OpenAPI 3.1 document (found openapi: ${String(doc?.openapi)})`);
  }
  cache.set(path, doc);
  return doc;
}

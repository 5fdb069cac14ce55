/**
 * `npm run generate` (second step): writes openapi/wapikit.json, a JSON copy of openapi/wapikit.yaml that
 * loads about ten times faster (YAML parsing dominated the mock's cold start). The YAML stays the source
 * of truth; a test fails when the copy is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_SPEC_PATH, SPEC_JSON_PATH } from './package-root.js';

writeFileSync(SPEC_JSON_PATH, `${JSON.stringify(parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')))}\n`);

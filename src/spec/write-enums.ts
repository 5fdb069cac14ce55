/**
 * `npm run generate` (third step): writes src/generated/enums.ts, the run-time value lists of the spec's
 * enums (see enums-module.ts). A test fails when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderEnumsModule } from './enums-module.js';
import type { OpenApiDocument } from './openapi-types.js';
import { DEFAULT_SPEC_PATH, packageRoot } from './package-root.js';

const doc = parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as OpenApiDocument;
writeFileSync(join(packageRoot(), 'src', 'generated', 'enums.ts'), renderEnumsModule(doc));

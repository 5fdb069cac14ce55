/**
 * `npm run generate` (validators step): writes src/generated/validators.ts, the bundled document's validators
 * compiled ahead of time (see validators-module.ts). A test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from './load-spec.js';
import { packageRoot } from './package-root.js';
import { renderValidatorsModule } from './validators-module.js';

writeFileSync(join(packageRoot(), 'src', 'generated', 'validators.ts'), renderValidatorsModule(loadSpec()));

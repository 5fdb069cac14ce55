import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this package's package.json, whether we run from src/ (tsx) or dist/src/ (built). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('wapikit-mock: cannot find the package root (no package.json above this module)');
    dir = parent;
  }
  return dir;
}

export const DEFAULT_SPEC_PATH = join(packageRoot(), 'openapi', 'wapikit.yaml');
/** A generated JSON copy of the default spec, read instead of it for speed (see write-spec-json.ts). */
export const SPEC_JSON_PATH = join(packageRoot(), 'openapi', 'wapikit.json');

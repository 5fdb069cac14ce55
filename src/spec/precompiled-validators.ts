/**
 * The bundled document's request validators compiled at build time (src/generated/validators.ts, written by
 * validators-module.ts), each turned into a function on its first use. Loads no part of Ajv's compiler.
 */
import type { ValidateFunction } from 'ajv';
import { HELPERS, VALIDATOR_SOURCES } from '../generated/validators.js';
import { FORMATS, FORMATS_MODULE_ID } from './formats.js';

/**
 * A helper as Ajv's code uses it: `require(id).default`. A default import of a CommonJS module is its
 * `module.exports` under Node and esbuild, but the function itself where the importer unwraps `default`
 * (vitest does): both shapes are accepted.
 */
const asModule = (helper: unknown): unknown => (typeof helper === 'function' ? { default: helper } : helper);

/** What the generated code can `require`: Ajv's small run-time helpers and the formats. */
const MODULES: Readonly<Record<string, unknown>> = {
  ...Object.fromEntries(Object.entries(HELPERS).map(([id, helper]) => [id, asModule(helper)])),
  [FORMATS_MODULE_ID]: { FORMATS },
};

const requireModule = (id: string): unknown => {
  if (!(id in MODULES)) throw new Error(`wapikit-mock: a precompiled validator asks for an unknown module '${id}'`);
  return MODULES[id];
};

// One function per distinct code: the shared error responses of every operation are one validator.
const byCode = new Map<string, ValidateFunction>();

/** The precompiled validator for a key of validator-plan.ts, or undefined when none was compiled for it. */
export function precompiledValidator(key: string): ValidateFunction | undefined {
  const code = VALIDATOR_SOURCES[key];
  if (code === undefined) return undefined;
  let fn = byCode.get(code);
  if (!fn) {
    const module = { exports: undefined as unknown };
    // The code is Ajv's own output for our schemas, made at build time (CommonJS-shaped: it sets module.exports).
    new Function('require', 'module', code)(requireModule, module);
    fn = module.exports as ValidateFunction;
    byCode.set(code, fn);
  }
  return fn;
}

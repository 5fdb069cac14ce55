/**
 * Ajv, loaded only when a document has no validators compiled at build time (a custom `--spec`, a
 * document passed to createMockFetch): a start with the bundled spec never loads Ajv's compiler
 * (~60–130 ms of imports). Validators are built synchronously, so the loading is synchronous too:
 * under Node through `require` (Ajv and ajv-formats are CommonJS); elsewhere (a browser bundle) the
 * library must have been provided — src/spec/static-ajv.ts does that for the fetch adapter.
 */
import type { AjvLibrary } from './ajv-config.js';

let provided: AjvLibrary | undefined;

/** Hands over Ajv, imported statically by a module that wants no loading at run time. */
export function provideAjvLibrary(lib: AjvLibrary): void {
  provided ??= lib;
}

interface NodeProcess {
  getBuiltinModule?: (id: 'node:module') => { createRequire(from: string): (id: string) => unknown } | undefined;
}

/** Node's `require`, reached without importing a Node built-in (this module also runs in browsers). */
function nodeRequire(): ((id: string) => unknown) | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  return proc?.getBuiltinModule?.('node:module')?.createRequire(import.meta.url);
}

/** Ajv and ajv-formats' plugin, loaded on first call. */
export function ajvLibrary(): AjvLibrary {
  if (provided) return provided;
  const require = nodeRequire();
  if (!require) throw new Error('wapikit-mock: this document has no precompiled validators and Ajv could not be loaded here; import the fetch adapter (wapikit-mock/fetch), which bundles it');
  const { Ajv2020 } = require('ajv/dist/2020.js') as Pick<AjvLibrary, 'Ajv2020'>;
  const addFormats = require('ajv-formats') as AjvLibrary['addFormats'];
  provided = { Ajv2020, addFormats };
  return provided;
}

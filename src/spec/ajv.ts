import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createAjvWith, type AjvLibrary } from './ajv-config.js';
import type { OpenApiDocument } from './openapi-types.js';

export { DISCRIMINATOR_VALUES, rewriteRefs, SCHEMA_ROOT_ID, withDiscriminators } from './ajv-config.js';

// ajv-formats is CommonJS: under NodeNext the default import is its module object, whose `default` is the plugin.
export const STATIC_AJV: AjvLibrary = { Ajv2020, addFormats: addFormatsModule.default };

/** An Ajv instance for the document, with Ajv imported statically (the contract kit, the tests, the generator). */
export function createAjv(doc: OpenApiDocument, options: Options = {}): Ajv2020 {
  return createAjvWith(STATIC_AJV, doc, options);
}

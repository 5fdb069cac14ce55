/**
 * How the document's schemas are given to Ajv, without loading Ajv itself: the run-time compiler
 * (ajv.ts, or Ajv loaded on demand by ajv-library.ts) and the build-time one (validators-module.ts)
 * share it, so a validator compiled at build time is the one a start would have compiled.
 */
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import { CUSTOM_FORMATS } from './formats.js';
import type { JsonSchema, OpenApiDocument } from './openapi-types.js';
import { componentAt, componentName, escapeToken } from './json-pointer.js';

/** Where the document's component schemas live inside Ajv. */
export const SCHEMA_ROOT_ID = 'https://wapikit-mock.dev/openapi/wapikit.json';

/** Rewrites `#/components/schemas/X` to a reference into the schema root registered with Ajv. */
export function rewriteRefs<T>(value: T, base: string): T {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, base)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const name = k === '$ref' && typeof v === 'string' ? componentName(v) : undefined;
      out[k] = name !== undefined ? `${base}#/$defs/${escapeToken(name)}` : rewriteRefs(v, base);
    }
    return out as T;
  }
  return value;
}

/** Annotation holding the values a discriminated union accepts, for error messages. */
export const DISCRIMINATOR_VALUES = 'x-discriminator-values';

/**
 * Ajv understands OpenAPI's `discriminator` only without `mapping`, and only when every `oneOf`
 * branch pins the property with a `const`. This gives Ajv that form for every union whose branches
 * all pin one property (our message unions), so a bad value is reported against the branch it chose.
 */
export function withDiscriminators<T>(value: T, doc: OpenApiDocument): T {
  if (Array.isArray(value)) return value.map((v) => withDiscriminators(v, doc)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'discriminator' ? undefined : withDiscriminators(v, doc);
  delete out.discriminator;
  const branches = (value as { oneOf?: unknown[] }).oneOf;
  if (Array.isArray(branches) && branches.length > 1) {
    const resolved = branches.map((b) => {
      const r = (b as { $ref?: string }).$ref;
      return (r ? componentAt(doc.components.schemas, r) : b) as { properties?: Record<string, { const?: unknown }> } | undefined;
    });
    const candidates = Object.keys(resolved[0]?.properties ?? {}).filter((p) => resolved.every((b) => b?.properties?.[p]?.const !== undefined));
    const tag = candidates[0];
    if (tag) {
      out.discriminator = { propertyName: tag };
      out[DISCRIMINATOR_VALUES] = resolved.map((b) => b!.properties![tag]!.const);
      out.type ??= 'object';
    }
  }
  return out as T;
}

/** What building an Ajv instance needs of the Ajv packages (passed in, so this module loads neither). */
export interface AjvLibrary {
  Ajv2020: typeof Ajv2020;
  /** ajv-formats' plugin. */
  addFormats: (ajv: Ajv2020) => unknown;
}

/**
 * An Ajv 2020-12 instance in strict mode that knows the document's components and the
 * OpenAPI-only keywords and formats (treated as annotations where JSON Schema has no meaning for them).
 */
export function createAjvWith(lib: AjvLibrary, doc: OpenApiDocument, options: Options = {}): Ajv2020 {
  // validateSchema: the spec's schemas are checked against the 2020-12 meta-schema by the spec tests
  // (which pass validateSchema: true); skipping it here saves ~150 ms of start-up per instance.
  const ajv = new lib.Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, discriminator: true, verbose: true, validateSchema: false, ...options });
  lib.addFormats(ajv);
  for (const [name, format] of Object.entries(CUSTOM_FORMATS)) ajv.addFormat(name, format);
  ajv.addVocabulary(['xml', 'externalDocs', 'example', 'x-wapikit-source', DISCRIMINATOR_VALUES]);
  const $defs: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(doc.components.schemas)) $defs[name] = rewriteRefs(withDiscriminators(schema, doc), '');
  ajv.addSchema({ $id: SCHEMA_ROOT_ID, $defs });
  return ajv;
}

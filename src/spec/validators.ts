import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjvWith, rewriteRefs, SCHEMA_ROOT_ID } from './ajv-config.js';
import { ajvLibrary } from './ajv-library.js';
import { isBundledDocument } from './bundled-marker.js';
import { describeErrors, type Violation } from './describe-errors.js';
import { dotted } from './json-pointer.js';
import type { JsonSchema, OpenApiDocument } from './openapi-types.js';
import { listOperations, type OperationInfo } from './operations.js';
import { precompiledValidator } from './precompiled-validators.js';
import { bodyKey, checksResponse, componentSchema, parametersKey, parametersSchema, responseKey, schemaKey, type ParameterLocation, type ValidatorMode } from './validator-plan.js';

export type { Violation } from './describe-errors.js';
export type { ParameterLocation } from './validator-plan.js';

/**
 * Validators for every operation of one document, compiled on first use and cached.
 * Nothing here is written by hand: every rule comes from the document.
 */
export interface SpecValidators {
  /**
   * Checks (and coerces in place: "20" → 20) the parameters of one location.
   * Header names must be lower-case keys.
   */
  parameters(op: OperationInfo, location: ParameterLocation, values: Record<string, unknown>): Violation[];
  /** Checks a JSON request body against the operation's schema for that content type. */
  body(op: OperationInfo, contentType: string, body: unknown): Violation[];
  /** Checks a response body against the schema documented for that status and content type. */
  response(op: OperationInfo, status: number, contentType: string, body: unknown): Violation[];
  /** Checks a value against a component schema by name. */
  schema(name: string, value: unknown): Violation[];
  operations: OperationInfo[];
}

const paramLabel = { path: 'path parameter', query: 'query parameter', header: 'header' } as const;

/**
 * The bundled document's request validators were compiled at build time (precompiled-validators.ts); anything
 * else — its responses, a custom document — is compiled here by Ajv, which is loaded on the first such use.
 */
export function createValidators(doc: OpenApiDocument): SpecValidators {
  const bundled = isBundledDocument(doc);
  const ajvs: Partial<Record<ValidatorMode, Ajv2020>> = {};
  const ajvFor = (mode: ValidatorMode): Ajv2020 => (ajvs[mode] ??= createAjvWith(ajvLibrary(), doc, mode === 'coercing' ? { coerceTypes: true } : {}));
  const cache = new Map<string, ValidateFunction>();
  // The shared error responses are the same schema objects under every operation: compile each once.
  const bySchema = new WeakMap<JsonSchema, ValidateFunction>();
  const compile = (mode: ValidatorMode, key: string, schema: () => JsonSchema): ValidateFunction => {
    let fn = cache.get(key) ?? (bundled ? precompiledValidator(key) : undefined);
    if (!fn) {
      const s = schema();
      fn = mode === 'strict' ? bySchema.get(s) : undefined;
      if (!fn) {
        fn = ajvFor(mode).compile(rewriteRefs(s, SCHEMA_ROOT_ID));
        if (mode === 'strict') bySchema.set(s, fn);
      }
    }
    cache.set(key, fn);
    return fn;
  };

  return {
    operations: listOperations(doc),

    parameters(op, location, values) {
      if (!op.parameters.some((p) => p.in === location)) return [];
      const fn = compile('coercing', parametersKey(op, location), () => parametersSchema(op, location)!);
      if (fn(values)) return [];
      return describeErrors(fn.errors, values, (pointer) => `${paramLabel[location]} '${dotted(pointer)}'`);
    },

    body(op, contentType, body) {
      const schema = op.requestBody?.content[contentType]?.schema;
      if (!schema) return [];
      const fn = compile('strict', bodyKey(op, contentType), () => schema);
      if (fn(body)) return [];
      const field = contentType.startsWith('multipart/') ? 'form field' : 'request body field';
      return describeErrors(fn.errors, body, (pointer) => (pointer ? `${field} '${dotted(pointer)}'` : 'request body'));
    },

    response(op, status, contentType, body) {
      const documented = op.responses.get(status);
      if (!documented) {
        const known = [...op.responses.keys()].join(', ');
        return [{ pointer: '', message: `status ${status} is not documented for ${op.operationId} (documented: ${known})`, expected: known, actual: status }];
      }
      const base = contentType.split(';')[0]!.trim().toLowerCase();
      const content = documented.content ?? {};
      const media = content[base];
      if (!media) {
        if (Object.keys(content).length === 0) return [];
        const known = Object.keys(content).join(', ');
        return [{ pointer: '', message: `content type '${base || 'none'}' is not documented for ${op.operationId} ${status} (documented: ${known})`, expected: known, actual: base }];
      }
      const schema = media.schema;
      if (!schema || !checksResponse(base)) return [];
      const fn = compile('strict', responseKey(op, status, base), () => schema);
      if (fn(body)) return [];
      return describeErrors(fn.errors, body, (pointer) => (pointer ? `response field '${dotted(pointer)}'` : 'response body'));
    },

    schema(name, value) {
      const fn = compile('strict', schemaKey(name), () => componentSchema(name));
      if (fn(value)) return [];
      return describeErrors(fn.errors, value, (pointer) => (pointer ? `field '${dotted(pointer)}'` : name));
    },
  };
}

import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv, rewriteRefs, SCHEMA_ROOT_ID } from './ajv.js';
import { describeErrors, type Violation } from './describe-errors.js';
import { dotted } from './json-pointer.js';
import type { JsonSchema, OpenApiDocument } from './openapi-types.js';
import { listOperations, type OperationInfo } from './operations.js';

export type { Violation } from './describe-errors.js';

export type ParameterLocation = 'path' | 'query' | 'header';

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

export function createValidators(doc: OpenApiDocument): SpecValidators {
  const strictAjv: Ajv2020 = createAjv(doc);
  const coercingAjv: Ajv2020 = createAjv(doc, { coerceTypes: true });
  const cache = new Map<string, ValidateFunction>();
  // The shared error responses are the same schema objects under every operation: compile each once.
  const bySchema = new WeakMap<JsonSchema, ValidateFunction>();
  const compile = (ajv: Ajv2020, key: string, schema: JsonSchema): ValidateFunction => {
    let fn = cache.get(key) ?? (ajv === strictAjv ? bySchema.get(schema) : undefined);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema, SCHEMA_ROOT_ID));
      if (ajv === strictAjv) bySchema.set(schema, fn);
    }
    cache.set(key, fn);
    return fn;
  };

  return {
    operations: listOperations(doc),

    parameters(op, location, values) {
      const params = op.parameters.filter((p) => p.in === location);
      if (params.length === 0) return [];
      const schema: JsonSchema = {
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [location === 'header' ? p.name.toLowerCase() : p.name, p.schema])),
        required: params.filter((p) => p.required).map((p) => (location === 'header' ? p.name.toLowerCase() : p.name)),
      };
      const fn = compile(coercingAjv, `${op.operationId}:${location}`, schema);
      if (fn(values)) return [];
      return describeErrors(fn.errors, values, (pointer) => `${paramLabel[location]} '${dotted(pointer)}'`);
    },

    body(op, contentType, body) {
      const media = op.requestBody?.content[contentType];
      if (!media?.schema) return [];
      const fn = compile(strictAjv, `${op.operationId}:body:${contentType}`, media.schema);
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
      if (!media.schema || !base.includes('json')) return [];
      const fn = compile(strictAjv, `${op.operationId}:response:${status}:${base}`, media.schema);
      if (fn(body)) return [];
      return describeErrors(fn.errors, body, (pointer) => (pointer ? `response field '${dotted(pointer)}'` : 'response body'));
    },

    schema(name, value) {
      const fn = compile(strictAjv, `schema:${name}`, { $ref: `#/components/schemas/${name}` });
      if (fn(value)) return [];
      return describeErrors(fn.errors, value, (pointer) => (pointer ? `field '${dotted(pointer)}'` : name));
    },
  };
}

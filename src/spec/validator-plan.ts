/**
 * Which schema each validator checks, named by a key: the run-time compiler (validators.ts) and the
 * build-time one (validators-module.ts) derive them here, so both compile exactly the same schemas.
 */
import type { JsonSchema, OpenApiDocument } from './openapi-types.js';
import { listOperations, type OperationInfo } from './operations.js';

export type ParameterLocation = 'path' | 'query' | 'header';

/** Parameters are coerced in place ("20" → 20); bodies and responses are checked as they are. */
export type ValidatorMode = 'strict' | 'coercing';

/** What a validator checks: one location's parameters, a request body, a response, a component schema. */
export type ValidatorKind = 'parameters' | 'body' | 'response' | 'schema';

/** The kinds compiled at build time for the bundled document (see validators-module.ts for why). */
export const PRECOMPILED_KINDS: ReadonlySet<ValidatorKind> = new Set(['parameters', 'body']);

export interface PlannedValidator {
  key: string;
  kind: ValidatorKind;
  mode: ValidatorMode;
  schema: JsonSchema;
}

export const parametersKey = (op: OperationInfo, location: ParameterLocation): string => `${op.operationId}:${location}`;
export const bodyKey = (op: OperationInfo, contentType: string): string => `${op.operationId}:body:${contentType}`;
export const responseKey = (op: OperationInfo, status: number, contentType: string): string => `${op.operationId}:response:${status}:${contentType}`;
export const schemaKey = (name: string): string => `schema:${name}`;

/** The object schema of one location's parameters (header names lower-cased), or undefined when it has none. */
export function parametersSchema(op: OperationInfo, location: ParameterLocation): JsonSchema | undefined {
  const params = op.parameters.filter((p) => p.in === location);
  if (params.length === 0) return undefined;
  const nameOf = (name: string) => (location === 'header' ? name.toLowerCase() : name);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [nameOf(p.name), p.schema])),
    required: params.filter((p) => p.required).map((p) => nameOf(p.name)),
  };
}

export const componentSchema = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Whether a response of this (lower-case, parameter-free) content type is checked against its schema. */
export const checksResponse = (contentType: string): boolean => contentType.includes('json');

/** Every validator the document can ask for. */
export function planValidators(doc: OpenApiDocument): PlannedValidator[] {
  const out: PlannedValidator[] = [];
  for (const op of listOperations(doc)) {
    for (const location of ['path', 'query', 'header'] as const) {
      const schema = parametersSchema(op, location);
      if (schema) out.push({ key: parametersKey(op, location), kind: 'parameters', mode: 'coercing', schema });
    }
    for (const [contentType, media] of Object.entries(op.requestBody?.content ?? {})) {
      if (media.schema) out.push({ key: bodyKey(op, contentType), kind: 'body', mode: 'strict', schema: media.schema });
    }
    for (const [status, response] of op.responses) {
      for (const [contentType, media] of Object.entries(response.content ?? {})) {
        if (media.schema && checksResponse(contentType)) out.push({ key: responseKey(op, status, contentType), kind: 'response', mode: 'strict', schema: media.schema });
      }
    }
  }
  for (const name of Object.keys(doc.components.schemas)) out.push({ key: schemaKey(name), kind: 'schema', mode: 'strict', schema: componentSchema(name) });
  return out;
}

import type { MediaTypeObject, OpenApiDocument, OperationObject, ParameterObject, ResponseObject } from './openapi-types.js';
import { HTTP_METHODS, type HttpMethod } from './openapi-types.js';
import { componentAt } from './json-pointer.js';

/** How an operation authenticates its caller. */
export type AuthMode = 'none' | 'header' | 'query';

export interface OperationInfo {
  operationId: string;
  method: HttpMethod;
  /** The path as the spec writes it, e.g. `/conversation/{id}`. */
  path: string;
  /** The same path in Express syntax, e.g. `/conversation/:id`. */
  expressPath: string;
  tags: string[];
  summary: string;
  parameters: ParameterObject[];
  requestBody: OperationObject['requestBody'];
  /** Documented responses by status code, with `$ref`s to components.responses resolved. */
  responses: Map<number, ResponseObject>;
  auth: AuthMode;
  permissions: string[];
  rateLimit?: { requests: number; windowSeconds: number };
  fromDocs: boolean;
  /** Changes state: every non-GET, and a GET marked `x-wapikit-writes`. */
  writes: boolean;
}

function resolveResponse(doc: OpenApiDocument, r: ResponseObject | { $ref: string }): ResponseObject {
  if ('$ref' in r) {
    const hit = componentAt(doc.components.responses, r.$ref, 'responses');
    if (!hit) throw new Error(`unresolved response $ref ${r.$ref}`);
    return hit;
  }
  return r;
}

function authMode(doc: OpenApiDocument, op: OperationObject): AuthMode {
  const security = op.security ?? doc.security ?? [];
  const schemeName = security.flatMap((s) => Object.keys(s))[0];
  if (!schemeName) return 'none';
  const scheme = doc.components.securitySchemes?.[schemeName];
  return scheme?.in === 'query' ? 'query' : 'header';
}

const cache = new WeakMap<OpenApiDocument, OperationInfo[]>();

/** Every operation of the document, in document order. */
export function listOperations(doc: OpenApiDocument): OperationInfo[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: OperationInfo[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const responses = new Map<number, ResponseObject>();
      for (const [status, r] of Object.entries(op.responses)) responses.set(Number(status), resolveResponse(doc, r));
      out.push({
        operationId: op.operationId,
        method,
        path,
        expressPath: path.replace(/\{([^}]+)\}/g, ':$1'),
        tags: op.tags,
        summary: op.summary,
        parameters: op.parameters ?? [],
        requestBody: op.requestBody,
        responses,
        auth: authMode(doc, op),
        permissions: op['x-wapikit-permissions'] ?? [],
        rateLimit: op['x-wapikit-rate-limit'],
        fromDocs: op['x-wapikit-source'] === 'docs',
        writes: method !== 'get' || op['x-wapikit-writes'] === true,
      });
    }
  }
  cache.set(doc, out);
  return out;
}

export function operationById(doc: OpenApiDocument, operationId: string): OperationInfo {
  const op = listOperations(doc).find((o) => o.operationId === operationId);
  if (!op) throw new Error(`unknown operationId '${operationId}'`);
  return op;
}

/** The lowest 2xx status an operation documents (its success status). */
export function successStatus(op: OperationInfo): number {
  const ok = [...op.responses.keys()].filter((s) => s >= 200 && s < 300).sort((a, b) => a - b)[0];
  if (ok === undefined) throw new Error(`${op.operationId} documents no 2xx response`);
  return ok;
}

/** The media type entry of a response, for an exact content type or the first one documented. */
export function responseMedia(op: OperationInfo, status: number, contentType?: string): [string, MediaTypeObject] | undefined {
  const content = op.responses.get(status)?.content;
  if (!content) return undefined;
  if (contentType) {
    const base = contentType.split(';')[0]!.trim().toLowerCase();
    const exact = content[base];
    return exact ? [base, exact] : undefined;
  }
  return Object.entries(content)[0];
}

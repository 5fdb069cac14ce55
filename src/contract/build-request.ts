/**
 * Builds a request the spec calls valid for an operation: path ids discovered from the target, required query
 * parameters and the JSON body generated from the spec's schemas (deterministically), then checked with the
 * spec's own validators before anything is sent.
 */
import type { OpenApiDocument, OperationInfo, ParameterObject, SpecValidators } from '../spec/index.js';
import type { Discovered, IdPool, Resource } from './discover-ids.js';
import { resourceForParam } from './discover-ids.js';
import type { OutgoingRequest } from './http.js';
import { SAMPLE_RANGE_END, sampleValue } from './sample-values.js';

/** Items per page the kit asks list endpoints for: small answers, still more than one item. */
export const KIT_PER_PAGE = 5;

export interface BuiltRequest {
  op: OperationInfo;
  request: OutgoingRequest;
  /** The value of every path parameter (unencoded). */
  pathValues: Record<string, string>;
  /** The discovered id behind each path or query parameter that addresses a record. */
  ids: Record<string, { resource: Resource; found: Discovered }>;
}

export type Build = { ok: true; built: BuiltRequest } | { ok: false; reason: string };

export interface BuildOverrides {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** A request the kit generated is invalid by the spec: a bug in the kit or a spec it cannot handle. */
export class KitError extends Error {
  override name = 'KitError';
}

export interface BuildContext {
  doc: OpenApiDocument;
  validators: SpecValidators;
  pool: IdPool;
}

function toQueryString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function queryValue(ctx: BuildContext, p: ParameterObject): string {
  const s = p.schema as { maximum?: number };
  if (p.name === 'page') return '1';
  if (p.name === 'per_page') return String(Math.min(KIT_PER_PAGE, typeof s.maximum === 'number' ? s.maximum : KIT_PER_PAGE));
  // A date range must not be empty: the end of the range is the end of the sample year.
  if (p.name === 'to' && (p.schema as { format?: string }).format === 'date-time') return SAMPLE_RANGE_END;
  return toQueryString(sampleValue(ctx.doc, p.schema));
}

/** Resolves one id parameter through the pool; media ids come with the conversation they belong to. */
async function resolveId(ctx: BuildContext, op: OperationInfo, name: string): Promise<{ resource: Resource; found: Discovered } | { reason: string } | undefined> {
  const resource = resourceForParam(op, name);
  if (!resource) return undefined;
  const d = await ctx.pool.get(resource);
  return d.ok ? { resource, found: d.value } : { reason: d.reason };
}

export async function buildRequest(ctx: BuildContext, op: OperationInfo, overrides: BuildOverrides = {}): Promise<Build> {
  const ids: BuiltRequest['ids'] = {};
  const pathValues: Record<string, string> = {};
  const mediaParam = op.parameters.find((p) => p.in === 'path' && resourceForParam(op, p.name) === 'media');

  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const given = overrides.path?.[p.name];
    if (given !== undefined) {
      pathValues[p.name] = given;
      continue;
    }
    if (mediaParam && p !== mediaParam && resourceForParam(op, p.name) === 'conversation') continue; // taken from the media id below
    const r = await resolveId(ctx, op, p.name);
    if (!r) {
      pathValues[p.name] = toQueryString(sampleValue(ctx.doc, p.schema));
      continue;
    }
    if ('reason' in r) return { ok: false, reason: r.reason };
    ids[p.name] = r;
    pathValues[p.name] = r.found.id;
    if (r.resource === 'media') {
      const conversationParam = op.parameters.find((x) => x.in === 'path' && resourceForParam(op, x.name) === 'conversation');
      const conversationId = r.found.related.conversation;
      if (conversationParam && conversationId && overrides.path?.[conversationParam.name] === undefined) {
        pathValues[conversationParam.name] = conversationId;
        ids[conversationParam.name] = { resource: 'conversation', found: { id: conversationId, source: r.found.source, related: {} } };
      }
    }
  }

  const query: Record<string, string> = {};
  for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) {
    if (op.auth === 'query' && p.name === 'token') continue;
    const r = await resolveId(ctx, op, p.name);
    if (r && 'reason' in r) return { ok: false, reason: r.reason };
    if (r) ids[p.name] = r;
    query[p.name] = r ? r.found.id : queryValue(ctx, p);
  }
  Object.assign(query, overrides.query ?? {});

  // Ids come from the target (or the caller): whether they are valid is the target's business, not the kit's.
  const generatedOnly = (values: Record<string, string>, where: 'path' | 'query') =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => {
      const p = op.parameters.find((x) => x.in === where && x.name === k);
      return [k, ids[k] || overrides[where]?.[k] !== undefined ? (p ? sampleValue(ctx.doc, p.schema) : v) : v];
    }));
  const problems = [
    ...ctx.validators.parameters(op, 'path', generatedOnly(pathValues, 'path')),
    ...ctx.validators.parameters(op, 'query', generatedOnly(query, 'query')),
  ];
  if (problems.length) throw new KitError(`the kit built invalid parameters for ${op.operationId}: ${problems.map((v) => v.message).join('; ')}`);

  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  const request: OutgoingRequest = { method: op.method, path, query, auth: op.auth };

  const content = op.requestBody?.content;
  if (content) {
    const json = content['application/json'];
    if (!json?.schema) throw new KitError(`${op.operationId} takes ${Object.keys(content).join(', ')}, which the kit does not generate`);
    const body = overrides.body !== undefined ? overrides.body : sampleValue(ctx.doc, json.schema);
    const bodyProblems = ctx.validators.body(op, 'application/json', body);
    if (bodyProblems.length) throw new KitError(`the kit built an invalid body for ${op.operationId}: ${bodyProblems.map((v) => v.message).join('; ')}`);
    request.body = { json: body };
  }
  return { ok: true, built: { op, request, pathValues, ids } };
}

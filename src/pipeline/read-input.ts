/**
 * The read-and-validate stage: path and query parameters, then the body the operation takes (JSON or a
 * multipart form), each checked against the spec. A problem is a 400 naming it — unless every problem of a location
 * breaks a rule only the spec states (src/spec/leniency.ts) and the mock is not strict: then the offending query
 * parameters or body fields are dropped, as the server ignores them, and the problems come back as warnings.
 */
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepMessage } from '../domain/json-depth.js';
import type { UploadedFile } from '../handlers/types.js';
import { enforcementOf, type RuleLocation } from '../spec/leniency.js';
import type { OperationInfo } from '../spec/operations.js';
import type { SpecValidators, Violation } from '../spec/validators.js';
import { badRequest, invalid } from './errors.js';
import { fileFieldProblem, fileFieldsOf, MAX_UPLOAD_BYTES } from './form-rules.js';
import { parseJsonBody } from './json-body.js';
import type { PlainRequest } from './types.js';

export interface Input {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  files: UploadedFile[];
  fields: Record<string, string>;
}

/** The input, and what the lenient mode let through (messages, as a 400 of --strict would word them). */
export interface ReadInput extends Input {
  warnings: string[];
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Removes the member a JSON pointer names (nothing when it is not there). */
function removeAt(root: unknown, pointer: string): void {
  const tokens = pointer.split('/').slice(1).map(unescapeToken);
  const last = tokens.pop();
  let parent: unknown = root;
  for (const t of tokens) parent = parent && typeof parent === 'object' && Object.hasOwn(parent, t) ? (parent as Record<string, unknown>)[t] : undefined;
  if (last !== undefined && parent && typeof parent === 'object' && !Array.isArray(parent) && Object.hasOwn(parent, last)) delete (parent as Record<string, unknown>)[last];
}

/**
 * Settles one location's problems: refused (thrown, today's 400) when strict or when any of them breaks a rule the
 * server enforces; otherwise each offending member is dropped from `value`, `recheck` must then find nothing, and
 * the messages are returned as warnings.
 */
function settle(op: OperationInfo, location: RuleLocation, problems: Violation[], strict: boolean, value: unknown, recheck: () => Violation[]): string[] {
  if (problems.length === 0) return [];
  if (strict || problems.some((v) => v.pointer === '' || enforcementOf(op, location, v) === 'server')) throw invalid(problems);
  for (const v of problems) removeAt(value, location === 'body' ? v.pointer : `/${v.pointer.split('/')[1] ?? ''}`);
  if (recheck().length) throw invalid(problems);
  return problems.map((v) => v.message);
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** `application/json` or any `…/…+json`. */
export function isJsonType(contentType: string | undefined): boolean {
  const type = mediaTypeOf(contentType);
  return type === 'application/json' || /^[^/]+\/[^/]+\+json$/.test(type);
}

export async function readInput(op: OperationInfo, req: PlainRequest, params: Record<string, string>, validators: SpecValidators, bodyLimitBytes: number, strict: boolean): Promise<ReadInput> {
  const input: ReadInput = { params: { ...params }, query: { ...req.query }, body: undefined, files: [], fields: {}, warnings: [] };
  const pathProblems = validators.parameters(op, 'path', input.params);
  const queryProblems = validators.parameters(op, 'query', input.query);
  if (pathProblems.length) throw invalid([...pathProblems, ...queryProblems]);
  input.warnings.push(...settle(op, 'query', queryProblems, strict, input.query, () => validators.parameters(op, 'query', input.query)));
  const content = op.requestBody?.content ?? {};
  const contentType = req.header('content-type');
  if (content['multipart/form-data']) {
    if (!req.body.present || mediaTypeOf(contentType) !== 'multipart/form-data') {
      throw badRequest(`request body must be multipart/form-data (got ${contentType ?? 'no content type'})`);
    }
    const parts = await req.body.form(MAX_UPLOAD_BYTES);
    input.files = parts.files;
    input.fields = parts.fields;
    const fileProblem = fileFieldProblem(fileFieldsOf(content['multipart/form-data'].schema), parts);
    if (fileProblem) throw badRequest(fileProblem);
    // The form as the spec's schema sees it: text fields as they came, a file part as its name. No prototype,
    // so a part named `__proto__` is a field like any other.
    const form = Object.assign(Object.create(null) as Record<string, unknown>, parts.fields);
    for (const f of parts.files) form[f.field] = f.fileName;
    const formProblems = validators.body(op, 'multipart/form-data', form);
    if (formProblems.length) throw invalid(formProblems);
  } else if (content['application/json']) {
    const hasBody = req.body.present;
    if (hasBody && !isJsonType(contentType)) {
      throw badRequest(`request body must be application/json (got ${contentType ?? 'no content type'})`);
    }
    if (hasBody) input.body = parseJsonBody(await req.body.bytes(bodyLimitBytes), contentType);
    if (input.body === undefined && op.requestBody?.required) throw badRequest('request body is required (application/json)');
    if (nestsDeeperThan(input.body, MAX_JSON_DEPTH)) throw badRequest(tooDeepMessage('request body'));
    const bodyProblems = validators.body(op, 'application/json', input.body);
    input.warnings.push(...settle(op, 'body', bodyProblems, strict, input.body, () => validators.body(op, 'application/json', input.body)));
  }
  return input;
}

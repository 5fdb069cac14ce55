/**
 * The read-and-validate stage: path and query parameters, then the body the operation takes (JSON or a
 * multipart form), each checked against the spec. The first problem is a 400 naming it.
 */
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepMessage } from '../domain/json-depth.js';
import type { UploadedFile } from '../handlers/types.js';
import type { OperationInfo } from '../spec/operations.js';
import type { SpecValidators } from '../spec/validators.js';
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

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** `application/json` or any `…/…+json`. */
export function isJsonType(contentType: string | undefined): boolean {
  const type = mediaTypeOf(contentType);
  return type === 'application/json' || /^[^/]+\/[^/]+\+json$/.test(type);
}

export async function readInput(op: OperationInfo, req: PlainRequest, params: Record<string, string>, validators: SpecValidators, bodyLimitBytes: number): Promise<Input> {
  const input: Input = { params: { ...params }, query: { ...req.query }, body: undefined, files: [], fields: {} };
  const problems = [...validators.parameters(op, 'path', input.params), ...validators.parameters(op, 'query', input.query)];
  if (problems.length) throw invalid(problems);
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
    if (bodyProblems.length) throw invalid(bodyProblems);
  }
  return input;
}

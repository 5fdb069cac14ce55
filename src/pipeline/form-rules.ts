import type { JsonSchema } from '../spec/openapi-types.js';
import type { ParsedForm } from './types.js';

/** Largest file part accepted in a multipart form. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/** Most parts of a form that are read: further files or fields are ignored (on every transport). */
export const FORM_LIMITS = { files: 5, fields: 20 } as const;

/**
 * The form fields a multipart schema declares as files (`contentMediaType`, `contentEncoding` or
 * `format: binary`): these must come as file parts with a filename, never as text fields.
 */
export function fileFieldsOf(schema: JsonSchema | undefined): string[] {
  const properties = (schema as { properties?: Record<string, JsonSchema> } | undefined)?.properties ?? {};
  return Object.entries(properties)
    .filter(([, s]) => {
      const p = s as { contentMediaType?: unknown; contentEncoding?: unknown; format?: unknown };
      return p.contentMediaType !== undefined || p.contentEncoding !== undefined || p.format === 'binary';
    })
    .map(([name]) => name);
}

/** Why a form's file fields are not usable files, or undefined when each one that came is a named file part. */
export function fileFieldProblem(fileFields: readonly string[], form: ParsedForm): string | undefined {
  for (const name of fileFields) {
    if (Object.hasOwn(form.fields, name)) {
      return `form field '${name}' must be a file part with a filename, not a text field (an empty filename="" also makes it one)`;
    }
    const part = form.files.find((f) => f.field === name);
    if (part && part.fileName === '') return `form field '${name}' is a file part without a filename: no file was chosen`;
  }
  return undefined;
}

/**
 * Loads the OpenAPI document a run checks against (`--spec`), turning every way a file can fail to be one
 * (unreadable, not JSON or YAML, not OpenAPI 3.1, missing what the kit needs) into a sentence naming the file.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadSpec, type OpenApiDocument } from '../spec/index.js';

/** The file given to --spec is not an OpenAPI document the kit can use. */
export class SpecFileError extends Error {
  override name = 'SpecFileError';
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'it is empty';
  if (Array.isArray(value)) return 'it is a list, not a mapping';
  return `it is a ${typeof value}, not a mapping`;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The bundled document when `path` is undefined; otherwise the file, checked first. */
export function loadSpecFile(path: string | undefined): OpenApiDocument {
  if (path === undefined) return loadSpec();
  const where = `--spec ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new SpecFileError(`${where} cannot be read (${READ_ERRORS[code] ?? (code || (err as Error).message)})`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new SpecFileError(`${where} is neither JSON nor YAML (${(err as Error).message.split('\n')[0]})`);
  }
  if (!isObject(doc)) throw new SpecFileError(`${where} is not an OpenAPI 3.1 document (${describeValue(doc)})`);
  const version = doc.openapi;
  if (version === undefined) throw new SpecFileError(`${where} is not an OpenAPI 3.1 document (it has no 'openapi' field)`);
  if (typeof version !== 'string' || !version.startsWith('3.1')) {
    throw new SpecFileError(`${where} is not an OpenAPI 3.1 document (it says openapi: ${String(version)}; the kit reads 3.1)`);
  }
  for (const field of ['info', 'paths', 'components']) {
    if (!isObject(doc[field])) throw new SpecFileError(`${where} has no '${field}' object, which the kit needs`);
  }
  try {
    return loadSpec(path);
  } catch (err) {
    throw new SpecFileError(`${where} cannot be used: ${(err as Error).message}`);
  }
}

import busboy from 'busboy';
import type { Request } from 'express';
import type { UploadedFile } from '../handlers/types.js';
import { ApiError, badRequest } from '../pipeline/errors.js';
import { FORM_LIMITS } from '../pipeline/form-rules.js';
import type { ParsedForm } from '../pipeline/types.js';

/** busboy's limit on the headers of one part (Node's own default header size). */
const MAX_PART_HEADER_BYTES = 16 * 1024;

/** Words for what busboy reports, so the client learns what to fix. */
function describeParseError(err: Error): string {
  if (err.message === 'Malformed part header') {
    return `multipart form is not valid: a part's headers are malformed or longer than ${MAX_PART_HEADER_BYTES} bytes (a very long filename?)`;
  }
  return `multipart form is not valid: ${err.message}`;
}

/**
 * Reads a multipart/form-data request with busboy; a file over `maxFileBytes` is a 413. A part without a
 * filename is a text field (busboy's rule, as in browsers), except a file part the client marked as
 * `application/octet-stream`: that one is a file with an empty `fileName`.
 *
 * On any failure the rest of the request body is read and thrown away before the promise settles, so the
 * error is answered on a connection that can carry the next keep-alive request.
 */
export function readMultipart(req: Request, maxFileBytes: number): Promise<ParsedForm> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxFileBytes, ...FORM_LIMITS } });
    } catch (err) {
      reject(badRequest(`request body must be multipart/form-data with a boundary (${(err as Error).message})`));
      return;
    }
    const files: UploadedFile[] = [];
    const fields = Object.create(null) as Record<string, string>;
    let failed: ApiError | undefined;
    let settled = false;
    const fail = (err: ApiError) => {
      if (settled) return;
      settled = true;
      // Stop parsing and drain what the client is still sending, so the socket is free for its next request.
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      // A form cut off mid-file errors on the file stream as well as on the parser: handled there.
      stream.on('error', () => {});
      stream.on('limit', () => {
        failed = new ApiError(413, `file '${info.filename ?? field}' is larger than the ${maxFileBytes} bytes this server accepts`);
      });
      stream.on('close', () => {
        files.push({ field, fileName: info.filename ?? '', contentType: info.mimeType, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('error', (err: Error) => fail(badRequest(describeParseError(err))));
    parser.on('close', () => {
      if (failed) fail(failed);
      else if (!settled) {
        settled = true;
        resolve({ files, fields });
      }
    });
    // A client that goes away mid-form: nothing to answer, but the promise must not wait forever.
    req.once('error', () => fail(badRequest('multipart form is not valid: the request was cut off')));
    req.pipe(parser);
  });
}

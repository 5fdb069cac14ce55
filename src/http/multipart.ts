import busboy from 'busboy';
import type { Request } from 'express';
import { ApiError, badRequest } from './errors.js';
import type { UploadedFile } from './handler-types.js';

export interface MultipartResult {
  files: UploadedFile[];
  fields: Record<string, string>;
}

/** Reads a multipart/form-data request with busboy; a file over `maxFileBytes` is a 413. */
export function readMultipart(req: Request, maxFileBytes: number): Promise<MultipartResult> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxFileBytes, files: 5, fields: 20 } });
    } catch (err) {
      reject(badRequest(`request body must be multipart/form-data with a boundary (${(err as Error).message})`));
      return;
    }
    const files: UploadedFile[] = [];
    const fields: Record<string, string> = {};
    let failed: ApiError | undefined;
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      // A form cut off mid-file errors on the file stream as well as on the parser: handled there.
      stream.on('error', () => {});
      stream.on('limit', () => {
        failed = new ApiError(413, `file '${info.filename}' is larger than the ${maxFileBytes} bytes this server accepts`);
      });
      stream.on('close', () => {
        files.push({ field, fileName: info.filename ?? 'upload', contentType: info.mimeType, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('error', (err: Error) => reject(badRequest(`failed to parse multipart form: ${err.message}`)));
    parser.on('close', () => (failed ? reject(failed) : resolve({ files, fields })));
    req.pipe(parser);
  });
}

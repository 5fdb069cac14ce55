/**
 * The formats the spec's schemas use: ajv-formats' full set plus OpenAPI's numeric and binary formats.
 * The run-time compiler registers CUSTOM_FORMATS next to ajv-formats' plugin; the validators compiled at
 * build time (src/generated/validators.ts) read every format from FORMATS, so both check the same way.
 * Browser-safe: ajv-formats' formats module is plain JavaScript.
 */
import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export const CUSTOM_FORMATS: Record<string, Format> = {
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max },
  int64: { type: 'number', validate: (n: number) => Number.isSafeInteger(n) },
  double: { type: 'number', validate: (n: number) => Number.isFinite(n) },
  float: { type: 'number', validate: (n: number) => Number.isFinite(n) },
  // A file part of a multipart body: its bytes are checked by the form rules, not by a format.
  binary: true,
};

export const FORMATS: Record<string, Format> = { ...fullFormats, ...CUSTOM_FORMATS };

/** The name the precompiled validators `require` FORMATS by (a name no package can have). */
export const FORMATS_MODULE_ID = 'wapikit-mock:formats';

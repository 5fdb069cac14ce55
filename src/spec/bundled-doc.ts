/**
 * The bundled OpenAPI document, imported as a module (no file system): what the fetch adapter serves by
 * default, in Node and in a browser bundle alike. openapi/wapikit.json is generated from openapi/wapikit.yaml.
 */
import doc from '../../openapi/wapikit.json' with { type: 'json' };
import { markBundledDocument } from './bundled-marker.js';
import type { OpenApiDocument } from './openapi-types.js';

export const BUNDLED_DOC: OpenApiDocument = doc as OpenApiDocument;
markBundledDocument(BUNDLED_DOC);

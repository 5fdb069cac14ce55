/**
 * The media types of message attachments: the spec states them once, as the content types of
 * `getConversationMedia`'s 200 answer. The served media files take their content type from that list (by
 * file extension), and the type below lets the compiler check a content type against it.
 */
import type { operations } from '../generated/wapikit.js';
import type { OpenApiDocument } from './openapi-types.js';
import { operationById } from './operations.js';

/** The operation whose documented answer lists every media type an attachment can have. */
export const MEDIA_OPERATION = 'getConversationMedia';

/** A content type the spec documents for message media, e.g. `image/png`. */
export type MediaContentType = keyof operations[typeof MEDIA_OPERATION]['responses'][200]['content'];

/** The content types the spec documents for message media, in the spec's order. */
export function documentedMediaTypes(doc: OpenApiDocument): string[] {
  return Object.keys(operationById(doc, MEDIA_OPERATION).responses.get(200)?.content ?? {});
}

/**
 * The documented media type for a file extension: the one whose subtype is the extension (`.png` →
 * `image/png`, `.pdf` → `application/pdf`). Undefined when the spec documents none, or more than one.
 */
export function mediaTypeForExtension(extension: string, documented: readonly string[]): string | undefined {
  const subtype = extension.replace(/^\./, '').toLowerCase();
  const hits = documented.filter((type) => type.slice(type.indexOf('/') + 1) === subtype);
  return hits.length === 1 ? hits[0] : undefined;
}

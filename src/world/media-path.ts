/**
 * What every media link starts with as records keep it: links are relative to the API's base path, and the
 * edge (src/pipeline/links.ts) makes them absolute with the origin and base path the client used.
 */
export const MEDIA_PATH_PREFIX = 'conversation/';

/**
 * Where a conversation's media file is served, relative to the API's base path: records keep this, and the
 * edge makes it absolute with the origin and base path the client used (`https://host/api/` + this).
 */
export function mediaPath(conversationId: string, mediaId: string): string {
  return `${MEDIA_PATH_PREFIX}${conversationId}/media/${mediaId}`;
}

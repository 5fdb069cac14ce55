import { describe, expect, it } from 'vitest';
import { MEDIA_CONTENT_TYPES, MEDIA_EXTENSIONS } from '../world/media-assets.js';
import { loadSpec } from './load-spec.js';
import { documentedMediaTypes, mediaTypeForExtension, type MediaContentType } from './media-types.js';

const documented = documentedMediaTypes(loadSpec());

describe('media types', () => {
  it('come from the spec: the content types of a media download', () => {
    expect(documented).toEqual(expect.arrayContaining(['image/png', 'image/webp', 'application/pdf', 'audio/wav', 'video/mp4']));
    expect(documented).toContain('application/octet-stream');
  });

  it.each([
    ['.png', 'image/png'],
    ['png', 'image/png'],
    ['.PDF', 'application/pdf'],
    ['.webp', 'image/webp'],
    ['.wav', 'audio/wav'],
    ['.ogg', 'audio/ogg'],
    ['.mp4', 'video/mp4'],
    ['.gif', undefined],
    ['.exe', undefined],
  ])('the extension %s is served as %s', (extension, type) => {
    expect(mediaTypeForExtension(extension, documented)).toBe(type);
  });

  it('is undefined for an extension two documented types share', () => {
    expect(mediaTypeForExtension('.mp4', ['audio/mp4', 'video/mp4'])).toBeUndefined();
  });

  it('every media file the mock serves has a type the spec documents, matching its extension', () => {
    for (const [kind, type] of Object.entries(MEDIA_CONTENT_TYPES)) {
      expect(documented, kind).toContain(type);
      expect(mediaTypeForExtension(MEDIA_EXTENSIONS[kind as keyof typeof MEDIA_EXTENSIONS], documented), kind).toBe(type);
    }
  });

  it('the compiler knows the documented types', () => {
    const png: MediaContentType = 'image/png';
    // @ts-expect-error: not a documented media type
    const gif: MediaContentType = 'image/gif';
    expect([png, gif]).toHaveLength(2);
  });
});

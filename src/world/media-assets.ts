/**
 * The real, small media files the mock serves, one per media kind. They are committed under assets/media/
 * and reach the code through src/generated/media-assets.ts (base64, written by `npm run generate`), so no
 * file is read at run time and the browser build gets the same bytes as the server:
 *
 * | kind     | file           | what it is                                                                |
 * |----------|----------------|---------------------------------------------------------------------------|
 * | image    | image.png      | 48×48 truecolour PNG, a warm gradient "photo"                             |
 * | sticker  | sticker.webp   | 128×128 lossless WebP (VP8L) with alpha: a smiley face                    |
 * | document | document.pdf   | one-page PDF 1.4 with a title and a line of text                          |
 * | audio    | audio.wav      | 0.25 s, 8 kHz, 16-bit mono PCM WAV of a 440 Hz tone                       |
 * | video    | video.mp4      | 0.5 s, 32×32 H.264 (Constrained Baseline, I_PCM) MP4, 5 frames of colour  |
 *
 * Each file is decoded once; callers get a copy of the bytes.
 */
import { type GeneratedMediaFile, MEDIA_FILES } from '../generated/media-assets.js';
import { bytesFromBase64 } from '../util/bytes.js';
import type { MediaKind } from './model.js';

export interface MediaAsset {
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** The committed file of each kind (fails to compile when a kind has no file). */
const FILES: Readonly<Record<MediaKind, GeneratedMediaFile>> = MEDIA_FILES;

function byKind<T>(pick: (file: GeneratedMediaFile) => T): Readonly<Record<MediaKind, T>> {
  return { image: pick(FILES.image), sticker: pick(FILES.sticker), document: pick(FILES.document), audio: pick(FILES.audio), video: pick(FILES.video) };
}

/** Content type served for each kind (matches the bytes `mediaBytes` returns). */
export const MEDIA_CONTENT_TYPES: Readonly<Record<MediaKind, string>> = byKind((file) => file.contentType);

/** File extension matching `MEDIA_CONTENT_TYPES`. */
export const MEDIA_EXTENSIONS: Readonly<Record<MediaKind, string>> = byKind((file) => file.fileName.slice(file.fileName.lastIndexOf('.') + 1));

const decoded = new Map<MediaKind, Uint8Array>();

/** Bytes of a real file of `kind`, with its content type. */
export function mediaBytes(kind: MediaKind): MediaAsset {
  let body = decoded.get(kind);
  if (body === undefined) {
    body = bytesFromBase64(FILES[kind].base64);
    decoded.set(kind, body);
  }
  return { contentType: MEDIA_CONTENT_TYPES[kind], body: body.slice() };
}

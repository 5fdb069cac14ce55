import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MEDIA_ASSET_DIR, MEDIA_MODULE_PATH, renderMediaModule } from '../../scripts/write-media-module.js';
import { MEDIA_CONTENT_TYPES, MEDIA_EXTENSIONS, mediaBytes } from './media-assets.js';
import type { MediaKind } from './model.js';

const KINDS: readonly MediaKind[] = ['image', 'sticker', 'document', 'audio', 'video'];

/** The served bytes of `kind` as a Buffer, for its readers (the module itself hands out plain Uint8Arrays). */
function served(kind: MediaKind): Buffer {
  const { body } = mediaBytes(kind);
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

const ascii = (body: Buffer, from: number, to: number): string => body.subarray(from, to).toString('latin1');

/** Top-level ISO BMFF boxes: [type, offset, size]. */
function boxes(body: Buffer, from = 0, to = body.length): [string, number, number][] {
  const out: [string, number, number][] = [];
  let offset = from;
  while (offset + 8 <= to) {
    const size = body.readUInt32BE(offset);
    out.push([ascii(body, offset + 4, offset + 8), offset, size]);
    if (size < 8) break;
    offset += size;
  }
  return out;
}

describe('the committed media files', () => {
  it('src/generated/media-assets.ts is what scripts/write-media-module.ts makes of assets/media/ today', () => {
    const committed = readFileSync(MEDIA_MODULE_PATH, 'utf8');
    expect(renderMediaModule() === committed, 'src/generated/media-assets.ts is stale: run npm run generate').toBe(true);
  });

  it('are exactly one file per media kind, named after it', () => {
    expect(readdirSync(MEDIA_ASSET_DIR).sort()).toEqual(KINDS.map((k) => `${k}.${MEDIA_EXTENSIONS[k]}`).sort());
  });

  it.each(KINDS)('serve the bytes of the %s file unchanged', (kind) => {
    expect(served(kind).equals(readFileSync(join(MEDIA_ASSET_DIR, `${kind}.${MEDIA_EXTENSIONS[kind]}`)))).toBe(true);
  });
});

describe('mediaBytes', () => {
  it.each<[MediaKind, string, (body: Buffer) => boolean]>([
    ['image', 'image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
    ['sticker', 'image/webp', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
    ['document', 'application/pdf', (b) => ascii(b, 0, 5) === '%PDF-'],
    ['audio', 'audio/wav', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE'],
    ['video', 'video/mp4', (b) => ascii(b, 4, 8) === 'ftyp'],
  ])('serves %s as %s with matching magic bytes', (kind, contentType, magic) => {
    const asset = mediaBytes(kind);
    expect(asset.contentType).toBe(contentType);
    expect(MEDIA_CONTENT_TYPES[kind]).toBe(contentType);
    expect(magic(served(kind))).toBe(true);
    expect(asset.body.length).toBeGreaterThan(100);
    expect(asset.body.length).toBeLessThan(20_000);
  });

  it('hands out plain Uint8Arrays (no Node Buffer, so the browser build gets the same bytes)', () => {
    for (const kind of KINDS) expect(Object.getPrototypeOf(mediaBytes(kind).body)).toBe(Uint8Array.prototype);
  });

  it('returns a fresh copy each time', () => {
    const first = mediaBytes('image');
    first.body.fill(0);
    expect(mediaBytes('image').body[1]).toBe(0x50);
  });

  it('serves a 48×48 PNG whose chunks have valid CRCs and whose pixels inflate to the declared size', () => {
    const png = served('image');
    let offset = 8;
    const chunks: string[] = [];
    let idat = Buffer.alloc(0);
    let width = 0;
    let height = 0;
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = ascii(png, offset + 4, offset + 8);
      const data = png.subarray(offset + 8, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
      if (type === 'IHDR') {
        width = data.readUInt32BE(0);
        height = data.readUInt32BE(4);
      }
      if (type === 'IDAT') idat = Buffer.concat([idat, data]);
      chunks.push(type);
      offset += 12 + length;
    }
    expect(chunks[0]).toBe('IHDR');
    expect(chunks[chunks.length - 1]).toBe('IEND');
    expect([width, height]).toEqual([48, 48]);
    expect(inflateSync(idat).length).toBe((width * 3 + 1) * height);
  });

  it('serves a 128×128 WebP with consistent RIFF sizes and a lossless VP8L bitstream', () => {
    const webp = served('sticker');
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
    expect(ascii(webp, 12, 16)).toBe('VP8L');
    expect(webp[20]).toBe(0x2f);
    const bits = webp.readUInt32LE(21);
    expect((bits & 0x3fff) + 1).toBe(128);
    expect(((bits >>> 14) & 0x3fff) + 1).toBe(128);
  });

  it('serves a PDF with a header, a trailer, and xref offsets that point at its objects', () => {
    const pdf = served('document').toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(pdf).toContain('/Type /Page ');
    expect(pdf).toMatch(/\(Document from wapikit-mock\) Tj/);
  });

  it('serves a 16-bit mono PCM WAV of about 0.25 s', () => {
    const wav = served('audio');
    expect(ascii(wav, 12, 16)).toBe('fmt ');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    const sampleRate = wav.readUInt32LE(24);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(ascii(wav, 36, 40)).toBe('data');
    const dataBytes = wav.readUInt32LE(40);
    expect(dataBytes + 44).toBe(wav.length);
    expect(dataBytes / 2 / sampleRate).toBeCloseTo(0.25, 2);
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  });

  it('serves an MP4 with ftyp, moov and mdat boxes that exactly cover the file and an H.264 track', () => {
    const mp4 = served('video');
    const top = boxes(mp4);
    expect(top.map(([type]) => type)).toEqual(['ftyp', 'moov', 'mdat']);
    expect(ascii(mp4, 8, 12)).toBe('isom'); // major brand
    expect(top.reduce((sum, [, , size]) => sum + size, 0)).toBe(mp4.length);
    const text = mp4.toString('latin1');
    for (const box of ['mvhd', 'trak', 'tkhd', 'mdia', 'mdhd', 'hdlr', 'vide', 'stbl', 'stsd', 'avc1', 'avcC', 'stts', 'stsz', 'stco']) expect(text).toContain(box);
    const stco = text.indexOf('stco');
    const chunkOffset = mp4.readUInt32BE(stco + 12);
    const mdat = top[2];
    expect(chunkOffset).toBe((mdat?.[1] ?? 0) + 8);
    // First sample: 4-byte length, then an IDR slice NAL unit (type 5).
    expect((mp4[chunkOffset + 4] ?? 0) & 0x1f).toBe(5);
  });
});

/**
 * Real, small media files built in code (no binary files in the repo, no network):
 *
 * | kind     | content type      | what it is                                               |
 * |----------|-------------------|----------------------------------------------------------|
 * | image    | image/png         | 48×48 truecolour PNG, a warm gradient "photo"            |
 * | sticker  | image/webp        | 128×128 lossless WebP (VP8L) with alpha: a smiley face    |
 * | document | application/pdf   | one-page PDF 1.4 with a title and a line of text         |
 * | audio    | audio/wav         | 0.25 s, 8 kHz, 16-bit mono PCM WAV of a 440 Hz tone      |
 * | video    | video/mp4         | 0.5 s, 32×32 H.264 (Constrained Baseline, I_PCM) MP4, 5 frames of changing colour |
 *
 * Every file is built once and cached; callers get a copy of the bytes.
 */
import { deflateSync } from 'node:zlib';
import type { MediaKind } from './model.js';

export interface MediaAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** Content type served for each kind (matches the bytes `mediaBytes` returns). */
export const MEDIA_CONTENT_TYPES: Readonly<Record<MediaKind, string>> = {
  image: 'image/png',
  sticker: 'image/webp',
  document: 'application/pdf',
  audio: 'audio/wav',
  video: 'video/mp4',
};

/** File extension matching `MEDIA_CONTENT_TYPES`. */
export const MEDIA_EXTENSIONS: Readonly<Record<MediaKind, string>> = {
  image: 'png',
  sticker: 'webp',
  document: 'pdf',
  audio: 'wav',
  video: 'mp4',
};

// ---------------------------------------------------------------------------
// Shared helpers

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, as used by PNG and zip). */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function u16be(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n & 0xffff);
  return b;
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function clampByte(n: number): number {
  return Math.max(0, Math.min(255, Math.round(n)));
}

// ---------------------------------------------------------------------------
// PNG

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typeAndData, u32be(crc32(typeAndData))]);
}

/** A truecolour PNG of `size`×`size` pixels coloured by `pixel(x, y)` → [r, g, b]. */
export function buildPng(size: number, pixel: (x: number, y: number) => readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // interlace
  const raw = Buffer.alloc((size * 3 + 1) * size);
  let offset = 0;
  for (let y = 0; y < size; y++) {
    raw[offset++] = 0; // filter type None
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y);
      raw[offset++] = clampByte(r);
      raw[offset++] = clampByte(g);
      raw[offset++] = clampByte(b);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function buildPhotoPng(): Buffer {
  const size = 48;
  return buildPng(size, (x, y) => {
    const sun = Math.hypot(x - 34, y - 14) < 7;
    if (sun) return [255, 236, 150];
    const horizon = y > 30;
    if (horizon) return [70 + x, 120 - (y - 30) * 2, 80];
    return [250 - y * 2, 150 + y, 90 + x * 2];
  });
}

// ---------------------------------------------------------------------------
// WebP (lossless VP8L)

class LsbBitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      this.current |= ((value >>> i) & 1) << this.used;
      this.used++;
      if (this.used === 8) {
        this.bytes.push(this.current);
        this.current = 0;
        this.used = 0;
      }
    }
  }

  finish(): Buffer {
    if (this.used > 0) this.bytes.push(this.current);
    this.current = 0;
    this.used = 0;
    return Buffer.from(this.bytes);
  }
}

/**
 * A lossless WebP whose pixels are either `on` (opaque `color`) or transparent.
 * Uses VP8L "simple" prefix codes: red and blue have one symbol (0 bits per pixel),
 * green and alpha have two symbols each (1 bit per pixel each).
 */
export function buildTwoToneWebp(size: number, color: readonly [number, number, number], on: (x: number, y: number) => boolean): Buffer {
  const [red, green, blue] = color;
  const w = new LsbBitWriter();
  w.write(0x2f, 8); // signature
  w.write(size - 1, 14);
  w.write(size - 1, 14);
  w.write(1, 1); // alpha is used
  w.write(0, 3); // version
  w.write(0, 1); // no transform
  w.write(0, 1); // no colour cache
  w.write(0, 1); // no meta prefix codes
  const simpleCode = (symbols: readonly number[]): void => {
    w.write(1, 1); // simple code
    w.write(symbols.length - 1, 1);
    w.write(1, 1); // first symbol uses 8 bits
    for (const symbol of symbols) w.write(symbol, 8);
  };
  // Canonical codes: of two 1-bit symbols the smaller value gets code 0.
  const greenOff = 0;
  const greenOn = Math.max(1, green);
  simpleCode([greenOff, greenOn]); // green (+ length prefixes, unused)
  simpleCode([red]);
  simpleCode([blue]);
  simpleCode([0, 255]); // alpha
  simpleCode([0]); // distance (unused)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const bit = on(x, y) ? 1 : 0;
      w.write(bit, 1); // green
      w.write(bit, 1); // alpha
    }
  }
  const vp8l = w.finish();
  const padded = vp8l.length % 2 === 1 ? Buffer.concat([vp8l, Buffer.alloc(1)]) : vp8l;
  const chunk = Buffer.concat([Buffer.from('VP8L', 'latin1'), u32le(vp8l.length), padded]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(4 + chunk.length), Buffer.from('WEBP', 'latin1'), chunk]);
}

function buildSmileyWebp(): Buffer {
  const size = 128;
  const c = size / 2;
  return buildTwoToneWebp(size, [255, 196, 36], (x, y) => {
    const r = Math.hypot(x - c, y - c);
    if (r > 60) return false;
    const eye = Math.hypot(x - 42, y - 48) < 8 || Math.hypot(x - 86, y - 48) < 8;
    const mouth = y > c && r > 30 && r < 38;
    return !eye && !mouth;
  });
}

// ---------------------------------------------------------------------------
// PDF

function pdfEscape(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
}

/** A valid one-page PDF 1.4 (Helvetica text, correct xref table). */
export function buildPdf(title: string, line: string): Buffer {
  const content = `BT /F1 20 Tf 72 760 Td (${pdfEscape(title)}) Tj ET\nBT /F1 12 Tf 72 730 Td (${pdfEscape(line)}) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// ---------------------------------------------------------------------------
// WAV

/** A mono 16-bit PCM WAV holding a sine tone with short fades. */
export function buildWav(seconds: number, frequency: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  const fade = Math.round(sampleRate * 0.02);
  for (let i = 0; i < samples; i++) {
    const envelope = Math.min(1, i / fade, (samples - 1 - i) / fade);
    const value = Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 12000 * envelope);
    data.writeInt16LE(value, i * 2);
  }
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * 2, 8); // byte rate
  fmt.writeUInt16LE(2, 12); // block align
  fmt.writeUInt16LE(16, 14); // bits per sample
  return Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    u32le(4 + 8 + fmt.length + 8 + data.length),
    Buffer.from('WAVE', 'latin1'),
    Buffer.from('fmt ', 'latin1'),
    u32le(fmt.length),
    fmt,
    Buffer.from('data', 'latin1'),
    u32le(data.length),
    data,
  ]);
}

// ---------------------------------------------------------------------------
// MP4 (H.264 Constrained Baseline, every macroblock I_PCM)

class MsbBitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  bit(value: number): void {
    this.current = (this.current << 1) | (value & 1);
    this.used++;
    if (this.used === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }

  bits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }

  /** Unsigned Exp-Golomb. */
  ue(value: number): void {
    const codeNum = value + 1;
    const length = Math.floor(Math.log2(codeNum));
    for (let i = 0; i < length; i++) this.bit(0);
    this.bits(codeNum, length + 1);
  }

  /** Signed Exp-Golomb. */
  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }

  byteAligned(): boolean {
    return this.used === 0;
  }

  alignZero(): void {
    while (!this.byteAligned()) this.bit(0);
  }

  byte(value: number): void {
    this.bits(value, 8);
  }

  /** rbsp_trailing_bits: a stop bit, then zeros up to the byte boundary. */
  trailing(): Buffer {
    this.bit(1);
    this.alignZero();
    return Buffer.from(this.bytes);
  }
}

/** NAL unit: header byte + RBSP with emulation-prevention bytes inserted. */
function nalUnit(refIdc: number, type: number, rbsp: Buffer): Buffer {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

const VIDEO_SIZE = 32;
const MBS = VIDEO_SIZE / 16;
const PROFILE_BASELINE = 66;
const CONSTRAINT_FLAGS = 0xc0; // constraint_set0 + constraint_set1: Constrained Baseline
const LEVEL_3_0 = 30;

function h264Sps(): Buffer {
  const w = new MsbBitWriter();
  w.byte(PROFILE_BASELINE);
  w.byte(CONSTRAINT_FLAGS);
  w.byte(LEVEL_3_0);
  w.ue(0); // seq_parameter_set_id
  w.ue(0); // log2_max_frame_num_minus4
  w.ue(2); // pic_order_cnt_type
  w.ue(1); // max_num_ref_frames
  w.bit(0); // gaps_in_frame_num_value_allowed_flag
  w.ue(MBS - 1); // pic_width_in_mbs_minus1
  w.ue(MBS - 1); // pic_height_in_map_units_minus1
  w.bit(1); // frame_mbs_only_flag
  w.bit(1); // direct_8x8_inference_flag
  w.bit(0); // frame_cropping_flag
  w.bit(0); // vui_parameters_present_flag
  return nalUnit(3, 7, w.trailing());
}

function h264Pps(): Buffer {
  const w = new MsbBitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.bit(0); // entropy_coding_mode_flag (CAVLC)
  w.bit(0); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.bit(0); // weighted_pred_flag
  w.bits(0, 2); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.bit(1); // deblocking_filter_control_present_flag
  w.bit(0); // constrained_intra_pred_flag
  w.bit(0); // redundant_pic_cnt_present_flag
  return nalUnit(3, 8, w.trailing());
}

function rgbToYcbcr(r: number, g: number, b: number): [number, number, number] {
  const y = 16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256;
  const cb = 128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256;
  const cr = 128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256;
  // Keep samples inside the video range (and never 0, which older decoders reject in PCM).
  const clamp = (v: number, hi: number): number => Math.max(16, Math.min(hi, Math.round(v)));
  return [clamp(y, 235), clamp(cb, 240), clamp(cr, 240)];
}

/** One IDR picture, every macroblock coded as raw I_PCM samples. */
function h264IdrSlice(frame: number, color: readonly [number, number, number]): Buffer {
  const [y, cb, cr] = rgbToYcbcr(color[0], color[1], color[2]);
  const w = new MsbBitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices of the picture)
  w.ue(0); // pic_parameter_set_id
  w.bits(0, 4); // frame_num
  w.ue(frame % 2); // idr_pic_id: consecutive IDR pictures must differ
  w.bit(0); // no_output_of_prior_pics_flag
  w.bit(0); // long_term_reference_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc
  for (let mbY = 0; mbY < MBS; mbY++) {
    for (let mbX = 0; mbX < MBS; mbX++) {
      w.ue(25); // mb_type I_PCM
      w.alignZero(); // pcm_alignment_zero_bit
      for (let i = 0; i < 256; i++) {
        const px = mbX * 16 + (i % 16);
        const py = mbY * 16 + Math.floor(i / 16);
        // A soft diagonal shade so frames are not flat.
        w.byte(Math.max(16, Math.min(235, y + Math.round((px + py - VIDEO_SIZE) / 2))));
      }
      for (let i = 0; i < 64; i++) w.byte(cb);
      for (let i = 0; i < 64; i++) w.byte(cr);
    }
  }
  return nalUnit(3, 5, w.trailing());
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32be(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

function fullBox(type: string, version: number, flags: number, ...payload: Buffer[]): Buffer {
  return box(type, u32be(((version & 0xff) << 24) | (flags & 0xffffff)), ...payload);
}

const IDENTITY_MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

function matrix(): Buffer {
  return Buffer.concat(IDENTITY_MATRIX.map(u32be));
}

/** An MP4 (ISO BMFF) with one H.264 video track of `colors.length` frames. */
export function buildMp4(colors: readonly (readonly [number, number, number])[], fps = 10): Buffer {
  const timescale = 1000;
  const delta = Math.round(timescale / fps);
  const duration = delta * colors.length;
  const sps = h264Sps();
  const pps = h264Pps();
  const samples = colors.map((color, i) => {
    const nal = h264IdrSlice(i, color);
    return Buffer.concat([u32be(nal.length), nal]);
  });

  const avcC = box(
    'avcC',
    Buffer.from([1, PROFILE_BASELINE, CONSTRAINT_FLAGS, LEVEL_3_0, 0xff, 0xe1]),
    u16be(sps.length),
    sps,
    Buffer.from([1]),
    u16be(pps.length),
    pps,
  );
  const compressorName = Buffer.alloc(32);
  compressorName.write('\x0ewapikit-mock', 0, 'latin1');
  const avc1 = box(
    'avc1',
    Buffer.alloc(6), // reserved
    u16be(1), // data_reference_index
    Buffer.alloc(16), // pre_defined + reserved
    u16be(VIDEO_SIZE),
    u16be(VIDEO_SIZE),
    u32be(0x00480000), // 72 dpi
    u32be(0x00480000),
    u32be(0), // reserved
    u16be(1), // frame_count
    compressorName,
    u16be(0x0018), // depth
    u16be(0xffff), // pre_defined = -1
    avcC,
  );

  const moovFor = (chunkOffset: number): Buffer => {
    const stbl = box(
      'stbl',
      fullBox('stsd', 0, 0, u32be(1), avc1),
      fullBox('stts', 0, 0, u32be(1), u32be(samples.length), u32be(delta)),
      fullBox('stsc', 0, 0, u32be(1), u32be(1), u32be(samples.length), u32be(1)),
      fullBox('stsz', 0, 0, u32be(0), u32be(samples.length), ...samples.map((s) => u32be(s.length))),
      fullBox('stco', 0, 0, u32be(1), u32be(chunkOffset)),
    );
    const minf = box(
      'minf',
      fullBox('vmhd', 0, 1, Buffer.alloc(8)),
      box('dinf', fullBox('dref', 0, 0, u32be(1), fullBox('url ', 0, 1))),
      stbl,
    );
    const mdia = box(
      'mdia',
      fullBox('mdhd', 0, 0, u32be(0), u32be(0), u32be(timescale), u32be(duration), u16be(0x55c4), u16be(0)),
      fullBox('hdlr', 0, 0, u32be(0), Buffer.from('vide', 'latin1'), Buffer.alloc(12), Buffer.from('VideoHandler\0', 'latin1')),
      minf,
    );
    const tkhd = fullBox(
      'tkhd',
      0,
      3,
      u32be(0),
      u32be(0),
      u32be(1), // track_ID
      u32be(0),
      u32be(duration),
      Buffer.alloc(8),
      u16be(0), // layer
      u16be(0), // alternate_group
      u16be(0), // volume
      u16be(0),
      matrix(),
      u32be(VIDEO_SIZE << 16),
      u32be(VIDEO_SIZE << 16),
    );
    const mvhd = fullBox(
      'mvhd',
      0,
      0,
      u32be(0),
      u32be(0),
      u32be(timescale),
      u32be(duration),
      u32be(0x00010000), // rate 1.0
      u16be(0x0100), // volume 1.0
      Buffer.alloc(10),
      matrix(),
      Buffer.alloc(24),
      u32be(2), // next_track_ID
    );
    return box('moov', mvhd, box('trak', tkhd, mdia));
  };

  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32be(0x200), Buffer.from('isomiso2avc1mp41', 'latin1'));
  const placeholder = moovFor(0);
  const moov = moovFor(ftyp.length + placeholder.length + 8);
  return Buffer.concat([ftyp, moov, box('mdat', ...samples)]);
}

// ---------------------------------------------------------------------------

const VIDEO_COLORS: readonly (readonly [number, number, number])[] = [
  [230, 80, 60],
  [240, 160, 40],
  [90, 180, 90],
  [60, 140, 220],
  [150, 90, 200],
];

const builders: Readonly<Record<MediaKind, () => Buffer>> = {
  image: buildPhotoPng,
  sticker: buildSmileyWebp,
  document: () => buildPdf('Document from wapikit-mock', 'This file stands in for a PDF a customer or agent shared on WhatsApp.'),
  audio: () => buildWav(0.25, 440),
  video: () => buildMp4(VIDEO_COLORS),
};

const cache = new Map<MediaKind, Buffer>();

/** Bytes of a real file of `kind`, with its content type. */
export function mediaBytes(kind: MediaKind): MediaAsset {
  let body = cache.get(kind);
  if (body === undefined) {
    body = builders[kind]();
    cache.set(kind, body);
  }
  return { contentType: MEDIA_CONTENT_TYPES[kind], body: Buffer.from(body) };
}

/**
 * Byte helpers for code that runs in browsers too (the world, the store, the domain, the pipeline): plain
 * `Uint8Array`s instead of Node's `Buffer`, with the few conversions the mock needs.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE: readonly number[] = Array.from(BASE64_ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61; // '='

/** Each character code's 6-bit value; -1 for a character outside both alphabets (standard and URL-safe). */
const DECODE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  ENCODE.forEach((code, value) => (table[code] = value));
  table[45] = 62; // '-'
  table[95] = 63; // '_'
  return table;
})();

/** One byte per character (ISO-8859-1): characters above U+00FF keep only their low byte, as Node's `latin1` does. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** ASCII bytes to text: UTF-8 decoding is the same for them, and TextDecoder is native (fast) everywhere. */
const asciiDecoder = new TextDecoder();

/** The bytes as ISO-8859-1 text, one character per byte (`end` exclusive). */
export function latin1Text(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let at = start; at < end; at += 4096) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(at, Math.min(end, at + 4096))));
  }
  return out;
}

/** The parts one after another, in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Standard base64 with `=` padding (RFC 4648 §4), the same text as Node's `buffer.toString('base64')`. */
export function base64FromBytes(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = ENCODE[(n >>> 6) & 63]!;
    out[o++] = ENCODE[n & 63]!;
  }
  const left = bytes.length - i;
  if (left > 0) {
    const n = (bytes[i]! << 16) | (left === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = left === 2 ? ENCODE[(n >>> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return asciiDecoder.decode(out);
}

/**
 * The bytes of base64 text, as leniently as Node's `Buffer.from(text, 'base64')`: the URL-safe alphabet is
 * accepted too, characters outside both alphabets (whitespace, line breaks) are skipped, padding is optional
 * and decoding stops at the first `=`. Never throws.
 */
export function bytesFromBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === PAD) break;
    const value = code < 128 ? DECODE[code]! : -1;
    if (value < 0) continue;
    bits = ((bits << 6) | value) & 0xffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >>> count) & 0xff;
    }
  }
  return out.slice(0, o);
}

/** UTF-8 text of the bytes, as Node's `buffer.toString('utf8')`: a leading BOM is kept, bad sequences become U+FFFD. */
export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

import { describe, expect, it } from 'vitest';
import { base64FromBytes, bytesFromBase64, concatBytes, latin1Bytes, latin1Text, utf8Text } from './bytes.js';

/** Byte arrays of every length up to 40 with a repeatable spread of values (no randomness in tests). */
const samples = Array.from({ length: 41 }, (_, n) => Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff));

describe('bytes helpers (browser-safe stand-ins for Buffer)', () => {
  it('base64FromBytes gives the same text as Buffer for every length and all byte values', () => {
    for (const bytes of [...samples, Uint8Array.from({ length: 256 }, (_, i) => i)]) {
      expect(base64FromBytes(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('bytesFromBase64 reads back what base64FromBytes wrote', () => {
    for (const bytes of samples) expect(bytesFromBase64(base64FromBytes(bytes))).toEqual(bytes);
  });

  it('bytesFromBase64 is as lenient as Buffer.from(text, "base64")', () => {
    for (const text of ['aGVsbG8', 'aGVs bG8=\n', 'a-_b', '@@@', '', 'aGVsbG8=ignored', 'YQ==YQ==', 'é', 'Zm9v\r\nYmFy']) {
      expect([...bytesFromBase64(text)], text).toEqual([...Buffer.from(text, 'base64')]);
    }
  });

  it('latin1Bytes and latin1Text match Node’s latin1 encoding', () => {
    const text = 'wamid.\u0000\u001c\u00ff abc \u0100';
    expect([...latin1Bytes(text)]).toEqual([...Buffer.from(text, 'latin1')]);
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i & 0xff);
    expect(latin1Text(bytes)).toBe(Buffer.from(bytes).toString('latin1'));
    expect(latin1Text(bytes, 3, 9)).toBe(Buffer.from(bytes).toString('latin1', 3, 9));
  });

  it('concatBytes joins in order', () => {
    expect([...concatBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)])]).toEqual([1, 2, 3]);
  });

  it('utf8Text keeps a leading BOM and replaces bad sequences, like Buffer#toString', () => {
    for (const bytes of [Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), Uint8Array.of(0x61, 0xff, 0xc3), Uint8Array.of(0xe2, 0x82, 0xac)]) {
      expect(utf8Text(bytes)).toBe(Buffer.from(bytes).toString('utf8'));
    }
  });
});

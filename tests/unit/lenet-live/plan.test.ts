import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { digitRaster, prepareDigit } from '../../../src/lib/data/digit-preprocess.ts';
import { MNIST_PIXELS } from '../../../src/lib/data/mnist.ts';
import {
  canvasPoint,
  decodeDigitBase64,
  encodeDigitsBase64,
  inkFromRgba,
  inputImage,
  mapImage,
  mapRangeRows,
  moveUnit,
  PAD_SIDE,
  probabilityRows,
  rgbaFromInk,
  stageImage,
  strongestUnit,
  unitGridImage,
} from '../../../src/components/lenet-live/plan.ts';
import { pickerIndices } from '../../../src/components/lenet-live/test-digits.ts';
import { stage } from './stage-fixture.ts';

/** A blocky 28×28 "1": a vertical bar. */
const one = Uint8Array.from({ length: MNIST_PIXELS }, (_, i) =>
  i % 28 >= 12 && i % 28 < 16 && i >= 4 * 28 && i < 24 * 28 ? 255 : 0,
);

describe('lenet-live plan', () => {
  test('rgbaFromInk and inkFromRgba round-trip a test digit drawn on the pad, and prepareDigit recovers it', () => {
    const raster = digitRaster(one, PAD_SIDE);
    const rgba = rgbaFromInk(raster);
    expect(rgba).toHaveLength(PAD_SIDE * PAD_SIDE * 4);
    const back = inkFromRgba(rgba, PAD_SIDE, PAD_SIDE);
    expect(Array.from(back.data).filter((v) => v === 255).length).toBe(
      Array.from(raster.data).filter((v) => v === 1).length,
    );
    const prepared = prepareDigit(back);
    expect(prepared.empty).toBe(false);
    if (!prepared.empty) expect(prepared.placed.height).toBe(20);
  });

  test('inkFromRgba rejects a buffer of the wrong size', () => {
    expect(() => inkFromRgba(new Uint8Array(10), 2, 2)).toThrow(/16 bytes/);
  });

  test('mapImage greys a map on the stage scale: smallest white, largest black, opaque', () => {
    const maps = stage(2, 2, 2, (k, p) => k * 4 + p); // values 0…7
    const first = mapImage(maps, 0);
    const second = mapImage(maps, 1);
    expect(first[0]).toBe(255);
    expect(second[12]).toBe(0);
    expect(first[3]).toBe(255);
    expect(first[4]).toBeGreaterThan(second[0]!);
  });

  test('mapImage of a constant stage is white, never NaN', () => {
    const image = mapImage(
      stage(1, 3, 3, () => 0.5),
      0,
    );
    expect(Array.from(image).every((v) => v === 255)).toBe(true);
  });

  test('unitGridImage lays 1×1 maps 12 a row and leaves the cells past the last unit transparent', () => {
    const { image, rows } = unitGridImage(
      stage(14, 1, 1, (k) => k),
      12,
    );
    expect(rows).toBe(2);
    expect(image).toHaveLength(2 * 12 * 4);
    expect(image[13 * 4 + 3]).toBe(255);
    expect(image[14 * 4 + 3]).toBe(0);
  });

  test('inputImage centres the 28×28 digit in the 32×32 input with a 2-pixel margin, dark ink on white', () => {
    const image = inputImage(one);
    expect(image).toHaveLength(32 * 32 * 4);
    const grey = (y: number, x: number): number => image[(y * 32 + x) * 4]!;
    expect(grey(2 + 4, 2 + 12)).toBe(0); // the bar's first inked pixel, moved by the margin
    expect(grey(4, 12)).toBe(255);
    expect(grey(0, 0)).toBe(255);
    expect(image[(31 * 32 + 31) * 4 + 3]).toBe(255);
    expect(Array.from(inputImage(null)).every((v) => v === 255)).toBe(true);
  });

  test('canvasPoint scales a pointer position from the laid-out box to canvas pixels', () => {
    const rect = { left: 100, top: 50, width: 140, height: 140 };
    expect(canvasPoint(100, 50, rect, 280, 280)).toEqual([0, 0]);
    expect(canvasPoint(170, 85, rect, 280, 280)).toEqual([140, 70]);
    expect(canvasPoint(240, 190, rect, 28, 14)).toEqual([28, 14]);
  });

  test('stageImage draws map k of a spatial stage, and a flat stage as one 12-wide grid', () => {
    const spatial = stage(2, 3, 4, (k, p) => k * 12 + p);
    expect(stageImage(spatial, 1)).toEqual({ data: mapImage(spatial, 1), width: 4, height: 3 });
    const flat = stage(14, 1, 1, (k) => k);
    const grid = unitGridImage(flat, 12);
    expect(stageImage(flat, Number.NaN)).toEqual({ data: grid.image, width: 12, height: 2 });
  });

  test('strongestUnit finds the most active unit of a map', () => {
    const maps = stage(2, 3, 4, (k, p) => (k === 1 && p === 6 ? 9 : 0));
    expect(strongestUnit(maps, 1)).toEqual([1, 2]);
    expect(strongestUnit(maps, 0)).toEqual([0, 0]);
  });

  test('probabilityRows and mapRangeRows tabulate what is drawn', () => {
    expect(probabilityRows([0.25, 0.75])).toEqual([
      ['0', '25.0%'],
      ['1', '75.0%'],
    ]);
    const rows = mapRangeRows(en.lenetLive, {
      C1: stage(2, 2, 2, (k, p) => k + p),
      S2: stage(1, 1, 2, () => 1),
      C3: stage(1, 1, 2, () => 1),
      S4: stage(1, 1, 2, () => 1),
      C5: stage(3, 1, 1, (k) => k),
      F6: stage(2, 1, 1, (k) => -k),
    });
    expect(rows[0]).toEqual(['C1', '0', '0.000', '3.000']);
    expect(rows[1]).toEqual(['C1', '1', '1.000', '4.000']);
    expect(rows.find((r) => r[0] === 'C5')).toEqual(['C5', 'all 3 units', '0.000', '2.000']);
    expect(rows).toHaveLength(2 + 3 + 2);
  });

  test('encodeDigitsBase64 / decodeDigitBase64 round-trip the picker digits; a bad index throws', () => {
    const images = new Uint8Array(3 * MNIST_PIXELS).map((_, i) => (i * 7) % 256);
    const text = encodeDigitsBase64(images);
    expect(decodeDigitBase64(text, 2)).toEqual(images.subarray(2 * MNIST_PIXELS));
    expect(() => decodeDigitBase64(text, 3)).toThrow(/no digit 3/);
  });

  test('pickerIndices takes the first digits of each class, class 0 first', () => {
    const labels = Uint8Array.from([3, 0, 1, 0, 2, 1, 3, 2, 0, 4, 5, 6, 7, 8, 9, 4, 5, 6, 7, 8, 9]);
    const set = { count: labels.length, labels, images: new Uint8Array(labels.length * MNIST_PIXELS) };
    const picked = pickerIndices(set, 2);
    expect(picked.slice(0, 6)).toEqual([1, 3, 2, 5, 4, 7]);
    expect(picked.map((i) => labels[i])).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
  });
});

describe('lenet-live training plan', () => {
  test('meanLoss averages a chunk and trainingRows tabulates the run', async () => {
    const { meanLoss, trainingRows } = await import('../../../src/components/lenet-live/plan.ts');
    expect(meanLoss([{ loss: 1 }, { loss: 2 }])).toBe(1.5);
    expect(meanLoss([])).toBeNaN();
    expect(trainingRows([{ step: 10, loss: 2.25, accuracy: 0.314 }])).toEqual([['10', '2.250', '31.4%']]);
  });
});

describe('moveUnit', () => {
  test('arrow keys step one unit and stop at the edges; other keys do nothing', () => {
    expect(moveUnit('ArrowRight', 2, 3, 10, 10)).toEqual([2, 4]);
    expect(moveUnit('ArrowUp', 0, 3, 10, 10)).toEqual([0, 3]);
    expect(moveUnit('ArrowLeft', 4, 0, 10, 10)).toEqual([4, 0]);
    expect(moveUnit('ArrowDown', 9, 9, 10, 10)).toEqual([9, 9]);
    expect(moveUnit('Enter', 1, 1, 10, 10)).toBeNull();
  });

  test('in a partly filled grid (C5: 120 units, 12 a row; F6: 84) it never lands past the last unit', () => {
    expect(moveUnit('ArrowDown', 5, 11, 7, 12, 80)).toEqual([5, 11]);
    expect(moveUnit('ArrowDown', 5, 7, 7, 12, 80)).toEqual([6, 7]);
    expect(moveUnit('ArrowRight', 6, 7, 7, 12, 80)).toEqual([6, 7]);
  });
});

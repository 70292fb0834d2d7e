import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { lenet5, lenet5_modern } from '../../../src/lib/models/lenet.ts';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { unitInputWindow } from '../../../src/lib/models/unit-input-window.ts';

const lenet = analyze(lenet5);
const seen = (layer: string, row: number, col: number) => unitInputWindow(lenet, layer, row, col);

describe('unitInputWindow: the 32×32 input pixels a LeNet-5 unit sees', () => {
  test.each([
    ['C1', 0, 0, 0, 0, 5],
    ['C1.act', 0, 0, 0, 0, 5],
    ['C1', 27, 27, 27, 27, 5],
    ['S2', 0, 0, 0, 0, 6],
    ['S2', 13, 13, 26, 26, 6],
    ['C3', 0, 0, 0, 0, 14],
    ['C3', 9, 2, 18, 4, 14],
    ['S4', 4, 4, 16, 16, 16],
    ['C5', 0, 0, 0, 0, 32],
  ])('%s unit (%d, %d) sees rows and columns from (%d, %d), %d px square', (layer, row, col, top, left, size) => {
    expect(seen(layer, row, col)).toEqual({ top, left, size: [size, size] });
  });

  test('a unit of a flat layer (F6, the RBF output) sees the whole 32×32 input', () => {
    for (const layer of ['flatten', 'F6', 'F6.act', 'output']) {
      expect(seen(layer, 0, 0)).toEqual({ top: 0, left: 0, size: [32, 32] });
    }
    expect(unitInputWindow(analyze(lenet5_modern), 'S4', 1, 2)).toEqual({ top: 4, left: 8, size: [16, 16] });
  });

  test('clips a field that reaches into the padding to the image', () => {
    // resnet18's conv1 (7×7, stride 2, padding 3): unit (0, 0) is centred on pixel 0.
    const resnet = analyze(getModel('resnet18'), [64, 64, 3]);
    expect(unitInputWindow(resnet, 'conv1', 0, 0)).toEqual({ top: 0, left: 0, size: [4, 4] });
    expect(unitInputWindow(resnet, 'conv1', 31, 1)).toEqual({ top: 59, left: 0, size: [5, 6] });
  });

  test('throws for an unknown layer and a unit outside its map', () => {
    expect(() => seen('C9', 0, 0)).toThrow(/no layer "C9"/);
    expect(() => seen('C1', 28, 0)).toThrow(/units \(0…27, 0…27\), not \(28, 0\)/);
    expect(() => seen('F6', 0, 1)).toThrow(/units \(0…0, 0…0\)/);
    expect(() => seen('C1', 0.5, 0)).toThrow(/not \(0.5, 0\)/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Layer } from '../../../src/lib/models/types.ts';
import { layerLabel } from '../../../src/lib/viz/layer-label.ts';

describe('layerLabel', () => {
  it.each<[string, Layer, string]>([
    ['a VGG conv', { id: 'c', kind: 'conv', filters: 256, kernel: 3, padding: 1 }, 'conv3-256'],
    ['a strided conv', { id: 'c', kind: 'conv', filters: 64, kernel: 7, stride: 2, padding: 3 }, 'conv7-64, /2'],
    ['a rectangular kernel', { id: 'c', kind: 'conv', filters: 8, kernel: [3, 1] }, 'conv3×1-8'],
    ['a grouped conv', { id: 'c', kind: 'conv', filters: 256, kernel: 5, groups: 2 }, 'conv5-256 g2'],
    ['a pool with its default stride', { id: 'p', kind: 'maxpool', kernel: 2 }, 'maxpool2, /2'],
    ['an overlapping pool', { id: 'p', kind: 'maxpool', kernel: 3, stride: 2 }, 'maxpool3, /2'],
    ['a dense layer', { id: 'f', kind: 'dense', units: 4096 }, 'FC-4096'],
    ['LeNet-5’s RBF output', { id: 'o', kind: 'rbf', units: 10 }, 'RBF-10'],
    ['a ReLU', { id: 'r', kind: 'activation', activation: 'relu' }, 'ReLU'],
    ['batch norm', { id: 'b', kind: 'batchnorm' }, 'BN'],
    ['dropout', { id: 'd', kind: 'dropout', rate: 0.5 }, 'dropout 0.5'],
    ['an option-A shortcut', { id: 's', kind: 'padshortcut', stride: 2, filters: 32 }, 'pad-32, /2'],
    ['a spec’s own label', { id: 'c', kind: 'conv', filters: 6, kernel: 5, label: 'C1' }, 'C1'],
  ])('labels %s "%s"', (_, layer, label) => {
    expect(layerLabel(layer)).toBe(label);
  });
});

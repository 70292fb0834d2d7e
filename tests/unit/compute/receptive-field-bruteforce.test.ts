/**
 * The theoretical receptive fields of analyze() checked by brute force: back-propagate from one
 * unit through the real TF.js network and measure which input pixels get a non-zero gradient.
 *
 * With 'uniform' init (every weight 1/fan_in > 0, zero biases), batch norm in inference mode
 * (a positive scale) and strictly positive inputs, every activation is positive, so ReLU and
 * the other non-linearities pass gradient everywhere and no sum can cancel: the support of
 * ∂unit/∂input is exactly the unit's receptive field, clipped to the image where padding cuts
 * it. For a concatenation the unit is all of its channels together (one channel comes from one
 * branch). Max pooling routes gradient to one pixel per window, so it is swapped for average pooling
 * of the same geometry (same theoretical field).
 *
 * analyze()'s field assumes every feature map extends indefinitely; at the bottom/right border a
 * floor-mode layer may drop input rows no unit reads, so a last unit's support can stop short of
 * the field clipped to the image. The cases in the main table are sizes where no layer drops
 * anything; a separate test shows the effect on AlexNet at 67×67 against an exact per-layer
 * interval propagation.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { fieldBounds } from '../../../src/lib/models/receptive-field.ts';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { resnetStyle, vggStyle } from '../../../src/lib/models/families.ts';
import type { Analysis } from '../../../src/lib/models/analyze.ts';
import { pair } from '../../../src/lib/models/pair.ts';
import type { Layer, ModelSpec } from '../../../src/lib/models/types.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { inputGradientOfUnit } from '../../../src/lib/compute/receptive-field.ts';
import { randomBatch, useCpu } from './helpers.ts';

beforeAll(useCpu);

function withAveragePooling(spec: ModelSpec): ModelSpec {
  const swap = (layer: Layer): Layer => (layer.kind === 'maxpool' ? { ...layer, kind: 'avgpool' } : layer);
  return { ...spec, id: `${spec.id}_avg`, layers: spec.layers.map(swap) };
}

/** Inclusive [first, last] rows/cols of the non-zero gradient; null when there is none. */
function support(
  gradient: Float32Array,
  h: number,
  w: number,
): { rows: [number, number]; cols: [number, number]; count: number } | null {
  let top = h;
  let bottom = -1;
  let left = w;
  let right = -1;
  let count = 0;
  gradient.forEach((g, i) => {
    expect(g).toBeGreaterThanOrEqual(0); // no cancellation possible: all paths are positive
    if (g === 0) return;
    const r = Math.floor(i / w);
    const c = i % w;
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c);
    right = Math.max(right, c);
    count++;
  });
  return count === 0 ? null : { rows: [top, bottom], cols: [left, right], count };
}

type Range = readonly [number, number];

/**
 * Exact input rows (axis 0) or columns (axis 1) read by output units [first, last] of `layerId`:
 * each window layer maps [a, b] to [a·s − p, b·s − p + d·(k − 1)] clipped to its input map,
 * adds and concatenations take the union of their branches. Independent of analyze()'s field arithmetic.
 */
function inputRange(analysis: Analysis, layerId: string, units: Range, axis: 0 | 1): Range {
  const entry = analysis.layers.find((l) => l.id === layerId);
  if (entry === undefined) throw new Error(`no layer ${layerId}`);
  const { layer } = entry;
  const inputSize = (entry.inputShapes[0] ?? [])[axis] ?? 0;
  const window = (kernel: number, stride: number, padding: number, dilation = 1): Range => [
    Math.max(0, units[0] * stride - padding),
    Math.min(inputSize - 1, units[1] * stride - padding + dilation * (kernel - 1)),
  ];
  let own: Range = units;
  if (layer.kind === 'conv') {
    own = window(
      pair(layer.kernel)[axis],
      pair(layer.stride ?? 1)[axis],
      pair(layer.padding ?? 0)[axis],
      pair(layer.dilation ?? 1)[axis],
    );
  } else if (layer.kind === 'maxpool' || layer.kind === 'avgpool') {
    own = window(pair(layer.kernel)[axis], pair(layer.stride ?? layer.kernel)[axis], pair(layer.padding ?? 0)[axis]);
  } else if (layer.kind === 'subsample') {
    own = window(pair(layer.kernel)[axis], pair(layer.stride ?? layer.kernel)[axis], 0);
  } else if (layer.kind === 'padshortcut') {
    own = window(1, layer.stride, 0);
  }
  if (entry.inputIds.length === 0) return own;
  const ranges = entry.inputIds.map((id) => inputRange(analysis, id, own, axis));
  return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
}

/** analyze()'s field of unit (y, x) of a layer, clipped to the image: inclusive rows and cols. */
function clippedField(analysis: Analysis, layerId: string, y: number, x: number): { rows: Range; cols: Range } {
  const field = analysis.layers.find((l) => l.id === layerId)?.receptiveField;
  if (field == null) throw new Error(`${layerId} has no receptive field`);
  const [h, w] = analysis.inputShape;
  const b = fieldBounds(field, [y, x]);
  return {
    rows: [Math.max(0, b.top), Math.min(h - 1, b.bottom)],
    cols: [Math.max(0, b.left), Math.min(w - 1, b.right)],
  };
}

const cases: [string, ModelSpec, readonly string[]][] = [
  ['lenet5_modern', getModel('lenet5_modern'), ['C1', 'C3.act', 'C5.act']],
  ['lenet5 (subsampling, C3 connection table)', getModel('lenet5'), ['S2.act', 'C3.act', 'C5.act']],
  [
    'vggStyle 3×2, width 4',
    vggStyle({
      stages: 3,
      convsPerStage: 2,
      width: 4,
      bn: false,
      activation: 'relu',
      inputShape: [32, 32, 3],
      classes: 10,
    }),
    ['features.2', 'features.7', 'features.12'],
  ],
  [
    'resnetStyle depth 14, width 4, BN, option-A shortcuts',
    resnetStyle({
      depth: 14,
      width: 4,
      skip: true,
      bn: true,
      activation: 'relu',
      inputShape: [24, 24, 3],
      classes: 10,
    }),
    ['stage1.block0.relu2', 'stage2.block0.relu2', 'stage3.block1.relu2'],
  ],
  ['resnet20 (CIFAR)', getModel('resnet20'), ['layer1.2.relu2', 'layer2.0.relu2', 'layer3.2.relu2']],
  [
    'resnet18 at 64×64 (projection shortcuts, stem pooling)',
    { ...getModel('resnet18'), inputShape: [64, 64, 3] },
    ['maxpool', 'layer1.1.relu2', 'layer2.0.relu2'],
  ],
  [
    'alexnet at 63×63 (11×11 stride-4 stem)',
    { ...getModel('alexnet'), inputShape: [63, 63, 3] },
    ['features.1', 'features.4', 'features.7', 'features.12'],
  ],
  [
    'googlenet at 64×64 (Inception modules: a concat sees what its widest branch sees)',
    { ...getModel('googlenet'), inputShape: [64, 64, 3] },
    ['inception3a.concat', 'inception3b.concat'],
  ],
];

describe('brute-force receptive fields', () => {
  test.each(cases)(
    "%s: the input-gradient support of corner and centre units equals analyze()'s receptive field, clipped to the image",
    async (_, original, layerIds) => {
      const spec = withAveragePooling(original);
      const analysis = analyze(spec);
      const [h, w, c] = analysis.inputShape;
      const net = build(spec, { init: 'uniform' });
      const x = randomBatch([1, h, w, c], 1, 0.5, 1.5);
      for (const layerId of layerIds) {
        const entry = analysis.layers.find((l) => l.id === layerId);
        const field = entry?.receptiveField;
        if (entry === undefined || field == null || entry.outputShape.length !== 3)
          throw new Error(`${layerId} is not spatial`);
        const [oh, ow] = entry.outputShape;
        const units: [number, number][] = [
          [0, 0],
          [Math.floor(oh / 2), Math.floor(ow / 2)],
          [oh - 1, ow - 1],
        ];
        for (const [uy, ux] of units) {
          // A concat's channel 0 comes from its first branch alone: sum over all its channels.
          const channel = entry.kind === 'concat' ? {} : { channel: 0 };
          const gradient = await inputGradientOfUnit(net, x, { layerId, y: uy, x: ux, ...channel });
          const { rows, cols } = clippedField(analysis, layerId, uy, ux);
          const where = `${spec.id} ${layerId} unit (${uy}, ${ux}), field ${field.size.join('×')}`;
          expect(support(gradient, h, w), where).toEqual({
            rows,
            cols,
            count: (rows[1] - rows[0] + 1) * (cols[1] - cols[0] + 1), // the box is filled: no holes
          });
          expect(
            [inputRange(analysis, layerId, [uy, uy], 0), inputRange(analysis, layerId, [ux, ux], 1)],
            where,
          ).toEqual([rows, cols]);
        }
      }
      x.dispose();
      net.dispose();
    },
  );

  test("alexnet at 67×67: floor-mode pooling drops conv1's last row and column, so the last unit sees 2 pixels less than analyze()'s clipped field", async () => {
    const spec = withAveragePooling({ ...getModel('alexnet'), inputShape: [67, 67, 3] });
    const analysis = analyze(spec);
    const net = build(spec, { init: 'uniform' });
    const x = randomBatch([1, 67, 67, 3], 1, 0.5, 1.5);
    const gradient = await inputGradientOfUnit(net, x, { layerId: 'features.4', y: 6, x: 6, channel: 0 });
    const exact = inputRange(analysis, 'features.4', [6, 6], 0);
    expect(exact).toEqual([30, 64]);
    expect(clippedField(analysis, 'features.4', 6, 6).rows).toEqual([30, 66]);
    expect(support(gradient, 67, 67)).toEqual({ rows: exact, cols: exact, count: 35 * 35 });
    x.dispose();
    net.dispose();
  });
});

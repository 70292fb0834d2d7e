import { beforeAll, describe, expect, test } from 'vitest';
import { vggStyle } from '../../../src/lib/models/families.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { inputGradientOfUnit } from '../../../src/lib/compute/receptive-field.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

const spec = vggStyle({
  stages: 2,
  convsPerStage: 2,
  width: 4,
  bn: true,
  activation: 'relu',
  inputShape: [16, 16, 3],
  classes: 10,
});

describe('inputGradientOfUnit', () => {
  test('returns ∂unit/∂x summed over input channels, as h·w values, matching the raw gradient', async () => {
    const net = build(spec, { seed: 1 });
    const x = randomBatch([1, 16, 16, 3], 2);
    const map = await inputGradientOfUnit(net, x, { layerId: 'features.5', y: 2, x: 3, channel: 1 });
    expect(map).toHaveLength(16 * 16);
    const raw = net.gradients(x, (o) => tf.sum(tf.slice(o['features.5'] as tf.Tensor4D, [0, 2, 3, 1], [1, 1, 1, 1])), {
      of: ['features.5'],
      wrt: 'input',
    });
    const expected = take(tf.sum(raw.input as tf.Tensor, [0, 3]));
    raw.dispose();
    map.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
    x.dispose();
    net.dispose();
  });

  test('sums over the unit’s channels when none is given, and over the batch', async () => {
    const net = build(spec, { seed: 1 });
    const x = randomBatch([2, 16, 16, 3], 3);
    const first = tf.slice(x, [0, 0, 0, 0], [1, -1, -1, -1]);
    const second = tf.slice(x, [1, 0, 0, 0], [1, -1, -1, -1]);
    const unit = { layerId: 'features.2', y: 5, x: 5 };
    const both = await inputGradientOfUnit(net, x, unit);
    const a = await inputGradientOfUnit(net, first, unit);
    const b = await inputGradientOfUnit(net, second, unit);
    both.forEach((v, i) => expect(v).toBeCloseTo((a[i] ?? NaN) + (b[i] ?? NaN), 5));
    const perChannel = await Promise.all(
      [0, 1, 2, 3].map((channel) => inputGradientOfUnit(net, first, { ...unit, channel })),
    );
    a.forEach((v, i) =>
      expect(v).toBeCloseTo(
        perChannel.reduce((s, m) => s + (m[i] ?? NaN), 0),
        5,
      ),
    );
    const absolute = await inputGradientOfUnit(net, first, unit, { absolute: true });
    absolute.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(Math.abs(a[i] ?? NaN) - 1e-6));
    tf.dispose([x, first, second]);
    net.dispose();
  });

  test('rejects flat layers and units outside the map', async () => {
    const net = build(spec, { seed: 1 });
    const x = randomBatch([1, 16, 16, 3], 2);
    await expect(inputGradientOfUnit(net, x, { layerId: 'classifier.0', y: 0, x: 0 })).rejects.toThrow(/is flat/);
    await expect(inputGradientOfUnit(net, x, { layerId: 'features.2', y: 16, x: 0 })).rejects.toThrow(
      /outside layer "features.2" \[16, 16, 4\]/,
    );
    await expect(inputGradientOfUnit(net, x, { layerId: 'nope', y: 0, x: 0 })).rejects.toThrow(/no layer "nope"/);
    x.dispose();
    net.dispose();
  });
});

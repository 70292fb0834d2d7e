import { describe, expect, test } from 'vitest';
import { build } from '../../../../src/lib/compute/network.ts';
import { hasBatchNorm, recalibrateBatchNorm } from '../../../../src/lib/compute/training/recalibrate.ts';
import { lenetExamples } from '../../../../src/lib/data/lenet-examples.ts';
import { resnetStyle } from '../../../../src/lib/models/families.ts';
import { getModel } from '../../../../src/lib/models/zoo.ts';
import { tf } from '../helpers.ts';
import { firstDigits, trainOnCpu } from '../training-setup.ts';

trainOnCpu();

const train = lenetExamples(firstDigits(96, 1).train);
const spec = resnetStyle({
  depth: 8,
  width: 4,
  bn: true,
  activation: 'relu',
  skip: true,
  inputShape: [32, 32, 1],
  classes: 10,
});

describe('recalibrateBatchNorm', () => {
  test("sets a batch norm's running mean to the mean of its input's batch means over the batches, and changes no weight", () => {
    const net = build(spec, { init: 'he', seed: 2 });
    const before = net.getWeights();
    recalibrateBatchNorm(net, train, { batches: 3, batchSize: 32 });
    const after = net.getWeights();
    // stem.bn normalises stem.conv's output; a convolution runs the same in training and inference.
    const batchMeans = [0, 1, 2].map((k) =>
      tf.tidy(() => {
        const { inputs } = train.batch(Array.from({ length: 32 }, (_, i) => 32 * k + i));
        const conv = net.activations(tf.tensor4d(inputs, [32, 32, 32, 1]), ['stem.conv'])['stem.conv']!;
        return Array.from(tf.mean(conv, [0, 1, 2]).dataSync());
      }),
    );
    const expected = batchMeans[0]!.map((_, c) => (batchMeans[0]![c]! + batchMeans[1]![c]! + batchMeans[2]![c]!) / 3);
    const got = Array.from(after['stem.bn/movingMean']!);
    for (let c = 0; c < expected.length; c++) expect(got[c]).toBeCloseTo(expected[c]!, 5);
    for (const key of Object.keys(before)) {
      if (key.endsWith('/movingMean') || key.endsWith('/movingVariance')) continue;
      expect(after[key], key).toEqual(before[key]);
    }
    net.dispose();
  });

  test('a net without batch norm is left as it is', () => {
    const net = build(getModel('lenet5_modern'), { seed: 1 });
    expect(hasBatchNorm(net)).toBe(false);
    const before = net.getWeights();
    recalibrateBatchNorm(net, train, { batches: 2, batchSize: 16 });
    expect(net.getWeights()).toEqual(before);
    net.dispose();
  });
});

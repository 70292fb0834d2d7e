import { beforeAll, describe, expect, test } from 'vitest';
import { resnetStyle } from '../../../src/lib/models/families.ts';
import { build, type Network } from '../../../src/lib/compute/network.ts';
import { allSkips } from '../../../src/lib/compute/skips.ts';
import { softmaxCrossEntropy } from '../../../src/lib/compute/cross-entropy.ts';
import { filterNormalizedDirection, perFilterNorms } from '../../../src/lib/compute/landscape/directions.ts';
import { lossSlice } from '../../../src/lib/compute/landscape/slice.ts';
import { randomBatch, take, tensorsLeftBy, tf, useCpu } from '../compute/helpers.ts';

beforeAll(useCpu);

const spec = resnetStyle({
  depth: 6,
  stages: 1,
  width: 4,
  bn: true,
  activation: 'relu',
  skip: true,
  inputShape: [8, 8, 1],
  classes: 3,
});

function lossOf(net: Network, x: tf.Tensor4D, targets: tf.Tensor2D): () => Promise<number> {
  return async () => {
    const value = tf.tidy(() => softmaxCrossEntropy(net.forward(x).output as tf.Tensor2D, targets));
    const [loss = Number.NaN] = await value.data();
    value.dispose();
    return loss;
  };
}

describe('lesions (Veit et al. 2016)', () => {
  const blockInput = 'stage1.block0.relu2';
  test('a deleted residual block outputs its shortcut: the next block sees the previous block’s output', () => {
    const net = build(spec, { seed: 1 });
    const x = randomBatch([2, 8, 8, 1], 2);
    try {
      for (const skips of [undefined, allSkips(spec, false)]) {
        const run = { ...(skips ? { skips } : {}), lesions: ['stage1.block1'] };
        const acts = net.activations(x, ['stage1.block1.add', blockInput], run);
        const lesioned = take(acts['stage1.block1.add'] as tf.Tensor);
        const input = take(acts[blockInput] as tf.Tensor);
        expect(lesioned).toEqual(input);
        const intact = net.activations(x, ['stage1.block1.add'], skips ? { skips } : {});
        expect(take(intact['stage1.block1.add'] as tf.Tensor)).not.toEqual(input);
      }
    } finally {
      x.dispose();
      net.dispose();
    }
  });
});

describe('loss-landscape slices (Li et al. 2018)', () => {
  test('filter normalisation gives each direction filter the norm of its weight filter; biases and BN get none', async () => {
    const net = build(spec, { seed: 1 });
    try {
      const d = await filterNormalizedDirection(net, 5);
      expect(Object.keys(d).every((key) => key.endsWith('/kernel'))).toBe(true);
      expect(Object.keys(d)).toContain('fc/kernel');
      for (const [key, values] of Object.entries(d)) {
        const weight = net.weights.get(key) as tf.Variable;
        const units = weight.shape[weight.shape.length - 1] as number;
        const expected = perFilterNorms(weight.dataSync() as Float32Array, units);
        const actual = perFilterNorms(values, units);
        actual.forEach((norm, i) => expect(norm).toBeCloseTo(expected[i] as number, 4));
      }
      // Same seed, same direction; another seed, another one.
      expect((await filterNormalizedDirection(net, 5))['fc/kernel']).toEqual(d['fc/kernel']);
      expect((await filterNormalizedDirection(net, 6))['fc/kernel']).not.toEqual(d['fc/kernel']);
    } finally {
      net.dispose();
    }
  });

  test('the slice at α = 0 equals the loss at the weights, weights are restored, and nothing leaks', async () => {
    const net = build(spec, { seed: 1 });
    const x = randomBatch([6, 8, 8, 1], 3);
    const targets = tf.tidy(() =>
      tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3), 'float32'),
    ) as tf.Tensor2D;
    try {
      const loss = lossOf(net, x, targets);
      const atWeights = await loss();
      const before = net.getWeights();
      const d1 = await filterNormalizedDirection(net, 1);
      const d2 = await filterNormalizedDirection(net, 2);
      let grid: number[][] = [];
      const left = await tensorsLeftBy(async () => {
        grid = await lossSlice(net, loss, d1, d2, [-0.5, 0, 0.5], [-0.5, 0, 0.5]);
      });
      expect(left).toBe(0);
      expect(grid).toHaveLength(3);
      expect(grid[1]?.[1]).toBeCloseTo(atWeights, 5);
      expect(grid[0]?.[0]).not.toBeCloseTo(atWeights, 3);
      const line = await lossSlice(net, loss, d1, null, [0, 1], []);
      expect(line).toHaveLength(1);
      expect(line[0]?.[0]).toBeCloseTo(atWeights, 5);
      expect(net.getWeights()).toEqual(before);
    } finally {
      tf.dispose([x, targets]);
      net.dispose();
    }
  });
});

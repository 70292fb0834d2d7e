import { beforeAll, describe, expect, test } from 'vitest';
import { batchNormTraining, type BatchMoments } from '../../../src/lib/compute/layers/batch-norm-training.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

/** The textbook formula, differentiated step by step by TF.js. */
function plainBatchNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number): tf.Tensor {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const { mean, variance } = tf.moments(x, axes);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, epsilon))), gamma), beta);
}

describe('batchNormTraining', () => {
  test.each([[[4, 5, 3, 6]], [[7, 3]]])(
    'x %j: output and gradients for x, γ and β equal automatic differentiation of the formula',
    (shape) => {
      const x = tf.tidy(() =>
        tf.reshape(randomBatch([...shape, 1, 1, 1].slice(0, 4) as [number, number, number, number], 3, -2, 3), shape),
      );
      const c = shape[shape.length - 1] as number;
      const gamma = tf.tensor1d(Array.from({ length: c }, (_, i) => 0.5 + i / c));
      const beta = tf.tensor1d(Array.from({ length: c }, (_, i) => i / 3 - 1));
      const weights = tf.tensor(
        Array.from({ length: x.size }, (_, i) => Math.sin(i)),
        shape,
      );
      const lossOf = (f: typeof plainBatchNorm) => (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(f(a, g, b, 1e-5), weights));
      const closed = tf.grads(lossOf((a, g, b, e) => batchNormTraining(a, g, b, e)))([x, gamma, beta]);
      const plain = tf.grads(lossOf(plainBatchNorm))([x, gamma, beta]);
      for (let i = 0; i < 3; i++) {
        const [got, want] = [take(closed[i] as tf.Tensor), take(plain[i] as tf.Tensor)];
        const scale = Math.max(...want.map(Math.abs));
        for (let j = 0; j < want.length; j++)
          expect(Math.abs((got[j] as number) - (want[j] as number))).toBeLessThan(1e-4 * scale);
      }
      const [got, want] = [take(batchNormTraining(x, gamma, beta, 1e-5)), take(plainBatchNorm(x, gamma, beta, 1e-5))];
      for (let j = 0; j < want.length; j++) expect(got[j]).toBeCloseTo(want[j] as number, 5);
      tf.dispose([x, gamma, beta, weights]);
    },
  );

  test('reports the batch mean, the biased variance and the count per channel', () => {
    const x = tf.tensor2d([1, 10, 3, 20, 5, 60], [3, 2]);
    let seen: BatchMoments | undefined;
    const y = batchNormTraining(x, tf.ones([2]), tf.zeros([2]), 0, (m) => {
      seen = { mean: tf.keep(m.mean), variance: tf.keep(m.variance), count: m.count };
    });
    expect(Array.from(take(seen?.mean as tf.Tensor))).toEqual([3, 30]);
    expect(take(seen?.variance as tf.Tensor)[0]).toBeCloseTo(8 / 3, 5);
    expect(seen?.count).toBe(3);
    tf.dispose([x, y]);
  });
});

import * as tf from '../tf.ts';
import type { LayerContext } from './context.ts';

/** [batch, h, w, c] → [batch, h·w·c] (row-major NHWC order). */
export function flatten(x: tf.Tensor): tf.Tensor2D {
  return tf.reshape(x, [x.shape[0] ?? 1, -1]);
}

/** Global average pooling, [batch, h, w, c] → [batch, c]. */
export function globalAvgPool(x: tf.Tensor4D): tf.Tensor2D {
  return tf.mean(x, [1, 2]);
}

/** Fully connected layer: x·W + b. x: [batch, in] → [batch, units]; W: [in, units]. */
export function dense(x: tf.Tensor2D, ctx: LayerContext, bias: boolean): tf.Tensor2D {
  const y = tf.matMul<tf.Tensor2D>(x, ctx.weight('kernel'));
  return bias ? tf.add<tf.Tensor2D>(y, ctx.weight('bias')) : y;
}

/**
 * LeNet-5's Euclidean RBF output: y_i = Σ_j (x_j − w_ji)², expanded as
 * Σx² − 2·x·W + Σ_j w_ji² so it is one matrix product. x: [batch, in] → [batch, units];
 * centres W: [in, units].
 */
export function rbf(x: tf.Tensor2D, ctx: LayerContext): tf.Tensor2D {
  const centers = ctx.weight('centers') as tf.Tensor2D;
  const xx = tf.sum(tf.square(x), 1, true);
  const ww = tf.sum(tf.square(centers), 0, true);
  return tf.add(tf.sub(xx, tf.mul(tf.matMul(x, centers), 2)), ww);
}

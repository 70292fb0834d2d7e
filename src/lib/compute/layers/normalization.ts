import type { BatchNormLayer, LrnLayer } from '../../models/types.ts';
import * as tf from '../tf.ts';
import { batchNormTraining } from './batch-norm-training.ts';
import type { LayerContext } from './context.ts';

/**
 * Batch normalisation over the last (channel) axis: (x − μ)/√(σ² + ε)·γ + β, with the batch's
 * statistics in training mode (reported through `ctx.onBatchStats`) and the running ones in
 * inference. x: [batch, h, w, c] or [batch, c], same shape out.
 */
export function batchNorm(layer: BatchNormLayer, x: tf.Tensor, ctx: LayerContext): tf.Tensor {
  const epsilon = layer.epsilon ?? 1e-5;
  if (ctx.training) {
    // Batch statistics, with the gradient through them in closed form (see batch-norm-training.ts).
    return batchNormTraining(x, ctx.weight('gamma'), ctx.weight('beta'), epsilon, (moments) =>
      ctx.onBatchStats?.(layer.id, moments),
    );
  }
  const mean = ctx.weight('movingMean') as tf.Tensor1D;
  const variance = ctx.weight('movingVariance') as tf.Tensor1D;
  // Fold everything per-channel first: two full-size ops instead of four.
  const scale = tf.mul(ctx.weight('gamma'), tf.rsqrt(tf.add(variance, epsilon)));
  const shift = tf.sub(ctx.weight('beta'), tf.mul(mean, scale));
  return tf.add(tf.mul(x, scale), shift);
}

/**
 * Local response normalisation across channels, Krizhevsky et al. 2012 §3.3:
 * b_c = a_c / (k + alpha · Σ a_c'²)^beta over the `size` channels centred on c. The spec's `alpha`
 * is the paper's, applied to the sum undivided, as TF.js applies its own (PyTorch's
 * nn.LocalResponseNorm would take alpha·size). TF.js's depthRadius = (size − 1)/2, so odd sizes only.
 */
export function lrn(layer: LrnLayer, x: tf.Tensor4D): tf.Tensor4D {
  if (layer.size % 2 === 0) {
    throw new Error(`layer "${layer.id}": LRN size ${layer.size} is even; TF.js supports symmetric (odd) windows only`);
  }
  return tf.localResponseNormalization(x, (layer.size - 1) / 2, layer.k, layer.alpha, layer.beta);
}

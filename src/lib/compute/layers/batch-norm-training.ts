/**
 * Batch normalisation in training mode (the batch's own statistics) with its gradient written
 * out, instead of left to automatic differentiation of mean, variance and the affine map.
 *
 * Differentiating y = (x − μ)·γ/√(σ² + ε) + β step by step through μ and σ² takes some twenty
 * whole-tensor operations per layer (TF.js's Mean gradient even builds a tensor of ones the size
 * of x); the closed form takes six. With x̂ = x − μ, r = 1/√(σ² + ε), s = γ·r and n values per
 * channel, summing over every axis but the channel:
 *   ∂L/∂β = Σ dy,   ∂L/∂γ = r·Σ dy·x̂,   ∂L/∂x = s·(dy − Σdy/n − x̂·r²·Σ(dy·x̂)/n).
 */
import * as tf from '../tf.ts';

/** The batch's statistics, as they were used. */
export interface BatchMoments {
  /** Per-channel mean, [c]. */
  readonly mean: tf.Tensor1D;
  /** Per-channel biased variance, [c]. */
  readonly variance: tf.Tensor1D;
  /** Values per channel (the product of every axis but the last). */
  readonly count: number;
}

/**
 * `compute()` outside the gradient tape: its tensors reach the custom op through a closure, not
 * as inputs, so the tape has nothing to differentiate here. (The statistics cannot simply be
 * kept from inside the normalisation's own custom op: tensors a custom op leaves behind besides
 * its output count as leaked.)
 */
function detached<T extends tf.Tensor>(compute: () => T): T {
  return tf.customGrad(() => ({ value: compute(), gradFunc: () => [] }))() as T;
}

/**
 * y = (x − μ)·γ/√(σ² + ε) + β over the last (channel) axis with the batch's μ and σ²; x: [..., c],
 * gamma and beta: [c]; y like x. `onMoments` receives μ and σ² (in the caller's scope, to keep
 * or drop). Differentiable in x, gamma and beta, through μ and σ² too.
 */
export function batchNormTraining(
  x: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  epsilon: number,
  onMoments?: (moments: BatchMoments) => void,
): tf.Tensor {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const channels = x.shape[x.shape.length - 1] ?? 1;
  const count = x.size / channels;
  const mean = detached(() => tf.mean(x, axes) as tf.Tensor1D);
  // x̂ = x − μ on the tape with μ a constant there: its gradient passes ∂L/∂x̂ to x unchanged,
  // and the custom gradient below returns the full ∂L/∂x (the path through μ included) as ∂L/∂x̂.
  const centered = tf.sub(x, mean);
  const variance = detached(() => tf.mean(tf.square(centered), axes) as tf.Tensor1D);
  onMoments?.({ mean, variance, count });
  const normalize = tf.customGrad(
    // @ts-expect-error TF.js types the custom function's arguments loosely (Tensor | GradSaveFunc).
    (xc: tf.Tensor, g: tf.Tensor, b: tf.Tensor, sigma2: tf.Tensor, save: tf.GradSaveFunc) => {
      // Only inputs and the output may be saved: other tensors a custom op keeps count as leaked.
      save([xc, g, sigma2]);
      return {
        value: tf.add(tf.mul(xc, tf.mul(g, tf.rsqrt(tf.add(sigma2, epsilon)))), b),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const [xcs, gs, v] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
          const r = tf.rsqrt(tf.add(v, epsilon));
          const s = tf.mul(gs, r);
          const sumDy = tf.sum(dy, axes);
          const sumDyXc = tf.sum(tf.mul(dy, xcs), axes);
          const dGamma = tf.mul(sumDyXc, r);
          // ∂L/∂x = dy·s + x̂·(−s·r²·Σdy·x̂/n) − s·Σdy/n: per-channel factors first, then three passes.
          const xcFactor = tf.mul(tf.mul(s, tf.square(r)), tf.mul(sumDyXc, -1 / count));
          const offset = tf.mul(s, tf.mul(sumDy, -1 / count));
          const dx = tf.add(tf.add(tf.mul(dy, s), tf.mul(xcs, xcFactor)), offset);
          // σ² comes from off the tape: its gradient is never used.
          return [dx, dGamma, sumDy, tf.zerosLike(sigma2)];
        },
      };
    },
  );
  return normalize(centered, gamma, beta, variance);
}

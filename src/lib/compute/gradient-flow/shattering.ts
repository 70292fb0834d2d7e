/**
 * Shattered gradients (Balduzzi et al. 2017): walk a line of inputs x(t) = x₀ + t·u and take the
 * gradient ∂s/∂x of a scalar output s = ⟨r, logits⟩ at each point. In a shallow net neighbouring
 * points have nearly the same gradient; in a deep plain net the gradients of neighbours
 * decorrelate until they look like white noise, while residual nets keep them correlated.
 * Balduzzi et al. use a one-dimensional input, where the gradient is a number; with an image
 * input each gradient is an image, and the measure is the correlation of neighbours' gradient
 * images, averaged along the line.
 */
import { mulberry32 } from '../../math/rng.ts';
import type { RunOptions } from '../graph.ts';
import type { Network } from '../network.ts';
import * as tf from '../tf.ts';

/** A line of inputs: a seeded N(0, 1) image x₀ and a seeded N(0, 1) direction u. */
export interface InputLine {
  /** [h·w·c] row-major. */
  readonly origin: Float32Array;
  /** [h·w·c] row-major. */
  readonly direction: Float32Array;
  /** Points on the line, t evenly spaced in [−1, 1]. */
  readonly points: number;
}

/** The seeded line for an input of `shape` [h, w, c] with `points` samples. */
export function inputLine(seed: number, shape: readonly [number, number, number], points: number): InputLine {
  const size = shape[0] * shape[1] * shape[2];
  const rng = mulberry32(seed);
  const origin = Float32Array.from({ length: size }, () => rng.normal());
  const direction = Float32Array.from({ length: size }, () => rng.normal());
  return { origin, direction, points };
}

/**
 * Correlations of the input gradients ∂s/∂x of neighbouring points of `line`: for each pair
 * (x(t_i), x(t_i+1)) the Pearson correlation of the two gradient images over their pixels,
 * [points − 1] (NaN for a pair where a gradient is zero), for `net` with a fixed seeded readout r over its logits. The points go through
 * the network as one batch (batch norm, in training mode, uses their statistics, as in
 * training). Frees everything it allocates.
 */
export async function neighbourCorrelations(
  net: Network,
  line: InputLine,
  readoutSeed: number,
  options: RunOptions = {},
): Promise<Float32Array> {
  const [h, w, c] = net.inputShape;
  const classes = net.analysis.outputShape[0] ?? 1;
  const rng = mulberry32(readoutSeed);
  const readout = Float32Array.from({ length: classes }, () => rng.normal());
  const x = tf.tidy(() => {
    const t = tf.reshape(tf.linspace(-1, 1, line.points), [line.points, 1, 1, 1]);
    const origin = tf.tensor4d(line.origin, [1, h, w, c]);
    const direction = tf.tensor4d(line.direction, [1, h, w, c]);
    return tf.add(origin, tf.mul(t, direction)) as tf.Tensor4D;
  });
  const r = tf.tensor1d(readout);
  const result = net.gradients(x, (outputs) => tf.sum(tf.mul(outputs[net.outputId] as tf.Tensor2D, r)), {
    ...options,
    wrt: 'input',
  });
  try {
    const correlations = tf.tidy(() => {
      const g = tf.reshape(result.input as tf.Tensor4D, [line.points, h * w * c]);
      const centred = tf.sub(g, tf.mean(g, 1, true));
      const norms = tf.norm(centred, 'euclidean', 1);
      const pairs = [line.points - 1, -1];
      const dots = tf.sum(tf.mul(tf.slice(centred, [0, 0], pairs), tf.slice(centred, [1, 0], pairs)), 1);
      // A gradient that underflowed to zero gives 0/0 = NaN: no gradient, not a shattered one.
      return tf.div(dots, tf.mul(tf.slice(norms, [0], [line.points - 1]), tf.slice(norms, [1], [line.points - 1])));
    });
    const values = (await correlations.data()) as Float32Array;
    correlations.dispose();
    return values;
  } finally {
    result.dispose();
    r.dispose();
    x.dispose();
  }
}

/** The mean of neighbourCorrelations: 1 when gradients vary smoothly, near 0 when shattered, NaN when no gradient reaches the input. */
export async function neighbourGradientCorrelation(
  net: Network,
  line: InputLine,
  readoutSeed: number,
  options: RunOptions = {},
): Promise<number> {
  const values = await neighbourCorrelations(net, line, readoutSeed, options);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Per-layer gradient norms of one network on one batch: ‖∂L/∂h_l‖ for the signal after each
 * convolution and, where the backend has weight gradients, ‖∂L/∂W_l‖ for its kernel. L is the
 * mean softmax cross-entropy of the batch; norms are Frobenius norms over the whole batch.
 */
import { softmaxCrossEntropy } from '../cross-entropy.ts';
import { flowLayers } from '../../models/gradient-flow-net.ts';
import type { RunOptions } from '../graph.ts';
import type { Network } from '../network.ts';
import * as tf from '../tf.ts';

export interface LayerNormOptions extends RunOptions {
  /** Also ‖∂L/∂W_l‖ (needs a Conv2DBackpropFilter kernel on the backend). */
  readonly weights: boolean;
  /** Only these 1-based layers (default all): a depth sweep needs the first and last only. */
  readonly layers?: readonly number[];
}

export interface LayerNorms {
  /** Mean cross-entropy of the batch, nats. */
  readonly loss: number;
  /** 1-based layer indices the norms are for, ascending. */
  readonly layers: readonly number[];
  /** ‖∂L/∂h_l‖ per listed layer. */
  readonly activation: readonly number[];
  /** ‖∂L/∂W_l‖ per listed layer, or null when not asked for. */
  readonly weight: readonly number[] | null;
}

/**
 * Norms for `net` (any spec: its convolutions, see flowLayers) on x: [batch, h, w, c] with integer `labels`
 * [batch]. Frees everything it allocates.
 */
export async function layerGradientNorms(
  net: Network,
  x: tf.Tensor4D,
  labels: Int32Array,
  options: LayerNormOptions,
): Promise<LayerNorms> {
  const all = flowLayers(net.spec);
  const chosen = options.layers === undefined ? all : all.filter((l) => options.layers?.includes(l.index));
  const classes = net.analysis.outputShape[0] ?? 1;
  const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32') as tf.Tensor2D);
  const { weights: _w, layers: _l, ...run } = options;
  const result = net.gradients(x, (outputs) => softmaxCrossEntropy(outputs[net.outputId] as tf.Tensor2D, targets), {
    ...run,
    wrt: [
      ...chosen.map((l) => ({ activation: l.output })),
      ...(options.weights ? [{ weights: chosen.map((l) => `${l.conv}/kernel`) }] : []),
    ],
  });
  try {
    const packed = tf.tidy(() =>
      tf.stack([
        result.value,
        ...chosen.map((l) => tf.norm(result.activations[l.output] as tf.Tensor)),
        ...(options.weights ? chosen.map((l) => tf.norm(result.weights[`${l.conv}/kernel`] as tf.Tensor)) : []),
      ]),
    );
    const values = Array.from(await packed.data());
    packed.dispose();
    const n = chosen.length;
    return {
      loss: values[0] ?? Number.NaN,
      layers: chosen.map((l) => l.index),
      activation: values.slice(1, 1 + n),
      weight: options.weights ? values.slice(1 + n, 1 + 2 * n) : null,
    };
  } finally {
    result.dispose();
    targets.dispose();
  }
}

import type { ActivationKind, DropoutLayer } from '../../models/types.ts';
import { mulberry32 } from '../../math/rng.ts';
import * as tf from '../tf.ts';

/** LeNet-5's squashing function f(a) = A·tanh(S·a), A = 1.7159, S = 2/3 (LeCun et al. 1998, App. A). */
const LECUN_A = 1.7159;
const LECUN_S = 2 / 3;

/** Applies a non-linearity element-wise; any shape. */
export function activation(kind: ActivationKind, x: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'relu':
      return tf.relu(x);
    case 'relu6':
      return tf.relu6(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'scaled_tanh':
      return tf.mul(tf.tanh(tf.mul(x, LECUN_S)), LECUN_A);
  }
}

/**
 * Inverted dropout in training mode: zeroes each value with probability `rate` and scales the
 * rest by 1/(1 − rate). The mask is drawn in JavaScript from `seed`, so every backend drops the
 * same units. Identity when not training. Any shape.
 */
export function dropout(layer: DropoutLayer, x: tf.Tensor, training: boolean, seed: number): tf.Tensor {
  if (!training || layer.rate === 0) return x;
  const rng = mulberry32(seed);
  const keep = 1 / (1 - layer.rate);
  const mask = new Float32Array(x.size);
  for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < layer.rate ? 0 : keep;
  return tf.mul(x, tf.tensor(mask, x.shape));
}

import * as tf from '../tf.ts';

/**
 * Channel concatenation, PyTorch's `torch.cat(inputs, 1)` in NHWC: inputs [batch, h, w, c_i]
 * of equal batch, h and w → [batch, h, w, Σ c_i], channels in input order.
 */
export function concatChannels(inputs: readonly tf.Tensor[]): tf.Tensor {
  return tf.concat([...inputs] as tf.Tensor4D[], 3);
}

import type { ConvLayer } from '../../models/types.ts';
import { pair } from '../../models/pair.ts';
import * as tf from '../tf.ts';
import type { LayerContext } from './context.ts';

/**
 * 2-D convolution with PyTorch semantics: explicit symmetric zero padding, floor output size,
 * dilation, groups (channels split into `groups` independent convolutions; one channel per
 * group runs as a depthwise convolution) and an optional fixed connection mask.
 * x: [batch, h, w, cin] → [batch, oh, ow, filters]; kernel [kh, kw, cin/groups, filters].
 */
export function conv(layer: ConvLayer, x: tf.Tensor4D, ctx: LayerContext): tf.Tensor4D {
  const stride = pair(layer.stride ?? 1);
  const [ph, pw] = pair(layer.padding ?? 0);
  const padding: [[number, number], [number, number], [number, number], [number, number]] = [
    [0, 0],
    [ph, ph],
    [pw, pw],
    [0, 0],
  ];
  const raw = ctx.weight('kernel') as tf.Tensor4D;
  const masked: tf.Tensor4D = ctx.mask === undefined ? raw : tf.mul(raw, ctx.mask as tf.Tensor4D);
  // TF.js has no gradient for dilated conv2d (and rejects dilation with stride): a kernel with
  // the holes written out as zeros computes the same thing and differentiates.
  const dilation = pair(layer.dilation ?? 1);
  const kernel = dilation[0] > 1 || dilation[1] > 1 ? spreadKernel(masked, dilation) : masked;
  const groups = layer.groups ?? 1;
  const [kh, kw, perGroup, filters] = kernel.shape;
  const one = (input: tf.Tensor4D, k: tf.Tensor4D): tf.Tensor4D => tf.conv2d(input, k, [stride[0], stride[1]], padding);
  let y: tf.Tensor4D;
  if (groups === 1) {
    y = one(x, kernel);
  } else if (perGroup === 1) {
    // Depthwise (one input channel per group, MobileNet): output o = c·m + j reads channel c, which
    // is TF.js's depthwise layout [kh, kw, c, m] once the kernel is reshaped.
    const depthwise = tf.reshape(kernel, [kh, kw, groups, filters / groups]) as tf.Tensor4D;
    y = tf.depthwiseConv2d(x, depthwise, [stride[0], stride[1]], padding);
  } else {
    const inputs = tf.split<tf.Tensor4D>(x, groups, 3);
    const kernels = tf.split<tf.Tensor4D>(kernel, groups, 3);
    y = tf.concat(
      inputs.map((input, g) => one(input, kernels[g] ?? kernel)),
      3,
    );
  }
  return (layer.bias ?? true) ? tf.add(y, ctx.weight('bias')) : y;
}

/** [kh, kw, ci, co] → [d·(kh−1)+1, d·(kw−1)+1, ci, co] with zeros between the taps. */
function spreadKernel(kernel: tf.Tensor4D, dilation: readonly [number, number]): tf.Tensor4D {
  const [kh, kw, ci, co] = kernel.shape;
  const [dh, dw] = dilation;
  const holes = tf.pad(tf.reshape(kernel, [kh, 1, kw, 1, ci, co]), [
    [0, 0],
    [0, dh - 1],
    [0, 0],
    [0, dw - 1],
    [0, 0],
    [0, 0],
  ]);
  const spread = tf.reshape(holes, [kh * dh, kw * dw, ci, co]);
  return tf.slice(spread, [0, 0, 0, 0], [dh * (kh - 1) + 1, dw * (kw - 1) + 1, ci, co]) as tf.Tensor4D;
}

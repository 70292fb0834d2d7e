import type { PoolLayer, SubsampleLayer } from '../../models/types.ts';
import { pair } from '../../models/pair.ts';
import * as tf from '../tf.ts';
import type { LayerContext } from './context.ts';
import { fitSpatial } from './padding.ts';

/**
 * Max or average pooling, PyTorch semantics: explicit padding (−∞ for max; zeros counted in the
 * average, `count_include_pad=True`), floor or ceil output size taken from analyze().
 * x: [batch, h, w, c] → [batch, oh, ow, c].
 */
export function pool(layer: PoolLayer, x: tf.Tensor4D, ctx: LayerContext): tf.Tensor4D {
  const kernel = pair(layer.kernel);
  const stride = pair(layer.stride ?? layer.kernel);
  const padding = pair(layer.padding ?? 0);
  const [oh = 1, ow = 1] = ctx.entry.outputShape;
  const extent: [number, number] = [(oh - 1) * stride[0] + kernel[0], (ow - 1) * stride[1] + kernel[1]];
  const window: [number, number] = [kernel[0], kernel[1]];
  const steps: [number, number] = [stride[0], stride[1]];
  if (layer.kind === 'maxpool') {
    return tf.maxPool(fitSpatial(x, padding, extent, -Infinity), window, steps, 'valid');
  }
  const mean = tf.avgPool(fitSpatial(x, padding, extent, 0), window, steps, 'valid');
  const correction = ceilModeCorrection([x.shape[1], x.shape[2]], [oh, ow], kernel, stride, padding);
  return correction === null ? mean : tf.mul(mean, correction);
}

/**
 * In ceil mode PyTorch divides a last window that hangs past the padded border by the part of
 * it inside the padded map, not by kh·kw. Returns the factor kh·kw / that area per output
 * pixel, [oh, ow, 1], or null when every window is whole.
 */
function ceilModeCorrection(
  input: readonly [number, number],
  output: readonly [number, number],
  kernel: readonly [number, number],
  stride: readonly [number, number],
  padding: readonly [number, number],
): tf.Tensor3D | null {
  const areas = (a: 0 | 1): number[] =>
    Array.from({ length: output[a] }, (_, i) => {
      const start = i * stride[a] - padding[a];
      return Math.min(start + kernel[a], input[a] + padding[a]) - start;
    });
  const rows = areas(0);
  const cols = areas(1);
  if (rows.every((r) => r === kernel[0]) && cols.every((c) => c === kernel[1])) return null;
  const factor = rows.flatMap((r) => cols.map((c) => (kernel[0] * kernel[1]) / (r * c)));
  return tf.tensor3d(factor, [output[0], output[1], 1]);
}

/**
 * LeNet-5's trainable subsampling: coefficient · (sum of each window) + bias, one coefficient
 * and one bias per channel. x: [batch, h, w, c] → [batch, oh, ow, c].
 */
export function subsample(layer: SubsampleLayer, x: tf.Tensor4D, ctx: LayerContext): tf.Tensor4D {
  const kernel = pair(layer.kernel);
  const stride = pair(layer.stride ?? layer.kernel);
  const mean = tf.avgPool(x, [kernel[0], kernel[1]], [stride[0], stride[1]], 'valid');
  const scale = tf.mul(ctx.weight('coefficient'), kernel[0] * kernel[1]);
  return tf.add(tf.mul(mean, scale), ctx.weight('bias'));
}

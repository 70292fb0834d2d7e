import * as tf from '../tf.ts';

/**
 * Pads the top/left by `before` and then pads or crops the bottom/right so the map is exactly
 * `extent` [h, w] pixels: what a 'valid' window op needs to produce PyTorch's output size in
 * both floor and ceil mode. x: [b, h, w, c] → [b, extent[0], extent[1], c].
 */
export function fitSpatial(
  x: tf.Tensor4D,
  before: readonly [number, number],
  extent: readonly [number, number],
  value: number,
): tf.Tensor4D {
  const [, h, w] = x.shape;
  const afterH = extent[0] - h - before[0];
  const afterW = extent[1] - w - before[1];
  const padded =
    before[0] > 0 || before[1] > 0 || afterH > 0 || afterW > 0
      ? tf.pad(
          x,
          [
            [0, 0],
            [before[0], Math.max(afterH, 0)],
            [before[1], Math.max(afterW, 0)],
            [0, 0],
          ],
          value,
        )
      : x;
  if (afterH >= 0 && afterW >= 0) return padded;
  return tf.slice(padded, [0, 0, 0, 0], [-1, extent[0], extent[1], -1]);
}

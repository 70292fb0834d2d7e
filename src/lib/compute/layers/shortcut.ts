import type { PadShortcutLayer } from '../../models/types.ts';
import * as tf from '../tf.ts';

/**
 * He et al. 2016's parameter-free option-A shortcut: keep every `stride`-th pixel (x[:, ::s, ::s])
 * and append zero channels up to `filters`.
 * x: [batch, h, w, c] → [batch, ⌈h/s⌉, ⌈w/s⌉, filters].
 */
export function padShortcut(layer: PadShortcutLayer, x: tf.Tensor4D): tf.Tensor4D {
  const sampled = everyNth(x, layer.stride);
  const extra = layer.filters - x.shape[3];
  return extra === 0
    ? sampled
    : tf.pad(sampled, [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, extra],
      ]);
}

/**
 * x[:, ::s, ::s, :] for x: [b, h, w, c] → [b, ⌈h/s⌉, ⌈w/s⌉, c]. Written as pad + reshape + slice
 * because tfjs-core registers no gradient for StridedSlice, and in two rank-4 steps (rows, then
 * columns) because the gradient of a rank-6 slice is a rank-6 pad, whose packed WebGL shader
 * does not compile (TF.js 4.22: `lessThan` has no ivec6 overload).
 */
function everyNth(x: tf.Tensor4D, s: number): tf.Tensor4D {
  if (s === 1) return x;
  const [b, h, w, c] = x.shape;
  const oh = Math.ceil(h / s);
  const ow = Math.ceil(w / s);
  const padded =
    oh * s === h && ow * s === w
      ? x
      : tf.pad(x, [
          [0, 0],
          [0, oh * s - h],
          [0, ow * s - w],
          [0, 0],
        ]);
  // Rows: [b, oh, s, ow·s·c] → keep the first of every s.
  const rows = tf.slice(tf.reshape(padded, [b, oh, s, ow * s * c]), [0, 0, 0, 0], [b, oh, 1, ow * s * c]);
  // Columns: [b·oh, ow, s, c] → keep the first of every s.
  const cols = tf.slice(tf.reshape(rows, [b * oh, ow, s, c]), [0, 0, 0, 0], [b * oh, ow, 1, c]);
  return tf.reshape(cols, [b, oh, ow, c]);
}

/**
 * A residual block's sum F(x) + shortcut(x); with the skip switched off, F(x) alone (the block
 * of the plain twin network). Same shape in and out.
 */
export function addBranches(residual: tf.Tensor, shortcut: tf.Tensor | undefined): tf.Tensor {
  return shortcut === undefined ? residual : tf.add(residual, shortcut);
}

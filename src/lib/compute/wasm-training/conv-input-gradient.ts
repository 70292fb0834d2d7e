/**
 * Conv2DBackpropInput (∂loss/∂input of a convolution) for the WASM backend, as one forward
 * convolution on XNNPACK instead of the backend's scalar loop.
 *
 * For a convolution with stride s and top/left padding p,
 *   dx[b, y, x, c] = Σ_{i, j, o} dy[b, (y + p − i)/s, (x + p − j)/s, o] · W[i, j, c, o],
 * summing only where the division is exact. Spread dy out with s − 1 zeros between its rows and
 * columns, and this is a stride-1 convolution of the spread dy with the kernel turned by 180°
 * and its channels swapped, W'[i, j, o, c] = W[kh−1−i, kw−1−j, c, o], padded by kh − 1 − p.
 */
import * as tf from '../tf.ts';
import { forwardConvInfo, unsupported, type ConvGradientAttrs } from './conv-geometry.ts';
import { kernelScope, type KernelCalls, type WasmBackendLike } from './kernel-calls.ts';

/** Conv2DBackpropInput's attributes. */
export interface InputGradientAttrs extends ConvGradientAttrs {
  readonly inputShape: [number, number, number, number];
}

/**
 * dx: [batch, h, w, cIn] from dy: [batch, outH, outW, cOut] and the kernel W: [kh, kw, cIn, cOut]
 * (NHWC, float32) for the convolution `info` (dilation 1).
 */
export function inputGradient(
  k: KernelCalls,
  dy: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: cIn, outHeight: oh, outWidth: ow } = info;
  const { outChannels: cOut, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  // W [kh, kw, cIn, cOut] → W' [kh, kw, cOut, cIn], taps reversed
  const turned = k.reverse(k.reshape(filter, [kh, kw, cIn * cOut]), [0, 1]);
  const swapped = k.reshape(k.transpose(k.reshape(turned, [kh * kw, cIn, cOut]), [0, 2, 1]), [kh, kw, cOut, cIn]);

  // dy spread to [n, outH·s, outW·s, cOut]: each value followed by s − 1 zeros in each direction.
  let spread = dy;
  if (sh > 1 || sw > 1) {
    const holes = k.pad(k.reshape(dy, [n, oh, 1, ow, 1, cOut]), [
      [0, 0],
      [0, 0],
      [0, sh - 1],
      [0, 0],
      [0, sw - 1],
      [0, 0],
    ]);
    spread = k.reshape(holes, [n, oh * sh, ow * sw, cOut]);
  }
  let rows = oh * sh;
  let cols = ow * sw;
  let top = kh - 1 - info.padInfo.top;
  let left = kw - 1 - info.padInfo.left;
  // Output size rows + top + bottom − kh + 1 must be h.
  let bottom = h + kh - 1 - rows - top;
  let right = w + kw - 1 - cols - left;
  if (top < 0 || left < 0 || bottom < 0 || right < 0) {
    // Spread rows no output reaches (a pad wider than the kernel, or trailing zeros): cut them.
    const begin = [0, Math.max(-top, 0), Math.max(-left, 0), 0];
    rows -= Math.max(-top, 0) + Math.max(-bottom, 0);
    cols -= Math.max(-left, 0) + Math.max(-right, 0);
    spread = k.slice(spread, begin, [n, rows, cols, cOut]);
    [top, bottom, left, right] = [top, bottom, left, right].map((p) => Math.max(p, 0)) as [
      number,
      number,
      number,
      number,
    ];
  }
  return k.conv(spread, swapped, [
    [top, bottom],
    [left, right],
  ]);
}

/**
 * The kernel function to register for Conv2DBackpropInput on 'wasm'; `stock` (the backend's own
 * kernel) still serves NCHW data.
 */
export function wasmConv2DBackpropInput(stock: tf.KernelFunc | undefined): tf.KernelFunc {
  return (args) => {
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const a = args.attrs as unknown as InputGradientAttrs;
    if (a.dataFormat === 'NCHW' && stock !== undefined && unsupported({ ...a, dataFormat: 'NHWC' }, []) === null) {
      return stock(args);
    }
    const info = forwardConvInfo(a.inputShape, filter.shape, a, tf.Conv2DBackpropInput);
    return kernelScope(args.backend as unknown as WasmBackendLike, (k) => inputGradient(k, dy, filter, info));
  };
}

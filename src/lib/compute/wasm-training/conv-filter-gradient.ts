/**
 * Conv2DBackpropFilter (∂loss/∂kernel of a convolution) for the WASM backend.
 *
 * The kernel first tries simd-filter-gradient.ts (a WebAssembly SIMD kernel on the backend's
 * heap, 2–3× faster). Where that cannot run (no SIMD, or cOut not a multiple of 4), dW is one
 * forward convolution on XNNPACK: for a convolution with stride s and top/left padding p,
 *   dW[i, j, c, o] = Σ_{b, y, x} x[b, y·s + i − p, x·s + j − p, c] · dy[b, y, x, o].
 * Read x as a batch of cIn images with `batch` channels, x' [cIn, h, w, batch], and dy as a
 * filter of outH×outW taps mapping `batch` channels to cOut, dy' [outH, outW, batch, cOut]:
 * then dW' [cIn, kh, kw, cOut] is the stride-1 convolution x' ⊛ dy' with the taps spread s
 * apart (dilation s) and padding p, cut to kh×kw outputs. Three transposes move the batch axis
 * into the channels and back; the sum over batch and positions runs in XNNPACK's GEMM.
 */
import * as tf from '../tf.ts';
import { forwardConvInfo, type ConvGradientAttrs } from './conv-geometry.ts';
import { kernelScope, type KernelCalls, type WasmBackendLike } from './kernel-calls.ts';
import { simdFilterGradient } from './simd-filter-gradient.ts';

/** Conv2DBackpropFilter's attributes. */
export interface FilterGradientAttrs extends ConvGradientAttrs {
  readonly filterShape: [number, number, number, number];
}

/**
 * dW: [kh, kw, cIn, cOut] from x: [batch, h, w, cIn] and dy: [batch, outH, outW, cOut] (NHWC,
 * float32) for the convolution `info` (dilation 1).
 */
export function filterGradient(
  k: KernelCalls,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: cIn, outHeight: oh, outWidth: ow } = info;
  const { outChannels: cOut, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  // Rows the spread filter reaches past the input (negative: input rows no output uses).
  let bottom = kh + (oh - 1) * sh - h - top;
  let right = kw + (ow - 1) * sw - w - left;

  // x [n, h, w, cIn] → x' [cIn, h, w, n]
  let images = k.reshape(k.transpose(k.reshape(x, [n, h * w, cIn]), [2, 1, 0]), [cIn, h, w, n]);
  if (bottom < 0 || right < 0) {
    const rows = h + Math.min(bottom, 0);
    const cols = w + Math.min(right, 0);
    images = k.slice(images, [0, 0, 0, 0], [cIn, rows, cols, n]);
    bottom = Math.max(bottom, 0);
    right = Math.max(right, 0);
  }
  // dy [n, outH, outW, cOut] → dy' [outH, outW, n, cOut]
  const taps = k.reshape(k.transpose(k.reshape(dy, [n, oh * ow, cOut]), [1, 0, 2]), [oh, ow, n, cOut]);
  const perChannel = k.conv(
    images,
    taps,
    [
      [top, bottom],
      [left, right],
    ],
    [sh, sw],
  );
  // dW' [cIn, kh, kw, cOut] → dW [kh, kw, cIn, cOut]
  return k.reshape(k.transpose(k.reshape(perChannel, [cIn, kh * kw, cOut]), [1, 0, 2]), [kh, kw, cIn, cOut]);
}

/** The kernel function registered for Conv2DBackpropFilter on 'wasm'. */
export const wasmConv2DBackpropFilter: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as FilterGradientAttrs;
  const info = forwardConvInfo(x.shape, a.filterShape, a, tf.Conv2DBackpropFilter, [x.dtype, dy.dtype]);
  const heap = backend as unknown as WasmBackendLike & Parameters<typeof simdFilterGradient>[0];
  return simdFilterGradient(heap, x, dy, info) ?? kernelScope(heap, (k) => filterGradient(k, x, dy, info));
};

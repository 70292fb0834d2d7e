/**
 * Conv2DBackpropInput (∂loss/∂input of a convolution) for the WASM backend, as one forward
 * convolution on XNNPACK instead of the backend's scalar loop.
 *
 * For a convolution with stride s and top/left padding p (rows shown; columns alike),
 *   dx[b, y, ·, c] = Σ_{i, o} dy[b, (y + p − i)/s, ·, o] · W[i, ·, c, o],
 * summing only where the division is exact. With s = 1 this is a forward convolution of dy
 * with the kernel turned by 180° and its channels swapped, padded by kh − 1 − p.
 *
 * With s > 1 only every s-th kernel row meets a given output row: output rows y = s·Y + r of
 * one phase r use the taps i ≡ r + p (mod s). Each phase is a stride-1 convolution of dy itself
 * with a sub-kernel of ⌈kh/s⌉ taps or fewer, and all s² phases run as one convolution whose
 * output channels are (phase, c); the phases are then interleaved into dx. That does
 * ⌈kh/s⌉²·s² taps per dy position (16 for a 3×3 kernel at stride 2) where convolving a
 * zero-spread dy would do kh·kw·s² (36), most of them on zeros.
 */
import * as tf from '../tf.ts';
import { forwardConvInfo, unsupported, type ConvGradientAttrs } from './conv-geometry.ts';
import { kernelScope, type KernelCalls, type WasmBackendLike } from './kernel-calls.ts';

/** Conv2DBackpropInput's attributes. */
export interface InputGradientAttrs extends ConvGradientAttrs {
  readonly inputShape: [number, number, number, number];
}

/** How the taps of one axis (rows or columns) split into phases. */
interface AxisPhases {
  /** Taps of the combined sub-kernel along this axis. */
  readonly taps: number;
  /** Padding before dy along this axis. */
  readonly before: number;
  /** For phase r and sub-kernel tap u: the kernel tap i it takes, or −1 for none. */
  readonly tap: (r: number, u: number) => number;
}

/**
 * The phase split of one axis: kernel size k, stride s, padding before p. Phase r (output
 * positions s·Y + r) reads dy[Y + d − m]·W[i₀ + s·m] with i₀ = (r + p) mod s, d = ⌊(r + p)/s⌋,
 * m = 0, 1, … while i₀ + s·m < k; sub-kernel tap u reads dy[Y − before + u], so m = before + d − u.
 */
function axisPhases(k: number, s: number, p: number): AxisPhases {
  const phase = (r: number) => {
    const first = (r + p) % s;
    return { first, shift: Math.floor((r + p) / s), count: first < k ? Math.ceil((k - first) / s) : 0 };
  };
  const phases = Array.from({ length: s }, (_, r) => phase(r));
  const before = Math.max(0, ...phases.map((q) => q.count - 1 - q.shift));
  const taps = Math.max(1, ...phases.map((q) => before + q.shift + 1));
  return {
    taps,
    before,
    tap: (r, u) => {
      const q = phases[r] as { first: number; shift: number; count: number };
      const m = before + q.shift - u;
      return m >= 0 && m < q.count ? q.first + s * m : -1;
    },
  };
}

/**
 * The combined sub-kernels [th, tw, cOut, sh·sw·cIn] (output channel (rh·sw + rw)·cIn + c, the
 * order DepthToSpace reads) from W: [kh, kw, cIn, cOut] values. With s = 1 this is the kernel
 * turned by 180° with its channels swapped.
 */
function phaseKernel(
  w: Float32Array,
  [kh, kw, cIn, cOut]: readonly [number, number, number, number],
  rows: AxisPhases,
  cols: AxisPhases,
  sh: number,
  sw: number,
): Float32Array {
  const outChannels = sh * sw * cIn;
  const out = new Float32Array(rows.taps * cols.taps * cOut * outChannels);
  for (let rh = 0; rh < sh; rh++) {
    for (let u = 0; u < rows.taps; u++) {
      const i = rows.tap(rh, u);
      if (i < 0 || i >= kh) continue;
      for (let rw = 0; rw < sw; rw++) {
        for (let v = 0; v < cols.taps; v++) {
          const j = cols.tap(rw, v);
          if (j < 0 || j >= kw) continue;
          const channel = (rh * sw + rw) * cIn;
          for (let c = 0; c < cIn; c++) {
            const from = ((i * kw + j) * cIn + c) * cOut;
            let to = (u * cols.taps + v) * cOut * outChannels + channel + c;
            for (let o = 0; o < cOut; o++, to += outChannels) out[to] = w[from + o] as number;
          }
        }
      }
    }
  }
  return out;
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
  const rows = axisPhases(kh, sh, info.padInfo.top);
  const cols = axisPhases(kw, sw, info.padInfo.left);
  const kernel = k.fromValues(
    [rows.taps, cols.taps, cOut, sh * sw * cIn],
    phaseKernel(k.values(filter), [kh, kw, cIn, cOut], rows, cols, sh, sw),
  );
  // Phase rows Y = 0 … ⌈h/s⌉ − 1 read dy rows Y − before … Y − before + taps − 1.
  const phaseRows = Math.ceil(h / sh);
  const phaseCols = Math.ceil(w / sw);
  let bottom = phaseRows + rows.taps - 1 - rows.before - oh;
  let right = phaseCols + cols.taps - 1 - cols.before - ow;
  let input = dy;
  if (bottom < 0 || right < 0) {
    // dy rows no phase row reads (a bottom pad wider than the kernel): cut them.
    input = k.slice(dy, [0, 0, 0, 0], [n, oh + Math.min(bottom, 0), ow + Math.min(right, 0), cOut]);
    bottom = Math.max(bottom, 0);
    right = Math.max(right, 0);
  }
  const phases = k.conv(input, kernel, [
    [rows.before, bottom],
    [cols.before, right],
  ]);
  if (sh === 1 && sw === 1) return phases;
  return interleavePhases(k, phases, [sh, sw], [h, w]);
}

/**
 * dx: [n, h, w, c] from the phase outputs [n, ⌈h/sh⌉, ⌈w/sw⌉, sh·sw·c]: dx[b, Y·sh + rh, X·sw + rw]
 * = phases[b, Y, X, (rh·sw + rw)·c …], dropping rows and columns past h and w. (DepthToSpace
 * with a crop; TF.js's WASM DepthToSpace computes every index on its own and took 7–15 ms here.)
 * For each (b, Y, rh, X) the sw·c values to move are contiguous at both ends: one copyWithin
 * on a view of the whole heap, no allocation per row.
 */
function interleavePhases(
  k: KernelCalls,
  phases: tf.TensorInfo,
  [sh, sw]: readonly [number, number],
  [h, w]: readonly [number, number],
): tf.TensorInfo {
  const [n = 1, rows = 1, cols = 1, depth = 1] = phases.shape;
  const c = depth / (sh * sw);
  const out = k.allocate([n, h, w, c]);
  const source = k.values(phases);
  const target = k.values(out);
  const heap = new Float32Array(source.buffer);
  const from0 = source.byteOffset / 4;
  const to0 = target.byteOffset / 4;
  const block = sw * c;
  for (let b = 0; b < n; b++) {
    for (let y0 = 0; y0 < rows; y0++) {
      const fromRow = from0 + (b * rows + y0) * cols * depth;
      for (let rh = 0; rh < sh; rh++) {
        const y = y0 * sh + rh;
        if (y >= h) break;
        const toRow = to0 + (b * h + y) * w * c;
        for (let x0 = 0; x0 < cols; x0++) {
          const from = fromRow + x0 * depth + rh * block;
          const length = Math.min(block, (w - x0 * sw) * c);
          heap.copyWithin(toRow + x0 * block, from, from + length);
        }
      }
    }
  }
  return out;
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
    const info = forwardConvInfo(a.inputShape, filter.shape, a, tf.Conv2DBackpropInput, [dy.dtype, filter.dtype]);
    return kernelScope(args.backend as unknown as WasmBackendLike, (k) => inputGradient(k, dy, filter, info));
  };
}

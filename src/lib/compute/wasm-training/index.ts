/**
 * Training on TF.js's WASM backend: the kernels TF.js 4.22's WASM backend lacks or computes
 * slowly, registered in its place.
 * - Conv2DBackpropFilter (missing): a WebAssembly SIMD kernel on the backend's heap
 *   (simd-filter-gradient.ts), else one XNNPACK forward convolution (conv-filter-gradient.ts).
 * - Conv2DBackpropInput (a scalar loop): XNNPACK forward convolutions (conv-input-gradient.ts).
 * - Kernels every backward pass leans on: Identity and same-type Cast without copying
 *   (shared-copies.ts), per-channel Sum/Mean without transposing (channel-sums.ts), per-channel
 *   Multiply/Add/Sub in one pass (channel-broadcast.ts), Slice without copying out (slice.ts).
 *
 * Kernels are global to the TF.js runtime, so registering once covers every later use of the
 * 'wasm' backend; `useWasmTraining` is called wherever that backend is activated
 * (src/lib/compute/backend.ts).
 */
import * as tf from '../tf.ts';
import { wasmConv2DBackpropFilter } from './conv-filter-gradient.ts';
import { wasmConv2DBackpropInput } from './conv-input-gradient.ts';
import { sharedCast, sharedIdentity } from './shared-copies.ts';
import { channelBroadcastKernel } from './channel-broadcast.ts';
import { channelReduceKernel } from './channel-sums.ts';
import { heapSliceKernel } from './slice.ts';

/**
 * The kernels this module installs on 'wasm', each made from the kernel it replaces (undefined
 * when the backend has none).
 */
const KERNELS: readonly (readonly [string, (stock: tf.KernelFunc | undefined) => tf.KernelFunc])[] = [
  [tf.Conv2DBackpropFilter, () => wasmConv2DBackpropFilter],
  [tf.Conv2DBackpropInput, (stock) => wasmConv2DBackpropInput(stock)],
  [tf.Identity, (stock) => sharedIdentity(required(stock, tf.Identity))],
  [tf.Cast, (stock) => sharedCast(required(stock, tf.Cast))],
  [tf.Sum, (stock) => channelReduceKernel(required(stock, tf.Sum), false)],
  [tf.Mean, (stock) => channelReduceKernel(required(stock, tf.Mean), true)],
  [tf.Slice, (stock) => heapSliceKernel(required(stock, tf.Slice))],
  [tf.Multiply, (stock) => channelBroadcastKernel(required(stock, tf.Multiply), 'mul')],
  [tf.Add, (stock) => channelBroadcastKernel(required(stock, tf.Add), 'add')],
  [tf.Sub, (stock) => channelBroadcastKernel(required(stock, tf.Sub), 'sub')],
];

function required(stock: tf.KernelFunc | undefined, name: string): tf.KernelFunc {
  if (stock === undefined) throw new Error(`the WASM backend has no ${name} kernel (is it loaded?)`);
  return stock;
}

/** Kernel functions installed here, so that installing twice is a no-op. */
const installed = new WeakSet<tf.KernelFunc>();

/**
 * Registers the WASM training kernels (idempotent). Call after the WASM backend's module is
 * imported (its kernels must be registered first), before the first training step on it.
 * A replaced kernel's setup still runs when the backend starts, so the new kernel may call it.
 */
export function useWasmTraining(): void {
  for (const [kernelName, make] of KERNELS) {
    const current = tf.getKernel(kernelName, 'wasm') as tf.KernelConfig | undefined;
    if (current !== undefined && installed.has(current.kernelFunc)) continue;
    const kernelFunc = make(current?.kernelFunc);
    installed.add(kernelFunc);
    if (current !== undefined) tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({
      kernelName,
      backendName: 'wasm',
      kernelFunc,
      ...(current?.setupFunc ? { setupFunc: current.setupFunc } : {}),
    });
  }
}

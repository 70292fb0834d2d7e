/**
 * Training on TF.js's WASM backend: the gradient kernels TF.js 4.22's WASM backend lacks (or
 * computes slowly), built from its own fast kernels (XNNPACK's forward convolution, SIMD).
 *
 * Kernels are global to the TF.js runtime, so registering once covers every later use of the
 * 'wasm' backend; `useWasmTraining` is called wherever that backend is activated.
 */
import * as tf from '../tf.ts';
import { wasmConv2DBackpropFilter } from './conv-filter-gradient.ts';
import { wasmConv2DBackpropInput } from './conv-input-gradient.ts';

/** Kernel functions installed here, so that installing twice is a no-op. */
const installed = new WeakSet<tf.KernelFunc>();

/**
 * Registers `kernelFunc` for `kernelName` on 'wasm', replacing the backend's own kernel if any.
 * The replaced kernel's setup still runs when the backend starts, so `kernelFunc` may call it.
 */
function install(kernelName: string, kernelFunc: tf.KernelFunc): void {
  const current = tf.getKernel(kernelName, 'wasm') as tf.KernelConfig | undefined;
  if (current !== undefined) tf.unregisterKernel(kernelName, 'wasm');
  installed.add(kernelFunc);
  tf.registerKernel({
    kernelName,
    backendName: 'wasm',
    kernelFunc,
    ...(current?.setupFunc ? { setupFunc: current.setupFunc } : {}),
  });
}

/** Whether the current kernel for `kernelName` on 'wasm' is one of ours. */
function ours(kernelName: string): boolean {
  const current = tf.getKernel(kernelName, 'wasm') as tf.KernelConfig | undefined;
  return current !== undefined && installed.has(current.kernelFunc);
}

/**
 * Registers the WASM training kernels (idempotent). Call after the WASM backend's module is
 * imported (its kernels must be registered first), before the first training step on it.
 */
export function useWasmTraining(): void {
  if (!ours(tf.Conv2DBackpropFilter)) install(tf.Conv2DBackpropFilter, wasmConv2DBackpropFilter);
  if (!ours(tf.Conv2DBackpropInput)) {
    const stock = tf.getKernel(tf.Conv2DBackpropInput, 'wasm') as tf.KernelConfig | undefined;
    install(tf.Conv2DBackpropInput, wasmConv2DBackpropInput(stock?.kernelFunc));
  }
}

/**
 * Experiments that hand back plain arrays: the tensors they create are freed before they
 * return, so callers (the worker, tests) never hold TF.js objects.
 */
import type { GradientOptions, LossFn } from './gradients.ts';
import type { RunOptions } from './graph.ts';
import type { Network } from './network.ts';
import type * as tf from './tf.ts';

/** A tensor's values (row-major) and shape, read off the device. */
export interface ArrayResult {
  readonly values: Float32Array;
  readonly shape: readonly number[];
}

/** Reads and frees a tensor. */
export async function release(t: tf.Tensor): Promise<ArrayResult> {
  try {
    return { values: (await t.data()) as Float32Array, shape: t.shape };
  } finally {
    t.dispose();
  }
}

/** The network's output for x: [batch, h, w, c], as [batch, ...outputShape] values. */
export async function predict(net: Network, x: tf.Tensor4D, options: RunOptions = {}): Promise<ArrayResult> {
  return release(net.forward(x, options).output);
}

/** Activations of the layers `ids` for x: [batch, h, w, c], each [batch, ...outputShape]. */
export async function readActivations(
  net: Network,
  x: tf.Tensor4D,
  ids: readonly string[],
  options: RunOptions = {},
): Promise<Record<string, ArrayResult>> {
  const tensors = net.activations(x, ids, options);
  const entries = await Promise.all(Object.entries(tensors).map(async ([id, t]) => [id, await release(t)] as const));
  return Object.fromEntries(entries);
}

/**
 * The loss and ∂loss/∂x for x: [batch, h, w, c]; the gradient has x's shape.
 * `options.of` names the layers the loss reads (default: the output layer).
 */
export async function inputGradient(
  net: Network,
  x: tf.Tensor4D,
  loss: LossFn,
  options: Omit<GradientOptions, 'wrt'> = {},
): Promise<{ readonly loss: number; readonly gradient: ArrayResult }> {
  const result = net.gradients(x, loss, { ...options, wrt: 'input' });
  try {
    const [value] = await result.value.data();
    const gradient = result.input as tf.Tensor;
    return {
      loss: value ?? Number.NaN,
      gradient: { values: (await gradient.data()) as Float32Array, shape: gradient.shape },
    };
  } finally {
    result.dispose();
  }
}

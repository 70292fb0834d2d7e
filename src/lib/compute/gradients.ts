/**
 * Gradients of a scalar loss with respect to the input, to layer activations and to weights,
 * in one backward pass.
 *
 * Activation gradients use probes: a zero tensor is added to the layer's output and the loss is
 * differentiated with respect to it. Adding zero changes nothing forward, and ∂loss/∂probe =
 * ∂loss/∂activation; the cost is one element-wise add per probed layer.
 */
import { collectBatchStats } from './batch-stats.ts';
import { evaluate, type GraphTensors, type RunOptions } from './graph.ts';
import * as tf from './tf.ts';

/** What to differentiate with respect to. */
export type GradientTarget =
  /** The input batch x: [batch, h, w, c]. */
  | 'input'
  /** A layer's output activation: [batch, ...outputShape]. */
  | { readonly activation: string }
  /** Trainable weights: layer ids (all their trainable tensors) or weight keys, or 'all'. */
  | { readonly weights: readonly string[] | 'all' };

/** A scalar loss from the activations the pass computed, by layer id. */
export type LossFn = (outputs: Readonly<Record<string, tf.Tensor>>) => tf.Scalar;

export interface GradientOptions extends RunOptions {
  readonly wrt: GradientTarget | readonly GradientTarget[];
  /** Layers the loss reads (only these and their ancestors run). Default: the output layer. */
  readonly of?: readonly string[];
  /** In training mode, fold the batch statistics into the running ones (a training step). */
  readonly updateStats?: boolean;
}

/** Gradients, same shapes as what they are taken with respect to. The caller disposes them. */
export interface GradientResult {
  /** The loss, a scalar tensor. */
  readonly value: tf.Scalar;
  /** ∂loss/∂x, [batch, h, w, c], when 'input' was requested. */
  readonly input: tf.Tensor4D | undefined;
  /** ∂loss/∂activation by layer id, [batch, ...outputShape]. */
  readonly activations: Readonly<Record<string, tf.Tensor>>;
  /** ∂loss/∂weight by weight key. */
  readonly weights: Readonly<Record<string, tf.Tensor>>;
  /** Frees every tensor of this result. */
  dispose(): void;
}

/** The network parts a gradient computation needs. */
export interface GradientGraph extends GraphTensors {
  readonly outputId: string;
  /** Weight variables by key; only trainable ones can be differentiated. */
  readonly weights: ReadonlyMap<string, tf.Variable>;
}

/**
 * ∂loss/∂(targets) for input x: [batch, h, w, c]. Targets the loss does not depend on get
 * zero gradients. Leaves no tensors behind besides the result.
 */
export function computeGradients(
  graph: GradientGraph,
  x: tf.Tensor4D,
  loss: LossFn,
  options: GradientOptions,
): GradientResult {
  const targets = Array.isArray(options.wrt)
    ? (options.wrt as readonly GradientTarget[])
    : [options.wrt as GradientTarget];
  const wantInput = targets.includes('input');
  const activationIds = targets.flatMap((t) => (typeof t === 'object' && 'activation' in t ? [t.activation] : []));
  const weightKeys = resolveWeights(graph, targets);
  const batch = x.shape[0];
  const probes = new Map(
    activationIds.map((id) => {
      const entry = graph.analysis.layers.find((l) => l.id === id);
      if (entry === undefined) throw new Error(`no layer "${id}" in this network`);
      return [id, tf.zeros([batch, ...entry.outputShape])] as const;
    }),
  );
  const variables = weightKeys.map((key) => graph.weights.get(key) as tf.Variable);
  const xs: tf.Tensor[] = [...(wantInput ? [x] : []), ...probes.values(), ...variables];
  const stats = options.updateStats === true && options.training === true ? collectBatchStats() : undefined;
  try {
    const { value, grads } = tf
      .engine()
      .gradients(
        () =>
          loss(evaluate(graph, x, options.of ?? [graph.outputId], { ...options, probes, onBatchStats: stats?.record })),
        xs,
        undefined,
        true,
      );
    const gradient = (i: number): tf.Tensor => {
      const g = grads[i];
      return g ?? tf.zerosLike(xs[i] as tf.Tensor);
    };
    let next = 0;
    const input = wantInput ? (gradient(next++) as tf.Tensor4D) : undefined;
    const activations = Object.fromEntries(activationIds.map((id) => [id, gradient(next++)]));
    const weights = Object.fromEntries(weightKeys.map((key) => [key, gradient(next++)]));
    stats?.apply(graph.weights);
    return {
      value,
      input,
      activations,
      weights,
      dispose: () =>
        tf.dispose([value, ...(input ? [input] : []), ...Object.values(activations), ...Object.values(weights)]),
    };
  } catch (error) {
    discardTape();
    throw error;
  } finally {
    stats?.dispose();
    tf.dispose([...probes.values()]);
  }
}

/**
 * When the loss throws inside engine.gradients, TF.js leaves the tensors it saved for backprop
 * on the tape (kept clones that backprop would have freed). Free them, unless an outer
 * gradient computation still owns the tape.
 */
function discardTape(): void {
  const state = tf.engine().state;
  if (state.gradientDepth !== 0) return;
  for (const node of state.activeTape ?? []) tf.dispose(node.saved ?? []);
  state.activeTape = [];
}

/** Weight keys named by the targets, in plan order: layer ids expand to their trainable tensors. */
function resolveWeights(graph: GradientGraph, targets: readonly GradientTarget[]): string[] {
  const trainable = [...graph.weights].filter(([, v]) => v.trainable).map(([key]) => key);
  const chosen = new Set<string>();
  for (const target of targets) {
    if (typeof target !== 'object' || !('weights' in target)) continue;
    if (target.weights === 'all') {
      trainable.forEach((key) => chosen.add(key));
      continue;
    }
    for (const name of target.weights) {
      const matches = trainable.filter((key) => key === name || key.startsWith(`${name}/`));
      if (matches.length === 0) throw new Error(`no trainable weights "${name}" in this network`);
      matches.forEach((key) => chosen.add(key));
    }
  }
  return trainable.filter((key) => chosen.has(key));
}

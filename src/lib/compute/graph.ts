/**
 * Runs a spec's layer DAG on a batch: the one forward pass behind `Network.forward`,
 * activations, gradients and every experiment.
 */
import type { Analysis, LayerAnalysis } from '../models/analyze.ts';
import { applyLayer } from './layers/apply.ts';
import type { BatchStats, LayerContext } from './layers/context.ts';
import { deriveSeed } from '../math/rng.ts';
import { blockLesioned, shortcutEnabled, type SkipSwitches } from './skips.ts';
import * as tf from './tf.ts';
import type { WeightName } from './weight-plan.ts';

/** Options every pass over the network accepts. */
export interface RunOptions {
  /** Training mode: batch norm uses batch statistics and dropout drops. Default false. */
  readonly training?: boolean;
  /** Skip connections per block; see {@link SkipSwitches}. Default: all on. */
  readonly skips?: SkipSwitches;
  /** Residual blocks deleted (block ids, see {@link blockLesioned}): each outputs its shortcut alone. */
  readonly lesions?: readonly string[];
  /** Seed of the dropout masks of this pass (each layer derives its own). Default 0. */
  readonly dropoutSeed?: number;
}

/** The tensors a network owns, as the evaluator needs them. */
export interface GraphTensors {
  readonly analysis: Analysis;
  /** Weight tensors by key `${layerId}/${name}`. */
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  /** Connection masks by conv layer id, shaped like the kernel. */
  readonly masks: ReadonlyMap<string, tf.Tensor>;
}

export interface EvaluateOptions extends RunOptions {
  /**
   * Zero tensors added to layer outputs (by layer id, shape [batch, ...outputShape]):
   * the gradient of a loss with respect to a probe is its gradient with respect to that activation.
   */
  readonly probes?: ReadonlyMap<string, tf.Tensor>;
  /** Receives batch-norm batch statistics in training mode. */
  readonly onBatchStats?: ((layerId: string, stats: BatchStats) => void) | undefined;
  /**
   * Dispose intermediate activations as soon as their consumers have run, to bound memory.
   * Only outside gradient recording (the tape keeps what backprop needs).
   */
  readonly release?: boolean;
}

/**
 * Computes the activations of the layers `wanted` (ids) for input x: [batch, h, w, c], running
 * only the layers they depend on (a shortcut switched off is not computed). Returns them by id,
 * each [batch, ...outputShape]. The caller owns tf.tidy/gradient scope around this call.
 */
export function evaluate(
  graph: GraphTensors,
  x: tf.Tensor4D,
  wanted: readonly string[],
  options: EvaluateOptions = {},
): Record<string, tf.Tensor> {
  const byId = new Map(graph.analysis.layers.map((entry) => [entry.id, entry]));
  const inputsOf = (entry: LayerAnalysis): readonly string[] => {
    if (blockLesioned(entry.layer, options.lesions)) return entry.inputIds.slice(1, 2);
    return shortcutEnabled(entry.layer, options.skips) ? entry.inputIds : entry.inputIds.slice(0, 1);
  };
  const consumers = countConsumers(byId, wanted, inputsOf);
  const outputs = new Map<string, tf.Tensor>();
  const training = options.training ?? false;
  const dropoutSeed = options.dropoutSeed ?? 0;

  for (const entry of graph.analysis.layers) {
    if (!consumers.has(entry.id)) continue;
    const inputIds = inputsOf(entry);
    const inputs = inputIds.length === 0 ? [x] : inputIds.map((id) => required(outputs.get(id), id));
    const ctx: LayerContext = {
      entry,
      weight: (name: WeightName) => required(graph.weights.get(`${entry.id}/${name}`), `${entry.id}/${name}`),
      mask: graph.masks.get(entry.id),
      training,
      dropoutSeed: deriveSeed(dropoutSeed, entry.id),
      // A deleted block's add receives only its shortcut, which it passes through.
      shortcut: shortcutEnabled(entry.layer, options.skips) && !blockLesioned(entry.layer, options.lesions),
      onBatchStats: options.onBatchStats,
    };
    let y = applyLayer(entry.layer, inputs, ctx);
    // A pass-through layer returns its input object; give it its own handle so releasing the
    // input (or the caller disposing one of them) cannot free the other.
    if (inputs.includes(y)) y = tf.clone(y);
    const probe = options.probes?.get(entry.id);
    if (probe !== undefined) y = tf.add(y, probe);
    outputs.set(entry.id, y);
    if (options.release === true) {
      for (const id of inputIds) {
        const left = (consumers.get(id) ?? 0) - 1;
        consumers.set(id, left);
        if (left === 0 && !wanted.includes(id)) outputs.get(id)?.dispose();
      }
    }
  }
  return Object.fromEntries(wanted.map((id) => [id, required(outputs.get(id), id)]));
}

/**
 * Layers needed for `wanted`, each with the number of needed layers reading it (+1 if wanted),
 * found by walking the inputs back from the wanted layers.
 */
function countConsumers(
  byId: ReadonlyMap<string, LayerAnalysis>,
  wanted: readonly string[],
  inputsOf: (entry: LayerAnalysis) => readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: string[] = [];
  for (const id of wanted) {
    if (!byId.has(id)) throw new Error(`no layer "${id}" in this network`);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    stack.push(id);
  }
  const visited = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (visited.has(id)) continue;
    visited.add(id);
    for (const input of inputsOf(required(byId.get(id), id))) {
      counts.set(input, (counts.get(input) ?? 0) + 1);
      stack.push(input);
    }
  }
  return counts;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: "${what}" is missing`);
  return value;
}

/**
 * `build(spec)`: a runnable TF.js network from a spec. The network owns its weight variables
 * and connection masks; every pass runs inside a tidy scope, so the only tensors that outlive a
 * call are the ones it returns (the caller disposes those) and the weights (`dispose()`).
 */
import { analyze, type Analysis } from '../models/analyze.ts';
import type { ModelSpec } from '../models/types.ts';
import { collectBatchStats } from './batch-stats.ts';
import { computeGradients, type GradientOptions, type GradientResult, type LossFn } from './gradients.ts';
import { evaluate, type RunOptions } from './graph.ts';
import { allocateWeights } from './allocate.ts';
import type { InitScheme } from './init.ts';
import { deriveSeed } from '../math/rng.ts';
import * as tf from './tf.ts';
import { planFromAnalysis, type PlannedWeight } from './weight-plan.ts';

export interface BuildOptions {
  /** Weight initialisation; see {@link InitScheme}. Default 'he'. */
  readonly init?: InitScheme;
  /** Seed of the initial weights and of the default dropout masks. Default 0. */
  readonly seed?: number;
  /** σ of the 'normal' init. Default 0.01. */
  readonly normalStd?: number;
  /** Input [height, width, channels]. Default: the spec's. */
  readonly inputShape?: readonly [number, number, number];
}

export interface ForwardOptions extends RunOptions {
  /** Layer ids whose activations to return besides the output. */
  readonly outputs?: readonly string[];
  /** In training mode, fold the batch statistics into batch norm's running ones. */
  readonly updateStats?: boolean;
  /** Weight m of this pass's statistics in that fold, running ← (1 − m)·running + m·batch, (0, 1]. Default 0.1. */
  readonly statsMomentum?: number;
}

/** Result of a forward pass; the caller disposes the tensors. */
export interface ForwardResult {
  /** Output of the last layer, [batch, ...outputShape]. */
  readonly output: tf.Tensor;
  /** Requested activations by layer id, [batch, ...outputShape of that layer]. */
  readonly activations: Readonly<Record<string, tf.Tensor>>;
}

/** Weight values by key (`${layerId}/${name}`), row-major in the planned shape. */
export type WeightValues = Readonly<Record<string, Float32Array>>;

export interface Network {
  readonly spec: ModelSpec;
  /** analyze(spec, inputShape): shapes, counts and receptive fields of every layer. */
  readonly analysis: Analysis;
  readonly inputShape: readonly [number, number, number];
  /** Id of the last layer. */
  readonly outputId: string;
  /** The weight tensors, in spec order (see planWeights). */
  readonly plan: readonly PlannedWeight[];
  /** Weight variables by key; running statistics and RBF prototypes are not trainable. */
  readonly weights: ReadonlyMap<string, tf.Variable>;
  /** x: [batch, h, w, c] (float32) → the output and any requested activations. */
  forward(x: tf.Tensor4D, options?: ForwardOptions): ForwardResult;
  /** Only the activations `ids` (and the layers they need), by id. */
  activations(x: tf.Tensor4D, ids: readonly string[], options?: RunOptions): Record<string, tf.Tensor>;
  /** ∂loss/∂(input | activations | weights); see computeGradients. */
  gradients(x: tf.Tensor4D, loss: LossFn, options: GradientOptions): GradientResult;
  /** Parameters as analyze() counts them, read off the allocated tensors. */
  paramCount(): number;
  /** The trainable part of paramCount(). */
  trainableParamCount(): number;
  /** Copies of every weight tensor's values (blocking read). */
  getWeights(): Record<string, Float32Array>;
  /** Overwrites the listed weights; throws on unknown keys or wrong sizes. */
  setWeights(values: WeightValues): void;
  /** Frees every tensor the network owns. The network is unusable afterwards. */
  dispose(): void;
  readonly isDisposed: boolean;
}

/** Builds `spec` with freshly initialised weights (deterministic in `seed`). */
export function build(spec: ModelSpec, options: BuildOptions = {}): Network {
  const analysis = analyze(spec, options.inputShape);
  const plan = planFromAnalysis(analysis);
  const seed = options.seed ?? 0;
  const initOptions = {
    init: options.init ?? 'he',
    seed,
    ...(options.normalStd === undefined ? {} : { normalStd: options.normalStd }),
  };
  const last = analysis.layers[analysis.layers.length - 1];
  if (last === undefined) throw new Error(`model "${spec.id}" has no layers`);

  const { variables, masks, connected } = allocateWeights(analysis, plan, initOptions);

  const graph = { analysis, weights: variables, masks, outputId: last.id };
  let disposed = false;
  let passes = 0;
  const alive = (): void => {
    if (disposed) throw new Error(`network "${spec.id}" has been disposed`);
  };
  const checkInput = (x: tf.Tensor4D): void => {
    const [, h, w, c] = x.shape;
    const [eh, ew, ec] = analysis.inputShape;
    if (x.rank !== 4 || h !== eh || w !== ew || c !== ec) {
      throw new Error(`network "${spec.id}" expects input [batch, ${eh}, ${ew}, ${ec}], got [${x.shape.join(', ')}]`);
    }
  };
  // Without an explicit seed each training pass draws fresh dropout masks, reproducibly.
  const withDropoutSeed = <T extends RunOptions>(o: T): T =>
    o.training === true && o.dropoutSeed === undefined
      ? { ...o, dropoutSeed: deriveSeed(seed, `dropout#${passes++}`) }
      : o;
  const counted = (only: 'all' | 'trainable'): number => {
    let total = 0;
    for (const w of plan) {
      const v = variables.get(w.key);
      if (v === undefined || (only === 'trainable' && !v.trainable)) continue;
      if (w.name === 'movingMean' || w.name === 'movingVariance') continue; // buffers, as in PyTorch
      total += connected.get(w.key) ?? v.size;
    }
    return total;
  };

  return {
    spec,
    analysis,
    inputShape: analysis.inputShape,
    outputId: last.id,
    plan,
    weights: variables,
    forward(x, forwardOptions = {}) {
      alive();
      checkInput(x);
      const o = withDropoutSeed(forwardOptions);
      const extra = (o.outputs ?? []).filter((id) => id !== last.id);
      const stats = o.updateStats === true && o.training === true ? collectBatchStats(o.statsMomentum) : undefined;
      try {
        const result = tf.tidy(() =>
          evaluate(graph, x, [last.id, ...extra], { ...o, release: true, onBatchStats: stats?.record }),
        );
        stats?.apply(variables);
        const output = result[last.id] as tf.Tensor;
        const activations = Object.fromEntries((o.outputs ?? []).map((id) => [id, result[id] as tf.Tensor]));
        return { output, activations };
      } finally {
        stats?.dispose();
      }
    },
    activations(x, ids, runOptions = {}) {
      alive();
      checkInput(x);
      const o = withDropoutSeed(runOptions);
      return tf.tidy(() => evaluate(graph, x, ids, { ...o, release: true }));
    },
    gradients(x, loss, gradientOptions) {
      alive();
      checkInput(x);
      return computeGradients(graph, x, loss, withDropoutSeed(gradientOptions));
    },
    paramCount: () => counted('all'),
    trainableParamCount: () => counted('trainable'),
    getWeights() {
      alive();
      return Object.fromEntries([...variables].map(([key, v]) => [key, Float32Array.from(v.dataSync())]));
    },
    setWeights(values) {
      alive();
      for (const [key, data] of Object.entries(values)) {
        const v = variables.get(key);
        if (v === undefined) throw new Error(`network "${spec.id}" has no weight "${key}"`);
        if (data.length !== v.size) {
          throw new Error(`weight "${key}" has ${v.size} values, got ${data.length}`);
        }
        tf.tidy(() => v.assign(tf.tensor(data, v.shape)));
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose([...variables.values(), ...masks.values()]);
    },
    get isDisposed() {
      return disposed;
    },
  };
}

import type { LayerAnalysis } from '../../models/analyze.ts';
import type * as tf from '../tf.ts';
import type { WeightName } from '../weight-plan.ts';

/** Batch statistics of one batch-norm layer in training mode, for updating running stats. */
export interface BatchStats {
  /** Per-channel batch mean, shape [c]. */
  readonly mean: tf.Tensor1D;
  /** Per-channel biased batch variance, shape [c]. */
  readonly variance: tf.Tensor1D;
  /** Values averaged per channel (batch·h·w), to turn the variance unbiased. */
  readonly count: number;
}

/** What a layer's forward function may read besides its inputs. */
export interface LayerContext {
  /** Shapes of this layer at the network's input size (from analyze()). */
  readonly entry: LayerAnalysis;
  /** This layer's weight tensor `name`; throws when the layer has none. */
  readonly weight: (name: WeightName) => tf.Tensor;
  /** Fixed 0/1 connection mask of a conv with a partial table, shaped like its kernel. */
  readonly mask: tf.Tensor | undefined;
  /** Training mode: batch norm uses batch statistics, dropout drops. */
  readonly training: boolean;
  /** Seed of this layer's dropout mask for this call. */
  readonly dropoutSeed: number;
  /** For `add`: false when the block's skip connection is switched off. */
  readonly shortcut: boolean;
  /** Called with batch statistics by batch norm in training mode. */
  readonly onBatchStats: ((layerId: string, stats: BatchStats) => void) | undefined;
}

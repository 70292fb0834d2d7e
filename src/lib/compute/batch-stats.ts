import type { BatchStats } from './layers/context.ts';
import * as tf from './tf.ts';

/** PyTorch's default batch-norm momentum: running ← (1 − m)·running + m·batch. */
export const BATCH_NORM_MOMENTUM = 0.1;

/**
 * Collects batch-norm batch statistics during a training pass (keeping them alive past the
 * pass's tidy scope) and then folds them into the running statistics, as PyTorch does: the
 * running variance takes the unbiased batch variance.
 */
export interface StatsCollector {
  /** Pass as `onBatchStats` to the evaluator. */
  readonly record: (layerId: string, stats: BatchStats) => void;
  /** Updates `${layerId}/movingMean` and `/movingVariance` and frees the collected tensors. */
  readonly apply: (weights: ReadonlyMap<string, tf.Variable>) => void;
  /** Frees the collected tensors without applying them. */
  readonly dispose: () => void;
}

export function collectBatchStats(momentum = BATCH_NORM_MOMENTUM): StatsCollector {
  const collected: { layerId: string; stats: BatchStats }[] = [];
  const dispose = (): void => {
    for (const { stats } of collected) tf.dispose([stats.mean, stats.variance]);
    collected.length = 0;
  };
  return {
    record: (layerId, stats) => {
      tf.keep(stats.mean);
      tf.keep(stats.variance);
      collected.push({ layerId, stats });
    },
    apply: (weights) => {
      tf.tidy(() => {
        for (const { layerId, stats } of collected) {
          const unbiased = stats.count > 1 ? stats.count / (stats.count - 1) : 1;
          blend(weights.get(`${layerId}/movingMean`), stats.mean, momentum);
          blend(weights.get(`${layerId}/movingVariance`), tf.mul(stats.variance, unbiased), momentum);
        }
      });
      dispose();
    },
    dispose,
  };
}

function blend(running: tf.Variable | undefined, batch: tf.Tensor, momentum: number): void {
  if (running === undefined) throw new Error('internal: batch norm without running statistics');
  running.assign(tf.add(tf.mul(running, 1 - momentum), tf.mul(batch, momentum)));
}

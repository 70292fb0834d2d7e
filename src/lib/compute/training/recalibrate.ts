/**
 * Batch-norm running statistics that describe the weights as they are now ("precise BN", Wu and
 * Johnson 2021, §3). During training the running mean and variance are an exponential average
 * (momentum 0.1) over batches taken while the weights were still moving; early in a short run
 * they lag the weights so far behind that the net in inference mode is near chance while in
 * training mode it classifies well. Recalibrating replaces them with the plain average of the
 * batch statistics of `batches` fresh batches under the current weights. No weight is changed.
 */
import type { RunOptions } from '../graph.ts';
import type { Network } from '../network.ts';
import * as tf from '../tf.ts';
import type { ExampleSource } from './examples.ts';

export interface RecalibrationOptions {
  /** Batches whose statistics are averaged, ≥ 1. */
  readonly batches: number;
  /** Examples per batch: the training batch size, so each batch's variance is estimated as in training. */
  readonly batchSize: number;
  /** How the net runs (its switched-off shortcuts). */
  readonly run?: RunOptions;
}

/** True when `net` has batch norm (running statistics to recalibrate). */
export function hasBatchNorm(net: Network): boolean {
  return net.plan.some((w) => w.name === 'movingMean');
}

/**
 * Sets every batch norm's running mean and variance of `net` to the average over the first
 * `batches × batchSize` examples of `source` (fewer when it has fewer), taken in training mode
 * batch by batch. Leaves no tensors behind.
 */
export function recalibrateBatchNorm(net: Network, source: ExampleSource, options: RecalibrationOptions): void {
  if (!hasBatchNorm(net)) return;
  const batches = Math.max(1, Math.min(options.batches, Math.floor(source.count / options.batchSize)));
  for (let k = 0; k < batches; k++) {
    const indices = Array.from({ length: options.batchSize }, (_, i) => (k * options.batchSize + i) % source.count);
    const { inputs } = source.batch(indices);
    tf.tidy(() => {
      const x = tf.tensor4d(inputs, [indices.length, ...net.inputShape]);
      // Weight 1/(k+1) for the (k+1)-th batch keeps the running value the plain mean of all so far.
      net.forward(x, { ...options.run, training: true, updateStats: true, statsMomentum: 1 / (k + 1) });
    });
  }
}

/** One pass over a training set in seeded random mini-batches. */
import type { Network } from '../network.ts';
import type { Sgd } from '../sgd.ts';
import { shuffledBatches } from './batches.ts';
import type { ExampleSource } from './examples.ts';
import { trainStep } from './train-step.ts';

/** How {@link trainEpoch} batches the examples and sets the learning rate. */
export interface EpochOptions {
  /** Examples per step. */
  readonly batchSize: number;
  /** Seed of the run: with `epoch` it fixes the batch order. */
  readonly seed: number;
  /** Epoch number, from 0. */
  readonly epoch: number;
  /** Learning rate η of step `step` (0-based within this epoch); default: the Sgd's own. */
  readonly learningRate?: (step: number) => number;
  /**
   * Called after every step with its mean loss (nats). Awaited, so a worker can report progress
   * or stop between steps by throwing.
   */
  readonly onStep?: (step: number, loss: number) => void | Promise<void>;
}

/** Summary of an epoch. */
export interface EpochResult {
  /** Steps taken: ⌈count / batchSize⌉. */
  readonly steps: number;
  /** Mean over examples of the loss before each step's update, nats. */
  readonly meanLoss: number;
}

/** Trains `net` for one epoch over `source` (see {@link EpochOptions}). Leaves no tensors behind. */
export async function trainEpoch(
  net: Network,
  sgd: Sgd,
  source: ExampleSource,
  options: EpochOptions,
): Promise<EpochResult> {
  const batches = shuffledBatches(source.count, options.batchSize, options.seed, options.epoch);
  let lossSum = 0;
  for (const [step, indices] of batches.entries()) {
    const loss = await trainStep(net, sgd, source.batch(indices), options.learningRate?.(step));
    lossSum += loss * indices.length;
    await options.onStep?.(step, loss);
  }
  return { steps: batches.length, meanLoss: source.count === 0 ? 0 : lossSum / source.count };
}

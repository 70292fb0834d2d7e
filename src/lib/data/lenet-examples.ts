/**
 * MNIST digits as LeNet-5 training or test examples, optionally augmented with random shifts.
 * With 8,000 training digits instead of MNIST's 60,000, moving each digit by up to ±2 px inside
 * its 32×32 field (the margin the paper's padding leaves) is a cheap way to show the network
 * more variety without inventing ink: every shifted digit is still a real MNIST digit.
 */
import { deriveSeed, mulberry32 } from '../math/rng.ts';
import { lenetBatch, LENET_MARGIN, LENET_SIDE, type LenetBatch, type Shift } from './lenet-input.ts';
import type { DigitSet } from './mnist.ts';

/** How {@link lenetExamples} prepares the digits. */
export interface LenetExamplesOptions {
  /** Largest shift in pixels, 0…2; each digit of each batch draws dy, dx uniformly in ±maxShift. Default 0. */
  readonly maxShift?: number;
  /** Seed of the shifts. The k-th digit drawn gets the same shift on every run. Default 0. */
  readonly seed?: number;
}

/** Labelled examples that batches are drawn from by index. */
export interface LenetExamples {
  /** Number of examples. */
  readonly count: number;
  /** Shape of one input, [32, 32, 1]. */
  readonly inputShape: readonly [number, number, number];
  /** Inputs [indices.length, 32, 32, 1] and labels [indices.length] of the examples at `indices`. */
  batch(indices: readonly number[]): LenetBatch;
}

/**
 * The digits of `set` as LeNet-5 examples. Without `maxShift` every digit is centred (as for
 * testing and the drawing pad); with it, shifts come from one seeded stream, so a training run
 * that draws the same batches in the same order sees the same shifts.
 */
export function lenetExamples(set: DigitSet, options: LenetExamplesOptions = {}): LenetExamples {
  const maxShift = options.maxShift ?? 0;
  if (!Number.isInteger(maxShift) || maxShift < 0 || maxShift > LENET_MARGIN) {
    throw new Error(`maxShift is a whole number of pixels 0…${LENET_MARGIN}, got ${maxShift}`);
  }
  const rng = mulberry32(deriveSeed(options.seed ?? 0, 'lenet-shift'));
  const span = 2 * maxShift + 1;
  const draw = (): number => Math.floor(rng.uniform() * span) - maxShift;
  const shiftOf = maxShift === 0 ? undefined : (): Shift => [draw(), draw()];
  return {
    count: set.count,
    inputShape: [LENET_SIDE, LENET_SIDE, 1],
    batch: (indices) => lenetBatch(set, indices, shiftOf),
  };
}

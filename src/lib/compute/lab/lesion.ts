/**
 * The lesion study of Veit, Wilber and Belongie 2016 (§4, Figs. 3 and 5): delete residual
 * blocks from a trained network at test time and measure its accuracy. A residual net behaves
 * like an ensemble of paths and barely notices one missing block; in a plain net every path
 * runs through every layer, so deleting one breaks it.
 */
import type { RunOptions } from '../graph.ts';
import type { Network } from '../network.ts';
import { rngFor } from '../../math/rng.ts';
import { permutation } from '../../data/shuffle.ts';
import { evaluateClassifier } from '../training/evaluate.ts';
import type { ExampleSource } from '../training/examples.ts';

/** Test accuracy with k blocks deleted at random, over several draws. */
export interface LesionPoint {
  /** Blocks deleted. */
  readonly k: number;
  /** Mean, lowest and highest accuracy (0–1) over the draws. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface LesionStudy {
  /** Block ids in network order. */
  readonly blocks: readonly string[];
  /** Accuracy with nothing deleted, 0–1. */
  readonly intact: number;
  /** Accuracy with only blocks[i] deleted, per block. */
  readonly perBlock: readonly number[];
  /** Accuracy against k = 0…maxK random deleted blocks. */
  readonly byK: readonly LesionPoint[];
}

export interface LesionStudyOptions {
  /** Largest number of blocks deleted at once (capped at the block count). */
  readonly maxK: number;
  /** Random draws of k blocks per k ≥ 1. */
  readonly trials: number;
  readonly seed: number;
  /** Awaited between evaluations: progress reports, and cancellation by throwing. */
  readonly onEvaluation?: (done: number, total: number) => void | Promise<void>;
}

/** Test accuracy (0–1) of `net` run as `run` with `lesions` deleted. */
export async function lesionedAccuracy(
  net: Network,
  test: ExampleSource,
  run: RunOptions,
  lesions: readonly string[],
): Promise<number> {
  return (await evaluateClassifier(net, test, 250, { ...run, lesions })).accuracy;
}

/**
 * Accuracy with each block deleted in turn, and with k random blocks deleted for k up to
 * `maxK` (`trials` draws each, seeded). Frees every tensor it allocates.
 */
export async function lesionStudy(
  net: Network,
  test: ExampleSource,
  run: RunOptions,
  blocks: readonly string[],
  options: LesionStudyOptions,
): Promise<LesionStudy> {
  const maxK = Math.min(options.maxK, blocks.length);
  const total = 1 + blocks.length + maxK * options.trials;
  let done = 0;
  const accuracy = async (lesions: readonly string[]): Promise<number> => {
    const value = await lesionedAccuracy(net, test, run, lesions);
    await options.onEvaluation?.(++done, total);
    return value;
  };
  const intact = await accuracy([]);
  const perBlock: number[] = [];
  for (const block of blocks) perBlock.push(await accuracy([block]));
  const rng = rngFor(options.seed, 'lesion');
  const byK: LesionPoint[] = [{ k: 0, mean: intact, min: intact, max: intact }];
  for (let k = 1; k <= maxK; k++) {
    const values: number[] = [];
    for (let t = 0; t < options.trials; t++) {
      const drawn = permutation(blocks.length, rng).slice(0, k);
      values.push(await accuracy(drawn.map((i) => blocks[i] as string)));
    }
    byK.push({
      k,
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      min: Math.min(...values),
      max: Math.max(...values),
    });
  }
  return { blocks, intact, perBlock, byK };
}

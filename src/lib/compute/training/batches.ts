/**
 * Which examples go into which mini-batch: a fresh seeded order every epoch for training (so a
 * run is reproducible yet each epoch mixes the batches differently), the plain order for
 * evaluation.
 */
import { permutation } from '../../data/shuffle.ts';
import { deriveSeed, mulberry32 } from '../../math/rng.ts';

/**
 * The indices 0…count−1 shuffled for epoch `epoch` of the run seeded `seed`, cut into batches
 * of `batchSize` (the last one may be smaller). Same arguments, same batches.
 */
export function shuffledBatches(count: number, batchSize: number, seed: number, epoch: number): number[][] {
  return chunk(permutation(count, mulberry32(deriveSeed(seed, `epoch${epoch}`))), batchSize);
}

/** The indices 0…count−1 in order, cut into batches of `batchSize` (the last one may be smaller). */
export function sequentialBatches(count: number, batchSize: number): number[][] {
  return chunk(
    Array.from({ length: count }, (_, i) => i),
    batchSize,
  );
}

function chunk(indices: readonly number[], size: number): number[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a positive integer, got ${size}`);
  const batches: number[][] = [];
  for (let i = 0; i < indices.length; i += size) batches.push(indices.slice(i, i + size));
  return batches;
}

/**
 * Seeded synthetic inputs for experiments that need "an image batch" but no particular image:
 * the same seed gives the same batch on every backend.
 */
import { mulberry32 } from '../math/rng.ts';

/** N(0, 1) pixels, [batch, h, w, c] row-major, from `seed`. */
export function gaussianImages(seed: number, batch: number, shape: readonly [number, number, number]): Float32Array {
  const rng = mulberry32(seed);
  const values = new Float32Array(batch * shape[0] * shape[1] * shape[2]);
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return values;
}

/** Labels in [0, classes), one per example, from `seed`. */
export function randomLabels(seed: number, batch: number, classes: number): Int32Array {
  const rng = mulberry32(seed ^ 0x9e3779b9);
  return Int32Array.from({ length: batch }, () => Math.floor(rng.uniform() * classes));
}

/**
 * Seeded permutations, for the MNIST split and for the order of training batches. The
 * generator is math/rng.ts's mulberry32, which is plain JavaScript (no TF.js), so the data
 * layer can use it and the split is the same wherever it is computed.
 */
import type { Rng } from '../math/rng.ts';

/**
 * The numbers 0…count−1 in a random order drawn from `rng` (Fisher–Yates: every order equally
 * likely). Advances `rng` by count − 1 draws.
 */
export function permutation(count: number, rng: Rng): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}

/**
 * Loss-landscape slices (Li et al. 2018): the loss at θ + α·d₁ (1-D) or θ + α·d₁ + β·d₂ (2-D)
 * around a network's trained weights θ, along filter-normalised directions, on a fixed batch.
 * The network's weights are moved in place and always restored, even when a step throws or is
 * cancelled.
 */
import type { Network } from '../network.ts';
import * as tf from '../tf.ts';
import type { Direction } from './directions.ts';

export interface SliceOptions {
  /** Awaited between points, so a job can report progress or stop (by throwing). */
  readonly onPoint?: (done: number, total: number) => void | Promise<void>;
}

/**
 * `loss()` (e.g. the mean cross-entropy on a fixed batch, nats) at each (α, β) of the grid
 * `alphas` × `betas`, [betas.length][alphas.length]; with `d2` null, one row at β = 0.
 */
export async function lossSlice(
  net: Network,
  loss: () => Promise<number>,
  d1: Direction,
  d2: Direction | null,
  alphas: readonly number[],
  betas: readonly number[],
  options: SliceOptions = {},
): Promise<number[][]> {
  const keys = Object.keys(d1);
  const origin = new Map(keys.map((key) => [key, tf.clone(net.weights.get(key) as tf.Variable)]));
  const onDevice = (d: Direction): Map<string, tf.Tensor> =>
    new Map(keys.map((key) => [key, tf.tensor(d[key] as Float32Array, origin.get(key)?.shape)]));
  const dir1 = onDevice(d1);
  const dir2 = d2 === null ? null : onDevice(d2);
  const rows = dir2 === null ? [0] : betas;
  const total = rows.length * alphas.length;
  try {
    const grid: number[][] = [];
    for (const beta of rows) {
      const row: number[] = [];
      for (const alpha of alphas) {
        tf.tidy(() => {
          for (const key of keys) {
            let moved = tf.add(origin.get(key) as tf.Tensor, tf.mul(dir1.get(key) as tf.Tensor, alpha));
            if (dir2 !== null && beta !== 0) moved = tf.add(moved, tf.mul(dir2.get(key) as tf.Tensor, beta));
            (net.weights.get(key) as tf.Variable).assign(moved);
          }
        });
        row.push(await loss());
        await options.onPoint?.(grid.length * alphas.length + row.length, total);
      }
      grid.push(row);
    }
    return grid;
  } finally {
    for (const [key, value] of origin) (net.weights.get(key) as tf.Variable).assign(value);
    tf.dispose([...origin.values(), ...dir1.values(), ...(dir2?.values() ?? [])]);
  }
}

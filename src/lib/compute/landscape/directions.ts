/**
 * Filter-normalised random directions in weight space (Li, Xu, Taylor, Studer, Goldstein 2018,
 * §4): a Gaussian direction d with each filter d_f rescaled to the norm of the weights' filter,
 * d_f ← d_f / ‖d_f‖ · ‖θ_f‖. A filter is one output unit's slice of a kernel: [kh, kw, in] of a
 * conv kernel [kh, kw, in, out], one column of a dense kernel [in, out]. Biases and batch-norm
 * parameters get no direction (zero), as in the paper, so a slice moves only the kernels.
 */
import type { Network } from '../network.ts';
import { mulberry32 } from '../../math/rng.ts';

/** A direction: values per weight key (row-major, the weight's shape), kernels only. */
export type Direction = Readonly<Record<string, Float32Array>>;

/** Filters of a kernel stored row-major with the output unit last: `size / units` values each, stride `units`. */
function filterNorms(values: Float32Array, units: number): Float64Array {
  const norms = new Float64Array(units);
  for (let i = 0; i < values.length; i++) {
    const unit = i % units;
    norms[unit] = (norms[unit] as number) + (values[i] as number) ** 2;
  }
  return norms.map(Math.sqrt);
}

/**
 * A filter-normalised direction for `net`'s trainable kernels, drawn from `seed`: same seed,
 * same direction. Reads the current weights (async, from the device).
 */
export async function filterNormalizedDirection(net: Network, seed: number): Promise<Direction> {
  const rng = mulberry32(seed);
  const direction: Record<string, Float32Array> = {};
  for (const planned of net.plan) {
    const weight = net.weights.get(planned.key);
    if (planned.name !== 'kernel' || !weight?.trainable) continue;
    const values = (await weight.data()) as Float32Array;
    const units = weight.shape[weight.shape.length - 1] ?? 1;
    const d = Float32Array.from({ length: values.length }, () => rng.normal());
    const target = filterNorms(values, units);
    const current = filterNorms(d, units);
    for (let i = 0; i < d.length; i++) {
      const unit = i % units;
      const norm = current[unit] as number;
      d[i] = norm === 0 ? 0 : ((d[i] as number) / norm) * (target[unit] as number);
    }
    direction[planned.key] = d;
  }
  return direction;
}

/** ‖d_f‖ per filter of one kernel's direction or weights, [units]: what the normalisation equalises. */
export function perFilterNorms(values: Float32Array, units: number): number[] {
  return Array.from(filterNorms(values, units));
}

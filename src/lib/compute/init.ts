/**
 * Initial values of weight tensors, computed in JavaScript from a seed (see rng.ts) so that
 * every backend starts from bit-identical weights.
 */
import { rngFor, type Rng } from '../math/rng.ts';
import type { PlannedWeight } from './weight-plan.ts';

/**
 * How kernels (and LeNet-5's subsampling coefficients) start. Biases start at 0, batch norm at
 * γ = 1, β = 0, running mean 0, running variance 1, whatever the scheme.
 * - `he`: N(0, 2/fan_in) (He et al. 2015), for ReLU networks.
 * - `glorot`: U(−a, a) with a = √(6/(fan_in + fan_out)) (Glorot & Bengio 2010).
 * - `normal`: N(0, σ²) with σ = `normalStd` (default 0.01): the naive fixed-scale init that made
 *   deep plain networks hard to train before He init and batch norm.
 * - `uniform`: every weight equal to 1/fan_in, so each unit averages its inputs: Luo et al.
 *   2016's "uniform" weighting. Deterministic and positive, hence with positive inputs and ReLU
 *   the network stays linear and every input pixel in a unit's theoretical receptive field
 *   gets a strictly positive gradient.
 */
export type InitScheme = 'he' | 'glorot' | 'normal' | 'uniform';

export interface InitOptions {
  readonly init: InitScheme;
  /** Base seed; each tensor draws from its own stream derived from the seed and its key. */
  readonly seed: number;
  /** σ of the `normal` scheme. Default 0.01. */
  readonly normalStd?: number;
}

/**
 * Values for one planned tensor, row-major in its TF.js shape: Float32Array of `weight.size`.
 * `mask` (same length, 0/1), when given, zeroes unconnected kernel entries.
 */
export function initialValues(weight: PlannedWeight, options: InitOptions, mask?: Float32Array): Float32Array {
  const values = new Float32Array(weight.size);
  const rng = rngFor(options.seed, weight.key);
  switch (weight.name) {
    case 'gamma':
    case 'movingVariance':
      values.fill(1);
      break;
    case 'beta':
    case 'movingMean':
    case 'bias':
      break;
    case 'centers':
      // LeCun et al. chose the RBF prototypes by hand as ±1 bitmaps of stylised characters;
      // we draw ±1 at random from the seed, which keeps their scale and spread.
      for (let i = 0; i < values.length; i++) values[i] = rng.uniform() < 0.5 ? -1 : 1;
      break;
    case 'kernel':
    case 'coefficient':
      fill(values, sampler(weight, options, rng));
      break;
  }
  if (mask !== undefined) {
    for (let i = 0; i < values.length; i++) if (mask[i] === 0) values[i] = 0;
  }
  return values;
}

function sampler(weight: PlannedWeight, options: InitOptions, rng: Rng): () => number {
  switch (options.init) {
    case 'he': {
      const std = Math.sqrt(2 / weight.fanIn);
      return () => std * rng.normal();
    }
    case 'glorot': {
      const limit = Math.sqrt(6 / (weight.fanIn + weight.fanOut));
      return () => limit * (2 * rng.uniform() - 1);
    }
    case 'normal': {
      const std = options.normalStd ?? 0.01;
      return () => std * rng.normal();
    }
    case 'uniform': {
      const value = 1 / weight.fanIn;
      return () => value;
    }
  }
}

function fill(values: Float32Array, next: () => number): void {
  for (let i = 0; i < values.length; i++) values[i] = next();
}

/**
 * What the effective-receptive-field experiment claims and how a run is judged (Luo et al. 2016
 * §2): in a plain stack of n convolutions with uniform weights, the standard deviation σ of the
 * gradient mass grows like √n, so σ against depth on log-log axes has slope 0.5. Pure: no TF.js.
 */
import { logLogSlope } from '../../../math/erf-stats.ts';

/** The exponent Luo et al. derive for σ against depth. */
export const ERF_EXPECTED_SLOPE = 0.5;
/** How far a fitted exponent may sit from ERF_EXPECTED_SLOPE and still count as √n. */
export const ERF_SLOPE_TOLERANCE = 0.1;

/** One measured unit: its depth (convolutions from the input) and its σ, input pixels. */
export interface ErfGrowthPoint {
  readonly depth: number;
  readonly sigma: number;
}

export interface ErfVerdict {
  readonly verdict: 'reproduced' | 'not reproduced';
  /** Least-squares slope of ln σ against ln depth over the plain net's points. */
  readonly slope: number;
}

/** Judges the plain net's growth points: reproduced when the fitted exponent is 0.5 ± 0.1. */
export function erfVerdict(plain: readonly ErfGrowthPoint[]): ErfVerdict {
  if (plain.length < 2) throw new Error('a slope needs at least two depths');
  const slope = logLogSlope(
    plain.map((p) => p.depth),
    plain.map((p) => p.sigma),
  );
  const reproduced = Math.abs(slope - ERF_EXPECTED_SLOPE) <= ERF_SLOPE_TOLERANCE;
  return { verdict: reproduced ? 'reproduced' : 'not reproduced', slope };
}

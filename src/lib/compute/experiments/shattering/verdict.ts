/**
 * What the shattering experiment claims and how a run is judged (Balduzzi et al. 2017): in a
 * plain ReLU network with batch norm the correlation of neighbouring inputs' gradients decays
 * with depth until they are as uncorrelated as white noise, while a residual network keeps them
 * correlated. The chapter's wording: "beyond about 20 layers the plain net's neighbouring
 * gradients are uncorrelated, while the residual twin keeps a clear correlation at every depth".
 * Pure: no TF.js.
 */

/** Depths from this one on count as "beyond about 20 layers". */
export const SHATTERED_FROM_DEPTH = 24;
/** A mean |correlation| below this is uncorrelated. */
export const UNCORRELATED = 0.1;
/** A correlation at or above this is clear. */
export const CLEARLY_CORRELATED = 0.3;

export interface ShatteringVerdict {
  readonly verdict: 'reproduced' | 'not reproduced';
  /** Mean |correlation| of the plain net over depths ≥ SHATTERED_FROM_DEPTH. */
  readonly plainDeep: number;
  /** The residual net's lowest correlation over all depths. */
  readonly residualMin: number;
}

/**
 * Judges a depth sweep: `depths` ascending, with the plain and residual nets' neighbouring-gradient
 * correlations [depths.length] (NaN where no gradient reached the input, which is not a shattered one).
 */
export function shatteringVerdict(
  depths: readonly number[],
  plain: readonly number[],
  residual: readonly number[],
): ShatteringVerdict {
  const deep = depths.flatMap((d, i) => (d >= SHATTERED_FROM_DEPTH ? [Math.abs(plain[i]!)] : []));
  if (deep.length === 0) throw new Error(`the sweep must reach depth ${SHATTERED_FROM_DEPTH}`);
  const plainDeep = deep.reduce((a, b) => a + b, 0) / deep.length;
  const residualMin = Math.min(...residual);
  const reproduced = plainDeep < UNCORRELATED && residualMin >= CLEARLY_CORRELATED; // NaN fails both
  return { verdict: reproduced ? 'reproduced' : 'not reproduced', plainDeep, residualMin };
}

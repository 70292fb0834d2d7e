/**
 * What the gradient-flow experiment claims at the explorer's defaults (sigmoid units, weights
 * from N(0, 0.01²), no batch norm; the chapter's "worst case") and how a run is judged: the plain
 * net's gradient falls by orders of magnitude towards layer 1, while its residual twin's does
 * not fall (Vanishing gradients, "See it"). Pure: no TF.js.
 */

/**
 * A first-to-last ratio ‖∂L/∂h_1‖ / ‖∂L/∂h_L‖ below this counts as vanished: layer 1 gets less
 * than a thousandth of the last layer's gradient (0, an underflow, included).
 */
export const VANISHED_RATIO = 1e-3;
/** The residual twin's ratio must stay within this factor of 1 (one order of magnitude either way). */
export const KEPT_FACTOR = 10;

export interface GradientFlowVerdict {
  readonly verdict: 'reproduced' | 'not reproduced';
  readonly plainVanished: boolean;
  readonly residualKept: boolean;
}

/** Judges one depth's first-to-last ratios of the plain net and its residual twin. */
export function gradientFlowVerdict(plainRatio: number, residualRatio: number): GradientFlowVerdict {
  const plainVanished = plainRatio < VANISHED_RATIO;
  const residualKept = residualRatio >= 1 / KEPT_FACTOR && residualRatio <= KEPT_FACTOR;
  return { verdict: plainVanished && residualKept ? 'reproduced' : 'not reproduced', plainVanished, residualKept };
}

/**
 * Summary numbers of the gradient-flow explorer, from plain arrays (no TF.js): the
 * first-to-last gradient ratio and where a depth sweep first drops below a threshold.
 */

/** ‖∂L/∂h_1‖ / ‖∂L/∂h_L‖ for per-layer norms [L] (layer 1 first); NaN for an empty list. */
export function firstLastRatio(norms: readonly number[]): number {
  if (norms.length === 0) return Number.NaN;
  return (norms[0] as number) / (norms[norms.length - 1] as number);
}

/**
 * The first depth of a sweep whose ratio is below `threshold`, or null when none is.
 * `depths` ascending, `ratios` [depths.length].
 */
export function firstDepthBelow(
  depths: readonly number[],
  ratios: readonly number[],
  threshold: number,
): number | null {
  const i = ratios.findIndex((r) => r < threshold);
  return i < 0 ? null : (depths[i] ?? null);
}

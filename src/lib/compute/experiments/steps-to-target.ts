/**
 * How fast a network trains, as the side-by-side experiments count it: the first step at which
 * its training error, smoothed as the widgets' curves are (src/lib/math/moving-average.ts),
 * reaches a target. Pure: no TF.js, so a page and a headless run count the same steps.
 */
import { smoothed } from '../../math/moving-average.ts';

/** The first step (1-based) at which `net`'s smoothed training error is at most `targetError` (0–1), or null. */
export function stepsToTarget<N extends string>(
  steps: readonly { readonly nets: Readonly<Record<N, { readonly accuracy: number }>> }[],
  net: N,
  targetError: number,
): number | null {
  let accuracy: number | undefined;
  for (let i = 0; i < steps.length; i++) {
    accuracy = smoothed(accuracy, steps[i]!.nets[net].accuracy);
    if (1 - accuracy <= targetError) return i + 1;
  }
  return null;
}

/**
 * The moving average training curves are smoothed with (one batch is noisy): an exponential
 * moving average that starts at the first value and lets a non-finite value pass unseen. The
 * widgets' curves and the experiments' step counts both use it, so they count the same steps.
 */

/** Weight of the newest value. */
export const SMOOTHING = 0.1;

/** The average after `value`, given the average so far (undefined before the first value). */
export function smoothed(previous: number | undefined, value: number): number {
  if (previous === undefined || !Number.isFinite(previous)) return value;
  return Number.isFinite(value) ? previous + SMOOTHING * (value - previous) : previous;
}

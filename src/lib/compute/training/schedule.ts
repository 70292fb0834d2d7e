/**
 * Learning-rate schedules: η as a function of the step number, for `trainEpoch`'s
 * `learningRate` option.
 */

/** A warm-up-then-cosine schedule, in steps (see {@link cosineLearningRate}). */
export interface CosineSchedule {
  /** Largest learning rate η, reached at the end of the warm-up. */
  readonly peak: number;
  /** Steps of linear warm-up from peak/warmupSteps to peak (0 for none). */
  readonly warmupSteps: number;
  /** Steps of the whole run; η decays to `floor` at the last one. */
  readonly totalSteps: number;
  /** η at the end, default 0. */
  readonly floor?: number;
}

/**
 * η at step `step` (0-based, counted over the whole run): a linear warm-up, then half a cosine
 * from `peak` down to `floor` (Loshchilov & Hutter 2017, without restarts). Warming up keeps
 * the first momentum steps from overshooting while the initial weights are far off; the slow
 * start and end of the cosine spend most steps at a large η, then settle into a minimum.
 */
export function cosineLearningRate(schedule: CosineSchedule, step: number): number {
  const { peak, warmupSteps, totalSteps } = schedule;
  const floor = schedule.floor ?? 0;
  if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, totalSteps - warmupSteps - 1);
  const progress = Math.min(1, (step - warmupSteps) / decaySteps);
  return floor + ((peak - floor) * (1 + Math.cos(Math.PI * progress))) / 2;
}

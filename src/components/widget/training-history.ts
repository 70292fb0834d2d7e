/**
 * A side-by-side training run's history on the page: every step's losses and accuracies per
 * network as the worker streams them, smoothed for the curves (an exponential moving average,
 * as training plots usually are: one batch is noisy), thinned for drawing, and the steps/s of
 * recent steps. The skip-connection lab and the ReLU-vs-tanh experiment both keep one.
 */
import type { Timed } from '../../lib/compute/jobs/side-by-side-train.ts';
import type { SideBySideStep } from '../../lib/compute/training/side-by-side.ts';
import { smoothed } from '../../lib/math/moving-average.ts';

export { SMOOTHING } from '../../lib/math/moving-average.ts';

/** Most points a curve is drawn with (the table and the summary use every step). */
export const MAX_POINTS = 300;
/** Steps/s is measured over this many recent steps. */
const RATE_WINDOW = 20;

export type Metric = 'loss' | 'accuracy';

/** One smoothed value per net at one step. */
export interface SmoothedStep<N extends string> {
  readonly step: number;
  readonly values: Readonly<Record<N, Record<Metric, number>>>;
}

export class SideBySideHistory<N extends string> {
  readonly names: readonly N[];
  #steps: Timed<SideBySideStep<N>>[] = [];
  #smoothed: SmoothedStep<N>[] = [];

  /** A history of the networks `names`. */
  constructor(names: readonly N[]) {
    this.names = names;
  }

  /** Appends one step (in order). */
  push(step: Timed<SideBySideStep<N>>): void {
    const previous = this.#smoothed.at(-1);
    const values = {} as Record<N, Record<Metric, number>>;
    for (const net of this.names) {
      const now = step.nets[net];
      const before = previous?.values[net];
      const ema = (metric: Metric): number => smoothed(before?.[metric], now[metric]);
      values[net] = { loss: ema('loss'), accuracy: ema('accuracy') };
    }
    this.#steps.push(step);
    this.#smoothed.push({ step: step.step, values });
  }

  /** Forgets everything (a reset). */
  clear(): void {
    this.#steps = [];
    this.#smoothed = [];
  }

  get length(): number {
    return this.#steps.length;
  }

  /** Every step as the worker streamed it (unsmoothed), in order. */
  get steps(): readonly Timed<SideBySideStep<N>>[] {
    return this.#steps;
  }

  /** The latest smoothed values, or null before the first step. */
  get latest(): SmoothedStep<N> | null {
    return this.#smoothed.at(-1) ?? null;
  }

  /** Smoothed [step, value] points of `net`, at most MAX_POINTS, always with the last step. */
  points(net: N, metric: Metric, transform: (value: number) => number = (v) => v): [number, number][] {
    const every = Math.max(1, Math.ceil(this.#smoothed.length / MAX_POINTS));
    const picked = this.#smoothed.filter((_, i) => i % every === 0 || i === this.#smoothed.length - 1);
    return picked.map((s) => [s.step, transform(s.values[net][metric])]);
  }

  /** Smoothed steps whose step number is a multiple of `every`, for the Data table. */
  rows(every: number): SmoothedStep<N>[] {
    return this.#smoothed.filter((s) => s.step % every === 0);
  }

  /** The first step at which `net`'s smoothed `metric` satisfies `reached`, or null. */
  firstStep(net: N, metric: Metric, reached: (value: number) => boolean): number | null {
    return this.#smoothed.find((s) => reached(s.values[net][metric]))?.step ?? null;
  }

  /** Training steps per second (all networks) over the recent steps; 0 before any. */
  stepsPerSecond(): number {
    const recent = this.#steps.slice(-RATE_WINDOW);
    const ms = recent.reduce((sum, s) => sum + s.ms, 0);
    return ms > 0 ? (1000 * recent.length) / ms : 0;
  }
}

/**
 * The lab's training history on the page: every step's losses and accuracies as the worker
 * streams them, smoothed for the curves (an exponential moving average, as training plots
 * usually are: one batch is noisy), thinned for drawing, and the steps/s of recent steps.
 */
import type { LabTrainProgress } from '../../lib/compute/jobs/lab.ts';
import { LAB_NETS, type LabNet } from '../../lib/compute/lab/config.ts';

/** Weight of the newest step in the moving average. */
export const SMOOTHING = 0.1;
/** Most points a curve is drawn with (the table and the summary use every step). */
export const MAX_POINTS = 300;
/** Steps/s is measured over this many recent steps. */
const RATE_WINDOW = 20;

export type Metric = 'loss' | 'accuracy';

/** One smoothed value per net at one step. */
export interface SmoothedStep {
  readonly step: number;
  readonly values: Readonly<Record<LabNet, Record<Metric, number>>>;
}

export class TrainingHistory {
  #steps: LabTrainProgress[] = [];
  #smoothed: SmoothedStep[] = [];

  /** Appends one step (in order). */
  push(step: LabTrainProgress): void {
    const previous = this.#smoothed.at(-1);
    const values = {} as Record<LabNet, Record<Metric, number>>;
    for (const net of LAB_NETS) {
      const now = step.nets[net];
      const before = previous?.values[net];
      const ema = (metric: Metric): number => {
        const x = now[metric];
        const last = before?.[metric];
        if (last === undefined || !Number.isFinite(last)) return x;
        return Number.isFinite(x) ? last + SMOOTHING * (x - last) : last;
      };
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

  /** The latest smoothed values, or null before the first step. */
  get latest(): SmoothedStep | null {
    return this.#smoothed.at(-1) ?? null;
  }

  /** Smoothed [step, value] points of `net`, at most MAX_POINTS, always with the last step. */
  points(net: LabNet, metric: Metric): [number, number][] {
    const every = Math.max(1, Math.ceil(this.#smoothed.length / MAX_POINTS));
    const picked = this.#smoothed.filter((_, i) => i % every === 0 || i === this.#smoothed.length - 1);
    return picked.map((s) => [s.step, s.values[net][metric]]);
  }

  /** Smoothed steps whose step number is a multiple of `every`, for the Data table. */
  rows(every: number): SmoothedStep[] {
    return this.#smoothed.filter((s) => s.step % every === 0);
  }

  /** Training steps per second (all three nets) over the recent steps; 0 before any. */
  stepsPerSecond(): number {
    const recent = this.#steps.slice(-RATE_WINDOW);
    const ms = recent.reduce((sum, s) => sum + s.ms, 0);
    return ms > 0 ? (1000 * recent.length) / ms : 0;
  }
}

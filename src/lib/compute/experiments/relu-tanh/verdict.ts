/**
 * What the ReLU-vs-tanh experiment claims and how a run is judged (Krizhevsky et al. 2012 §3.1,
 * Fig. 1): a net of ReLUs reaches a target training error several times faster than the same
 * net of tanh units. Pure: no TF.js. Training error is smoothed as the widget's curves are
 * (src/lib/math/moving-average.ts), so the page and the headless run count the same steps.
 */
import { stepsToTarget } from '../steps-to-target.ts';
import type { ReluTanhNet } from '../../relu-tanh/config.ts';

export { stepsToTarget };

/** Reproduced when ReLU needs at most this fraction of tanh's steps (Fig. 1: six times fewer). */
export const RELU_TANH_MAX_RATIO = 0.5;

/** Each net's batch accuracy at one step. */
export interface ReluTanhRecord {
  readonly nets: Readonly<Record<ReluTanhNet, { readonly accuracy: number }>>;
}

export interface ReluTanhVerdict {
  readonly verdict: 'reproduced' | 'not reproduced';
  /** Steps each net needed to reach the target, null when it did not within the run. */
  readonly stepsToTarget: Readonly<Record<ReluTanhNet, number | null>>;
  /** tanh's steps ÷ ReLU's; a lower bound when tanh did not reach the target; null when ReLU did not. */
  readonly speedup: number | null;
}

/** Reproduced when ReLU reached the target in at most half of tanh's steps (or tanh never did in the run). */
export function reluTanhVerdict(steps: readonly ReluTanhRecord[], targetError: number): ReluTanhVerdict {
  const relu = stepsToTarget(steps, 'relu', targetError);
  const tanh = stepsToTarget(steps, 'tanh', targetError);
  const speedup = relu === null ? null : (tanh ?? steps.length) / relu;
  const reproduced =
    relu !== null && (tanh === null ? relu <= steps.length * RELU_TANH_MAX_RATIO : relu <= tanh * RELU_TANH_MAX_RATIO);
  return { verdict: reproduced ? 'reproduced' : 'not reproduced', stepsToTarget: { relu, tanh }, speedup };
}

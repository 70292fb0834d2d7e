/**
 * What the degradation experiment claims and how a run is judged (He et al. 2016): a deeper
 * plain network ends with a higher training loss than a shallower one (Fig. 1, §1 "the
 * degradation problem"), while the residual twin of the deeper net trains at least as well as
 * the shallower one (Fig. 6, §4.2). Pure: no TF.js, so the page words its verdict from the same
 * rule the headless run applies.
 */
import type { LabNet } from '../../lab/config.ts';

/** One network's training numbers over the end of a run. */
export interface TrainingTail {
  /** Mean training cross-entropy over the last 10% of steps (at least one), nats. */
  readonly trainLoss: number;
  /** Mean fraction of training examples misclassified over the same steps, 0–1. */
  readonly trainError: number;
}

/** The step records a tail is taken from: each network's batch loss and accuracy at one step. */
export interface StepRecord {
  readonly nets: Readonly<Record<LabNet, { readonly loss: number; readonly accuracy: number }>>;
}

/** Fraction of the run's steps the tail averages. */
export const TAIL_FRACTION = 0.1;

/**
 * The deep plain net must end at least this far (nats) above the shallow one for the run to
 * show Fig. 1's gap; a smaller difference is within what seeds alone move (see
 * docs/experiments/degradation.md).
 */
export const DEGRADATION_MIN_GAP = 0.05;

/** Each network's mean loss and error over the last 10% of `steps` (all three nets). */
export function trainingTails(steps: readonly StepRecord[]): Record<LabNet, TrainingTail> {
  if (steps.length === 0) throw new Error('a verdict needs at least one training step');
  const tail = steps.slice(-Math.max(1, Math.round(steps.length * TAIL_FRACTION)));
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const of = (net: LabNet): TrainingTail => ({
    trainLoss: mean(tail.map((s) => s.nets[net].loss)),
    trainError: 1 - mean(tail.map((s) => s.nets[net].accuracy)),
  });
  return { shallow: of('shallow'), plain: of('plain'), residual: of('residual') };
}

/** A run's verdict, with the two gaps it rests on (nats of training loss). */
export interface DegradationVerdict {
  readonly verdict: 'reproduced' | 'not reproduced';
  /** Deep plain minus shallow plain: Fig. 1's gap, positive when the deeper net trains worse. */
  readonly plainGap: number;
  /** Residual minus shallow plain: Fig. 6's, zero or negative when the residual net trains as well or better. */
  readonly residualGap: number;
}

/** Reproduced when the deep plain net is at least DEGRADATION_MIN_GAP above the shallow one and the residual net is not above it. */
export function degradationVerdict(tails: Readonly<Record<LabNet, TrainingTail>>): DegradationVerdict {
  const plainGap = tails.plain.trainLoss - tails.shallow.trainLoss;
  const residualGap = tails.residual.trainLoss - tails.shallow.trainLoss;
  const reproduced = plainGap >= DEGRADATION_MIN_GAP && residualGap <= 0;
  return { verdict: reproduced ? 'reproduced' : 'not reproduced', plainGap, residualGap };
}

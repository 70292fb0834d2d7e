/**
 * What the batch-norm experiment claims and how a run is judged. Two claims, both measured on
 * the same run:
 * - faster training (Ioffe & Szegedy 2015 §4.1, Fig. 1a): the net with batch norm reaches a
 *   target training error in at most half the steps of the same net without it;
 * - the train/eval gap (§3.1, Algorithm 2): early in training the batch-norm net scores
 *   differently on held-out digits in train mode (batch statistics) than in eval mode (the
 *   running averages, which lag the weights); the gap closes as the averages settle.
 * Pure: no TF.js, so the page words its verdict from the same rule the headless run applies.
 */
import type { BatchNormNet } from '../../../data/batch-norm-settings.ts';
import { stepsToTarget } from '../steps-to-target.ts';

/** The training error (smoothed, 0–1) both nets race to. */
export const BATCH_NORM_TARGET_ERROR = 0.15;
/** Faster when batch norm needs at most this fraction of the plain net's steps. */
export const BATCH_NORM_MAX_RATIO = 0.5;
/** The first check must show at least this gap (accuracy, 0–1) between the two modes. */
export const BATCH_NORM_MIN_EARLY_GAP = 0.05;
/** Closed when the gap at the end is at most this fraction of the early one. */
export const BATCH_NORM_CLOSED_FRACTION = 0.5;
/** The end of a run: the mean over this fraction of its checks (at least one). */
export const BATCH_NORM_TAIL_FRACTION = 0.1;

/** One step's record as the verdict reads it: batch accuracies, and the held-out check when taken. */
export interface BatchNormRecord {
  readonly step: number;
  readonly nets: Readonly<Record<BatchNormNet, { readonly accuracy: number }>>;
  readonly check?: {
    readonly bnEval: { readonly accuracy: number };
    readonly bnTrain: { readonly accuracy: number };
  };
}

export interface BatchNormVerdict {
  readonly verdict: 'reproduced' | 'not reproduced';
  /** Steps each net needed to reach the target training error, null when it did not within the run. */
  readonly stepsToTarget: Readonly<Record<BatchNormNet, number | null>>;
  /** Plain's steps ÷ batch norm's; a lower bound when the plain net did not reach the target; null when batch norm did not. */
  readonly speedup: number | null;
  /** Batch norm reached the target in at most half the plain net's steps (or of the run, when the plain net never did). */
  readonly faster: boolean;
  /** Held-out accuracy in train mode minus eval mode at the first check, 0–1; null before it. */
  readonly earlyGap: number | null;
  /** The same difference, mean over the last checks; null with fewer than two checks. */
  readonly finalGap: number | null;
  /** The early gap was at least BATCH_NORM_MIN_EARLY_GAP and the final one at most half of it. */
  readonly gapCloses: boolean;
}

/** Held-out accuracy, train mode minus eval mode, at each check of `steps`. */
export function modeGaps(steps: readonly BatchNormRecord[]): { step: number; gap: number }[] {
  return steps.flatMap((s) =>
    s.check ? [{ step: s.step, gap: s.check.bnTrain.accuracy - s.check.bnEval.accuracy }] : [],
  );
}

/** Judges a run (or the part of it so far) by both claims. */
export function batchNormVerdict(
  steps: readonly BatchNormRecord[],
  targetError = BATCH_NORM_TARGET_ERROR,
): BatchNormVerdict {
  const bn = stepsToTarget(steps, 'bn', targetError);
  const plain = stepsToTarget(steps, 'plain', targetError);
  const speedup = bn === null ? null : (plain ?? steps.length) / bn;
  const faster =
    bn !== null && (plain === null ? bn <= steps.length * BATCH_NORM_MAX_RATIO : bn <= plain * BATCH_NORM_MAX_RATIO);
  const gaps = modeGaps(steps);
  const earlyGap = gaps[0]?.gap ?? null;
  const tail = gaps.slice(1).slice(-Math.max(1, Math.round(gaps.length * BATCH_NORM_TAIL_FRACTION)));
  const finalGap = tail.length === 0 ? null : tail.reduce((sum, g) => sum + g.gap, 0) / tail.length;
  const gapCloses =
    earlyGap !== null &&
    finalGap !== null &&
    Math.abs(earlyGap) >= BATCH_NORM_MIN_EARLY_GAP &&
    Math.abs(finalGap) <= Math.abs(earlyGap) * BATCH_NORM_CLOSED_FRACTION;
  return {
    verdict: faster && gapCloses ? 'reproduced' : 'not reproduced',
    stepsToTarget: { plain, bn },
    speedup,
    faster,
    earlyGap,
    finalGap,
    gapCloses,
  };
}

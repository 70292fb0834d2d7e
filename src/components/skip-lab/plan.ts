/**
 * From the lab's URL state to what the worker runs and what the page shows: the run's
 * configuration, the networks' names, the degradation verdict, and the rows of the Data tables.
 * Pure, so it is unit-tested without a browser.
 */
import type { NumbersStrings, RecordedRunStrings, SkipLabStrings } from '../../i18n/strings.ts';
import type { LabLandscapeResult, LabLesionResult, LabFlowResult } from '../../lib/compute/jobs/lab.ts';
import type { LabConfig, LabNet } from '../../lib/compute/lab/config.ts';
import {
  DEGRADATION_MIN_GAP,
  degradationVerdict,
  trainingTails,
} from '../../lib/compute/experiments/degradation/verdict.ts';
import type { SkipLabState } from '../../lib/state/schemas/skip-lab.ts';
import { formatNorm } from '../widget/format-norm.ts';
import type { Metric, SideBySideHistory } from '../widget/training-history.ts';
import { recordsConfig } from '../../lib/data/recorded-run.ts';
import type { Recording } from '../widget/recorded-run.ts';

/** Steps per job: long enough to amortise a message, short enough to pause at once. */
export const CHUNK_STEPS = 5;
/** The lesion study: up to this many blocks deleted at once, this many random draws each. */
export const LESION_MAX_K = 6;
export const LESION_TRIALS = 3;
/** The landscape: 1-D points, 2-D grid side, span of α and β, training digits averaged. */
export const LANDSCAPE = { points: 17, grid: 9, span: 1, seed: 7, sampleCount: 128 } as const;
/** Training digits the trained nets' gradient flow is measured on. */
export const FLOW_SAMPLES = 64;
/** Fewest steps before the verdict compares the curves. */
export const VERDICT_MIN_STEPS = 30;

/**
 * The run's configuration. An impossible baseline (not shallower than the deep nets) is moved
 * to the deepest allowed one, and a warm-up as long as the run is cut to one step less, each with a notice.
 */
export function labConfig(t: SkipLabStrings, state: SkipLabState): { config: LabConfig; notices: string[] } {
  const shallowDepth = state.shallow < state.depth ? state.shallow : state.depth - 6;
  const notices = shallowDepth === state.shallow ? [] : [t.impossible(state.depth, shallowDepth)];
  const warmupSteps = Math.min(state.warmup, state.steps - 1);
  if (warmupSteps !== state.warmup) notices.push(t.warmupTooLong(state.steps, warmupSteps));
  return {
    config: {
      depth: state.depth,
      shallowDepth,
      width: state.width,
      batch: state.batch,
      learningRate: state.lr,
      momentum: state.momentum,
      weightDecay: state.decay,
      schedule: state.schedule,
      warmupSteps,
      totalSteps: state.steps,
      seed: 1,
    },
    notices,
  };
}

/** The residual block ids of the lab's deep nets, in order: stage1.block0 … (n = (depth − 2) / 6 per stage). */
export function labBlocks(config: LabConfig): string[] {
  const perStage = (config.depth - 2) / 6;
  return [1, 2, 3].flatMap((stage) => Array.from({ length: perStage }, (_, b) => `stage${stage}.block${b}`));
}

/** The three networks' names, e.g. plain-20, ResNet-20, plain-8. */
export function netLabels(t: SkipLabStrings, config: LabConfig): Record<LabNet, string> {
  return t.netNames(config.depth, config.shallowDepth);
}

/** A loss for reading: 3 significant digits. */
export function formatLoss(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(3) : '—';
}

/** An accuracy 0–1 as a percentage with one decimal. */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${(100 * value).toFixed(1)}%` : '—';
}

/**
 * What the run shows so far, in words, judged by the degradation experiment's own rule
 * (verdict.ts, the one `npm run experiment -- degradation` applies): each net's mean training loss
 * over the last 10% of steps so far, the deep plain net against the shallow one, and the
 * residual net against the shallow one.
 */
export function degradationSummary(t: SkipLabStrings, history: SideBySideHistory<LabNet>, config: LabConfig): string {
  if (history.latest === null) return t.verdictEmpty;
  if (history.length < VERDICT_MIN_STEPS) return t.verdictEarly;
  const tails = trainingTails(history.steps);
  const { verdict, plainGap, residualGap } = degradationVerdict(tails);
  const names = netLabels(t, config);
  const losses = {
    plain: formatLoss(tails.plain.trainLoss),
    shallow: formatLoss(tails.shallow.trainLoss),
    residual: formatLoss(tails.residual.trainLoss),
  };
  const words = {
    names,
    losses,
    step: history.length,
    plainGap,
    residualGap,
    finished: history.length >= config.totalSteps,
  };
  if (verdict === 'reproduced') return t.verdictReproduced(words);
  return t.verdictNotYet({ ...words, minGap: DEGRADATION_MIN_GAP });
}

/**
 * Whether the recorded run is the run of `state`: the same configuration (with a constant
 * schedule the first steps do not depend on the run's length, so that may differ) and the
 * identity shortcut on.
 */
export function showsRecording(
  recording: Recording<LabNet> | null,
  state: SkipLabState,
  config: LabConfig,
): recording is Recording<LabNet> {
  const free = config.schedule === 'constant' ? ['totalSteps'] : [];
  return recording !== null && state.identity && recordsConfig(recording.run, { ...config }, free);
}

/** The note under the curves: what the recorded run is and what it showed, or why it is hidden. */
export function recordedNote(
  t: SkipLabStrings,
  recorded: RecordedRunStrings,
  recording: Recording<LabNet> | null,
  state: SkipLabState,
  config: LabConfig,
): string {
  if (!showsRecording(recording, state, config)) return recorded.otherSettings;
  const { run, history } = recording;
  const summary = degradationSummary(t, history, { ...config, totalSteps: run.steps });
  return recorded.note({ steps: run.steps, backend: run.backend, version: run.version, summary });
}

/**
 * Training history rows of any side-by-side run: step, then `cells` of each net's smoothed
 * values (default: loss and accuracy).
 */
export function historyRows<N extends string>(
  history: SideBySideHistory<N>,
  every = 10,
  cells: (values: Record<Metric, number>) => string[] = (v) => [formatLoss(v.loss), formatPercent(v.accuracy)],
): string[][] {
  return history.rows(every).map((s) => [String(s.step), ...history.names.flatMap((net) => cells(s.values[net]))]);
}

/** Lesion rows: each deleted block with plain and residual accuracy. */
export function perBlockRows(result: LabLesionResult): string[][] {
  const study = result.study;
  if (study === null) return [];
  return result.blocks.map((block, i) => [
    block,
    formatPercent(study.plain.perBlock[i] ?? Number.NaN),
    formatPercent(study.residual.perBlock[i] ?? Number.NaN),
  ]);
}

/** k-random-blocks rows: k, then mean (min–max) per net. */
export function byKRows(result: LabLesionResult): string[][] {
  const study = result.study;
  if (study === null) return [];
  const cell = (p: { mean: number; min: number; max: number } | undefined): string =>
    p === undefined ? '—' : `${formatPercent(p.mean)} (${formatPercent(p.min)}–${formatPercent(p.max)})`;
  return study.plain.byK.map((p, i) => [String(p.k), cell(p), cell(study.residual.byK[i])]);
}

/** 1-D slice rows: α, then plain and residual loss. */
export function sliceRows(result: LabLandscapeResult): string[][] {
  return result.alphas.map((alpha, i) => [
    alpha.toFixed(2),
    formatLoss(result.nets.plain.line[i] ?? Number.NaN),
    formatLoss(result.nets.residual.line[i] ?? Number.NaN),
  ]);
}

/** Gradient-flow rows: layer, then plain and residual ‖∂L/∂h‖. */
export function flowRows(numbers: NumbersStrings, result: LabFlowResult): string[][] {
  return result.nets.plain.layers.map((layer, i) => [
    String(layer),
    formatNorm(result.nets.plain.activation[i] ?? Number.NaN, numbers),
    formatNorm(result.nets.residual.activation[i] ?? Number.NaN, numbers),
  ]);
}

/**
 * From the batch-norm URL state to what the worker runs and what the page shows: the run's
 * configuration, the history (training steps and held-out checks), the two charts, the verdict
 * sentence and the rows of the Data tables. Pure, so it is unit-tested without a browser.
 */
import type { BatchNormStrings } from '../../i18n/strings.ts';
import {
  BATCH_NORM_NETS,
  DEFAULT_BATCH_NORM_CONFIG,
  type BatchNormConfig,
  type BatchNormNet,
} from '../../lib/data/batch-norm-settings.ts';
import type { Timed } from '../../lib/compute/jobs/side-by-side-train.ts';
import type { BatchNormCheck, BatchNormStep } from '../../lib/compute/batch-norm/session.ts';
import { BATCH_NORM_TARGET_ERROR, batchNormVerdict } from '../../lib/compute/experiments/batch-norm/verdict.ts';
import type { BatchNormState } from '../../lib/state/schemas/batch-norm.ts';
import { renderLineChart, type LineSeries } from '../../lib/viz/line-chart.ts';
import { SideBySideHistory } from '../widget/training-history.ts';
import { formatLoss, formatPercent, historyRows } from '../skip-lab/plan.ts';

/** Steps per job: long enough to amortise a message, short enough to pause at once. */
export const CHUNK_STEPS = 10;
/** The target training error, percent. */
export const TARGET_PERCENT = 100 * BATCH_NORM_TARGET_ERROR;

/** The run's configuration: the reader's optimiser settings on the fixed network. */
export function batchNormConfig(state: BatchNormState): BatchNormConfig {
  return {
    ...DEFAULT_BATCH_NORM_CONFIG,
    learningRate: state.lr,
    batch: state.batch,
    seed: state.seed,
    totalSteps: state.steps,
  };
}

/** One held-out check as the page keeps it: the step it followed and the three scores. */
export type CheckPoint = BatchNormCheck & { readonly step: number };

/** The page's run: both nets' training curves, every streamed step, and the held-out checks. */
export class BatchNormHistory extends SideBySideHistory<BatchNormNet> {
  #records: BatchNormStep[] = [];
  #checks: CheckPoint[] = [];

  constructor() {
    super(BATCH_NORM_NETS);
  }

  override push(step: Timed<BatchNormStep>): void {
    super.push(step);
    this.#records.push(step);
    if (step.check) this.#checks.push({ step: step.step, ...step.check });
  }

  override clear(): void {
    super.clear();
    this.#records = [];
    this.#checks = [];
  }

  /** Every step as streamed, checks included, for the verdict. */
  get records(): readonly BatchNormStep[] {
    return this.#records;
  }

  /** The held-out checks so far, in order. */
  get checks(): readonly CheckPoint[] {
    return this.#checks;
  }
}

/** Both nets' smoothed training-error curves against step, with the target as a rule. */
export function errorChart(t: BatchNormStrings, history: BatchNormHistory, state: BatchNormState): string {
  const series: LineSeries[] = BATCH_NORM_NETS.map((net) => ({
    className: `bnx-net bnx-${net}`,
    label: t.netNames[net],
    points: history.points(net, 'accuracy', (accuracy) => 1 - accuracy),
  }));
  return renderLineChart(series, {
    ...t.errorChart,
    yScale: 'linear',
    yDomain: [0, 1],
    xDomain: [0, state.steps],
    rules: [{ y: BATCH_NORM_TARGET_ERROR, label: t.targetLabel(TARGET_PERCENT) }],
    className: 'bnx-error',
    width: 420,
  });
}

const MODES = ['bnTrain', 'bnEval', 'plain'] as const;

/** Held-out accuracy at each check: the BN net in train and in eval mode, and the plain net. */
export function modeChart(t: BatchNormStrings, history: BatchNormHistory, state: BatchNormState): string {
  const series: LineSeries[] = MODES.map((mode) => ({
    className: `bnx-mode bnx-${mode}`,
    label: t.modeNames[mode],
    points: history.checks.map((c) => [c.step, c[mode].accuracy] as const),
    dots: true,
  }));
  return renderLineChart(series, {
    ...t.modeChart,
    yScale: 'linear',
    yDomain: [0, 1],
    xDomain: [0, state.steps],
    className: 'bnx-modes',
    width: 420,
  });
}

/** A difference of accuracies (0–1) in percentage points, signed: "+18.1", "−0.5". */
export function formatPoints(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(100 * value).toFixed(1)}`;
}

/**
 * What the run shows so far, in words, judged by the experiment's own rule (verdict.ts, the one
 * `npm run experiment -- batch-norm` applies): "Reproduced: …" or "Not reproduced at these
 * settings: …" once the run is over (or both claims already hold), else "Not yet: …".
 */
export function batchNormSummary(t: BatchNormStrings, history: BatchNormHistory, state: BatchNormState): string {
  if (history.length === 0) return t.summaryEmpty;
  const v = batchNormVerdict(history.records);
  const { plain, bn } = v.stepsToTarget;
  const speed =
    bn !== null && plain !== null
      ? t.speedBoth(TARGET_PERCENT, bn, plain, (plain / bn).toFixed(1))
      : bn !== null
        ? t.speedBnOnly(TARGET_PERCENT, bn, history.length)
        : plain !== null
          ? t.speedPlainOnly(TARGET_PERCENT, plain, history.length)
          : t.speedNone(TARGET_PERCENT, history.length);
  const first = history.checks[0];
  const gap =
    first === undefined || v.earlyGap === null
      ? t.gapNone
      : t.gapWords(formatPoints(v.earlyGap), first.step, v.finalGap === null ? null : formatPoints(v.finalGap));
  const finished = history.length >= state.steps;
  const label = v.verdict === 'reproduced' ? t.reproduced : finished ? t.notReproduced : t.notYet;
  const sentence = `${label}: ${speed} ${gap}`;
  return finished || v.verdict === 'reproduced' ? `${sentence} ${t.rule}` : sentence;
}

/** Training history rows every `every` steps: step, then training error and loss per net (smoothed). */
export function batchNormHistoryRows(history: BatchNormHistory, every = 20): string[][] {
  return historyRows(history, every, (v) => [formatPercent(1 - v.accuracy), formatLoss(v.loss)]);
}

/** Check rows: step, plain, BN eval-mode and BN train-mode held-out accuracy, and the train − eval gap. */
export function checkRows(history: BatchNormHistory): string[][] {
  return history.checks.map((c) => [
    String(c.step),
    formatPercent(c.plain.accuracy),
    formatPercent(c.bnEval.accuracy),
    formatPercent(c.bnTrain.accuracy),
    formatPoints(c.bnTrain.accuracy - c.bnEval.accuracy),
  ]);
}

/** The training-history Data table's column headings. */
export function historyColumns(t: BatchNormStrings): string[] {
  return [
    t.columns.step,
    ...BATCH_NORM_NETS.flatMap((net) => [t.columns.error(t.netNames[net]), t.columns.loss(t.netNames[net])]),
  ];
}

/** The held-out checks' Data table's column headings. */
export function checkColumns(t: BatchNormStrings): string[] {
  return [
    t.columns.step,
    t.columns.accuracy(t.modeNames.plain),
    t.columns.accuracy(t.modeNames.bnEval),
    t.columns.accuracy(t.modeNames.bnTrain),
    t.columns.gap,
  ];
}

/**
 * From the ReLU-vs-tanh URL state to what the worker runs and what the page shows: the run's
 * configuration, the networks' names, the curves, the summary (steps each net needed to reach
 * the target training error) and the rows of the Data tables. Pure, so it is unit-tested
 * without a browser.
 */
import type { RecordedRunStrings, ReluTanhStrings } from '../../i18n/strings.ts';
import { RELU_TANH_NETS, type ReluTanhConfig, type ReluTanhNet } from '../../lib/compute/relu-tanh/config.ts';
import type { ReluTanhState } from '../../lib/state/schemas/relu-tanh.ts';
import { renderLineChart, type LineChartOptions, type LineSeries } from '../../lib/viz/line-chart.ts';
import { RELU_TANH_MAX_RATIO } from '../../lib/compute/experiments/relu-tanh/verdict.ts';
import { recordsConfig } from '../../lib/data/recorded-run.ts';
import type { SideBySideHistory } from '../widget/training-history.ts';
import { asRecordedSeries, stepDomainEnd, type Recording } from '../widget/recorded-run.ts';
import { formatLoss, formatPercent, historyRows } from '../skip-lab/plan.ts';

/** Steps per job: long enough to amortise a message, short enough to pause at once. */
export const CHUNK_STEPS = 5;

export type ReluTanhHistory = SideBySideHistory<ReluTanhNet>;

/** The run's configuration (one seed for both nets). */
export function reluTanhConfig(state: ReluTanhState): ReluTanhConfig {
  return {
    width: state.width,
    batch: state.batch,
    learningRate: state.lr,
    momentum: state.momentum,
    dropout: state.dropout,
    totalSteps: state.steps,
    seed: 1,
  };
}

/** The two networks' names, e.g. "ReLU" or "ReLU + dropout". */
export function netLabels(t: ReluTanhStrings, dropout: boolean): Record<ReluTanhNet, string> {
  const name = (net: ReluTanhNet) => (dropout ? t.withDropout(t.netNames[net]) : t.netNames[net]);
  return { relu: name('relu'), tanh: name('tanh') };
}

/** Smoothed training error (1 − accuracy) against step, y in [0, 1], with the target as a rule. */
export function errorChartOptions(t: ReluTanhStrings, totalSteps: number, targetPercent: number): LineChartOptions {
  return {
    ...t.errorChart,
    yScale: 'linear',
    yDomain: [0, 1],
    xDomain: [0, totalSteps],
    rules: [{ y: targetPercent / 100, label: t.targetLabel(targetPercent) }],
    className: 'rt-error',
    width: 420,
  };
}

/** Both nets' smoothed training-error curves. */
export function errorSeries(t: ReluTanhStrings, history: ReluTanhHistory, dropout: boolean): LineSeries[] {
  const names = netLabels(t, dropout);
  return RELU_TANH_NETS.map((net) => ({
    className: `rt-net rt-${net}`,
    label: names[net],
    points: history.points(net, 'accuracy', (accuracy) => 1 - accuracy),
  }));
}

/** Whether the recorded run is the run of `state` (its first steps: the run's length may differ). */
export function showsRecording(
  recording: Recording<ReluTanhNet> | null,
  state: ReluTanhState,
): recording is Recording<ReluTanhNet> {
  return recording !== null && recordsConfig(recording.run, { ...reluTanhConfig(state) }, ['totalSteps']);
}

/** The training-error chart as SVG markup: the live curves over the recorded run's faint ones (when it is this run's). */
export function errorChart(
  t: ReluTanhStrings,
  history: ReluTanhHistory,
  recording: Recording<ReluTanhNet> | null,
  state: ReluTanhState,
): string {
  const shown = showsRecording(recording, state) ? recording : null;
  const series = [
    ...(shown === null ? [] : asRecordedSeries(errorSeries(t, shown.history, state.dropout))),
    ...errorSeries(t, history, state.dropout),
  ];
  return renderLineChart(series, errorChartOptions(t, stepDomainEnd(state.steps, shown), state.target));
}

/** The note under the curves: what the recorded run is and what it showed, or why it is hidden. */
export function recordedNote(
  t: ReluTanhStrings,
  recorded: RecordedRunStrings,
  recording: Recording<ReluTanhNet> | null,
  state: ReluTanhState,
): string {
  if (!showsRecording(recording, state)) return recorded.otherSettings;
  const { run, history } = recording;
  const summary = reluTanhSummary(t, history, { ...state, steps: run.steps });
  return recorded.note({ steps: run.steps, backend: run.backend, version: run.version, summary });
}

/** The first step at which each net's smoothed training error is at most `targetPercent`, or null. */
export function stepsToTarget(history: ReluTanhHistory, targetPercent: number): Record<ReluTanhNet, number | null> {
  const reached = (accuracy: number) => 1 - accuracy <= targetPercent / 100;
  return {
    relu: history.firstStep('relu', 'accuracy', reached),
    tanh: history.firstStep('tanh', 'accuracy', reached),
  };
}

/**
 * What the curves show so far, in words, judged by the experiment's own rule (verdict.ts, the
 * one `npm run experiment -- relu-tanh` applies): ReLU reproduces the paper when it reaches the
 * target in at most half of tanh's steps, or within half the run while tanh has not.
 */
export function reluTanhSummary(t: ReluTanhStrings, history: ReluTanhHistory, state: ReluTanhState): string {
  if (history.length === 0) return t.summaryEmpty;
  const { relu, tanh } = stepsToTarget(history, state.target);
  const names = netLabels(t, state.dropout);
  const finished = history.length >= state.steps;
  const judged = (reproduced: boolean, text: string): string =>
    `${reproduced ? t.reproduced : finished ? t.notReproduced : t.notYet}: ${text}`;
  if (relu !== null && tanh !== null) {
    const ratio =
      relu === tanh
        ? t.sameSteps
        : relu < tanh
          ? t.fasterRatio(names.relu, (tanh / relu).toFixed(1))
          : t.fasterRatio(names.tanh, (relu / tanh).toFixed(1));
    return judged(relu <= tanh * RELU_TANH_MAX_RATIO, t.summaryBoth(state.target, relu, tanh, ratio));
  }
  if (relu !== null)
    return judged(
      relu <= history.length * RELU_TANH_MAX_RATIO,
      t.summaryOne(state.target, names.relu, relu, names.tanh, history.length),
    );
  if (tanh !== null) return judged(false, t.summaryOne(state.target, names.tanh, tanh, names.relu, history.length));
  return t.summaryNone(state.target, history.length);
}

/** Training history rows every `every` steps: step, then training error and loss per net (smoothed). */
export function reluTanhHistoryRows(history: ReluTanhHistory, every = 10): string[][] {
  return historyRows(history, every, (v) => [formatPercent(1 - v.accuracy), formatLoss(v.loss)]);
}

/** Summary rows: each net with the steps it needed to reach the target. */
export function summaryRows(t: ReluTanhStrings, history: ReluTanhHistory, state: ReluTanhState): string[][] {
  const steps = stepsToTarget(history, state.target);
  const names = netLabels(t, state.dropout);
  return RELU_TANH_NETS.map((net) => [names[net], steps[net] === null ? t.notReached : String(steps[net])]);
}

/**
 * From the ReLU-vs-tanh URL state to what the worker runs and what the page shows: the run's
 * configuration, the networks' names, the curves, the summary (steps each net needed to reach
 * the target training error) and the rows of the Data tables. Pure, so it is unit-tested
 * without a browser.
 */
import { RELU_TANH_NETS, type ReluTanhConfig, type ReluTanhNet } from '../../lib/compute/relu-tanh/config.ts';
import type { ReluTanhState } from '../../lib/state/schemas/relu-tanh.ts';
import type { LineChartOptions, LineSeries } from '../../lib/viz/line-chart.ts';
import { reluTanh } from '../../i18n/en/relu-tanh.ts';
import type { SideBySideHistory } from '../widget/training-history.ts';
import { formatLoss, formatPercent, historyRows } from '../skip-lab/plan.ts';

const t = reluTanh;

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
export function netLabels(dropout: boolean): Record<ReluTanhNet, string> {
  const name = (net: ReluTanhNet) => (dropout ? t.withDropout(t.netNames[net]) : t.netNames[net]);
  return { relu: name('relu'), tanh: name('tanh') };
}

/** Smoothed training error (1 − accuracy) against step, y in [0, 1], with the target as a rule. */
export function errorChartOptions(totalSteps: number, targetPercent: number): LineChartOptions {
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
export function errorSeries(history: ReluTanhHistory, dropout: boolean): LineSeries[] {
  const names = netLabels(dropout);
  return RELU_TANH_NETS.map((net) => ({
    className: `rt-net rt-${net}`,
    label: names[net],
    points: history.points(net, 'accuracy', (accuracy) => 1 - accuracy),
  }));
}

/** The first step at which each net's smoothed training error is at most `targetPercent`, or null. */
export function stepsToTarget(history: ReluTanhHistory, targetPercent: number): Record<ReluTanhNet, number | null> {
  const reached = (accuracy: number) => 1 - accuracy <= targetPercent / 100;
  return {
    relu: history.firstStep('relu', 'accuracy', reached),
    tanh: history.firstStep('tanh', 'accuracy', reached),
  };
}

/** What the curves show so far, in words: who reached the target first, and by what factor. */
export function reluTanhSummary(history: ReluTanhHistory, state: ReluTanhState): string {
  if (history.length === 0) return t.summaryEmpty;
  const { relu, tanh } = stepsToTarget(history, state.target);
  const names = netLabels(state.dropout);
  if (relu !== null && tanh !== null) {
    const ratio =
      relu === tanh
        ? t.sameSteps
        : relu < tanh
          ? t.fasterRatio(names.relu, (tanh / relu).toFixed(1))
          : t.fasterRatio(names.tanh, (relu / tanh).toFixed(1));
    return t.summaryBoth(state.target, relu, tanh, ratio);
  }
  if (relu !== null) return t.summaryOne(state.target, names.relu, relu, names.tanh, history.length);
  if (tanh !== null) return t.summaryOne(state.target, names.tanh, tanh, names.relu, history.length);
  return t.summaryNone(state.target, history.length);
}

/** Training history rows: step, then training error and loss per net (smoothed). */
export function reluTanhHistoryRows(history: ReluTanhHistory): string[][] {
  return historyRows(history, 10, (v) => [formatPercent(1 - v.accuracy), formatLoss(v.loss)]);
}

/** Summary rows: each net with the steps it needed to reach the target. */
export function summaryRows(history: ReluTanhHistory, state: ReluTanhState): string[][] {
  const steps = stepsToTarget(history, state.target);
  const names = netLabels(state.dropout);
  return RELU_TANH_NETS.map((net) => [names[net], steps[net] === null ? t.notReached : String(steps[net])]);
}

/**
 * Options of the lab's training charts and block diagram, and the series every chart of the lab
 * shares (the renderers in src/lib/viz do the drawing; the analyses' charts are in analysis-charts.ts).
 */
import type { SkipLabStrings } from '../../i18n/strings.ts';
import { renderLineChart, type LineChartOptions, type LineSeries } from '../../lib/viz/line-chart.ts';
import { LAB_NETS, type LabConfig, type LabNet } from '../../lib/compute/lab/config.ts';
import type { SideBySideHistory } from '../widget/training-history.ts';
import { asRecordedSeries, stepDomainEnd, type Recording } from '../widget/recorded-run.ts';
import { netLabels } from './plan.ts';
import type { ResidualBlockOptions } from '../../lib/viz/residual-block.ts';

/** Smoothed training loss against step, linear y from 0. */
export function lossChartOptions(t: SkipLabStrings, totalSteps: number): LineChartOptions {
  return { ...t.lossChart, yScale: 'linear', xDomain: [0, totalSteps], className: 'sl-loss', width: 420 };
}

/** Smoothed training accuracy against step, y in [0, 1]. */
export function accuracyChartOptions(t: SkipLabStrings, totalSteps: number): LineChartOptions {
  return {
    ...t.accuracyChart,
    yScale: 'linear',
    yDomain: [0, 1],
    xDomain: [0, totalSteps],
    className: 'sl-accuracy',
    width: 420,
  };
}

/** The nets' legend labels: their names, the residual one marked when its identity shortcut is off. */
export function seriesLabels(t: SkipLabStrings, config: LabConfig, identity: boolean): Record<LabNet, string> {
  const names = netLabels(t, config);
  return identity ? names : { ...names, residual: t.residualNoIdentity(config.depth) };
}

/** One series per net of `nets`, classed `sl-net sl-<net>` (its colour in CSS) and labelled `labels[net]`. */
export function netSeries<N extends LabNet>(
  nets: readonly N[],
  labels: Readonly<Record<LabNet, string>>,
  series: (net: N) => Omit<LineSeries, 'className' | 'label'>,
): LineSeries[] {
  return nets.map((net) => ({ className: `sl-net sl-${net}`, label: labels[net], ...series(net) }));
}

/** Each net's smoothed `metric` curve, labelled by its name (the residual one marked when its shortcut is off). */
function curveSeries(
  t: SkipLabStrings,
  history: SideBySideHistory<LabNet>,
  metric: 'loss' | 'accuracy',
  config: LabConfig,
  identity: boolean,
): LineSeries[] {
  return netSeries(LAB_NETS, seriesLabels(t, config, identity), (net) => ({ points: history.points(net, metric) }));
}

/** The lab's two training-curve charts. */
export type CurveMetric = 'loss' | 'accuracy';

/**
 * One training-curve chart (`metric` against step) as SVG markup: the live curves of `history`
 * over the faint ones of `recording` (null when it is not this run's), the step axis as long as
 * the longer of the two.
 */
export function curveChart(
  t: SkipLabStrings,
  metric: CurveMetric,
  history: SideBySideHistory<LabNet>,
  recording: Recording<LabNet> | null,
  config: LabConfig,
  identity: boolean,
): string {
  const steps = stepDomainEnd(config.totalSteps, recording);
  const options = metric === 'loss' ? lossChartOptions(t, steps) : accuracyChartOptions(t, steps);
  return renderLineChart(
    [
      ...(recording === null ? [] : asRecordedSeries(curveSeries(t, recording.history, metric, config, identity))),
      ...curveSeries(t, history, metric, config, identity),
    ],
    options,
  );
}

/** Both training-curve charts as SVG markup (see `curveChart`), keyed by metric. */
export function curveCharts(
  t: SkipLabStrings,
  history: SideBySideHistory<LabNet>,
  recording: Recording<LabNet> | null,
  config: LabConfig,
  identity: boolean,
): Record<CurveMetric, string> {
  return {
    loss: curveChart(t, 'loss', history, recording, config, identity),
    accuracy: curveChart(t, 'accuracy', history, recording, config, identity),
  };
}

/** The residual block diagram with the identity shortcut on or off. */
export function blockDiagramOptions(t: SkipLabStrings, identity: boolean): ResidualBlockOptions {
  return {
    identity,
    title: t.blockTitle,
    description: identity ? t.identityOn : t.identityOff,
    labels: t.blockLabels,
  };
}

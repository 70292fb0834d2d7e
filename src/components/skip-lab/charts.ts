/**
 * Options of the lab's charts and diagram (the renderers in src/lib/viz do the drawing).
 */
import type { SkipLabStrings } from '../../i18n/strings.ts';
import type { LabLandscapeResult, LabLesionResult, LabTwin } from '../../lib/compute/jobs/lab.ts';
import type { LesionBarsOptions } from '../../lib/viz/lesion-bars.ts';
import type { ContourPlotOptions } from '../../lib/viz/contour-plot.ts';
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

/** Each net's smoothed `metric` curve, labelled by its name (the residual one marked when its shortcut is off). */
function curveSeries(
  t: SkipLabStrings,
  history: SideBySideHistory<LabNet>,
  metric: 'loss' | 'accuracy',
  config: LabConfig,
  identity: boolean,
): LineSeries[] {
  const names = netLabels(t, config);
  return LAB_NETS.map((net) => ({
    className: `sl-net sl-${net}`,
    label: net === 'residual' && !identity ? t.residualNoIdentity(config.depth) : names[net],
    points: history.points(net, metric),
  }));
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

/** Per-layer gradient norms of the trained nets, log y. */
export function flowChartOptions(t: SkipLabStrings, layers: number): LineChartOptions {
  return { ...t.flowChart, yScale: 'log', xDomain: [1, Math.max(2, layers)], className: 'sl-flow' };
}

/** Test accuracy against blocks deleted, y in [0, 1]. */
export function byKChartOptions(t: SkipLabStrings, maxK: number): LineChartOptions {
  return { ...t.byKChart, yScale: 'linear', yDomain: [0, 1], xDomain: [0, maxK], className: 'sl-by-k', width: 420 };
}

/** Loss along α, log y. */
export function sliceChartOptions(t: SkipLabStrings, span: number): LineChartOptions {
  return { ...t.sliceChart, yScale: 'log', xDomain: [-span, span], className: 'sl-slice' };
}

/** Test accuracy with each single block deleted: a bar per net per block, each net's intact accuracy as a rule. */
export function lesionBarsOptions(
  t: SkipLabStrings,
  result: LabLesionResult,
  names: Readonly<Record<LabTwin, string>>,
): LesionBarsOptions {
  const study = result.study;
  return {
    ...t.perBlockChart,
    blocks: result.blocks.map((id, i) => ({
      id,
      label: String(i + 1),
      plain: study?.plain.perBlock[i] ?? null,
      residual: study?.residual.perBlock[i] ?? null,
    })),
    baseline: result.intact,
    labels: { plain: names.plain, residual: names.residual, intact: t.intactLegend },
    netClasses: { plain: 'sl-net sl-plain', residual: 'sl-net sl-residual' },
    className: 'sl-per-block',
    width: 420,
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

/** One net's 2-D loss slice. */
export function contourOptions(
  t: SkipLabStrings,
  result: LabLandscapeResult,
  net: string,
  className: string,
): ContourPlotOptions {
  return {
    title: t.contourTitle(net),
    xLabel: 'α',
    yLabel: 'β',
    alphas: result.gridAxis,
    betas: result.gridAxis,
    originLabel: t.trainedWeights,
    legendLabel: t.contourLegend,
    className,
  };
}

/**
 * The charts of the analyses of the lab's trained nets: gradient flow, the lesion study (per
 * block and by k) and the loss landscape (1-D slice and 2-D contours), as series and options for
 * the renderers in src/lib/viz. Pure; loaded with the analyses' code (analysis-runs.ts), not with
 * the widget.
 */
import type { SkipLabStrings } from '../../i18n/strings.ts';
import type { LabFlowResult, LabLandscapeResult, LabLesionResult, LabTwin } from '../../lib/compute/jobs/lab.ts';
import type { LabConfig } from '../../lib/compute/lab/config.ts';
import type { LesionStudy } from '../../lib/compute/lab/lesion.ts';
import type { ContourPlotOptions } from '../../lib/viz/contour-plot.ts';
import type { LesionBarsOptions } from '../../lib/viz/lesion-bars.ts';
import type { LineChartOptions, LineSeries } from '../../lib/viz/line-chart.ts';
import { netSeries, seriesLabels } from './charts.ts';
import { netLabels } from './plan.ts';

/** The trained twins the analyses compare, in legend order. */
const TWINS: readonly LabTwin[] = ['plain', 'residual'];

/** The trained twins' gradient norm (‖∂L/∂h‖) against layer index; y null where a layer was not measured. */
export function flowSeries(
  t: SkipLabStrings,
  config: LabConfig,
  identity: boolean,
  result: LabFlowResult,
): LineSeries[] {
  return netSeries(TWINS, seriesLabels(t, config, identity), (twin) => ({
    points: result.nets[twin].layers.map((layer, i) => [layer, result.nets[twin].activation[i] ?? null] as const),
  }));
}

/** The lesion study's test accuracy (0–1) against k blocks deleted: the mean with min–max bars, a dot per k. */
export function byKSeries(
  t: SkipLabStrings,
  config: LabConfig,
  study: Readonly<Record<LabTwin, LesionStudy>>,
): LineSeries[] {
  return netSeries(TWINS, netLabels(t, config), (twin) => ({
    points: study[twin].byK.map((p) => [p.k, p.mean] as const),
    ranges: study[twin].byK.map((p) => [p.k, p.min, p.max] as const),
    dots: true,
  }));
}

/** The 1-D loss slice (nats) against α; y null where not measured. */
export function sliceSeries(t: SkipLabStrings, config: LabConfig, result: LabLandscapeResult): LineSeries[] {
  return netSeries(TWINS, netLabels(t, config), (twin) => ({
    points: result.alphas.map((a, i) => [a, result.nets[twin].line[i] ?? null] as const),
  }));
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

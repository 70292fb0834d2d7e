/**
 * Axis and title options of the explorer's three charts (renderLineChart does the drawing).
 */
import type { GradientFlowStrings } from '../../i18n/strings.ts';
import type { LineChartOptions } from '../../lib/viz/line-chart.ts';
import { VANISHED_RATIO } from './plan.ts';

/** Per-layer norms, log y, x over the depth's convolutions 1…depth − 1. */
export function normsChartOptions(t: GradientFlowStrings, depth: number): LineChartOptions {
  return {
    title: t.normsChart.title,
    xLabel: t.normsChart.xLabel,
    yLabel: t.normsChart.yLabel,
    yScale: 'log',
    xDomain: [1, Math.max(2, depth - 1)],
    className: 'gf-norms',
  };
}

/** First-to-last ratio against depth, log y, with the 10⁻³ rule. */
export function ratioChartOptions(t: GradientFlowStrings, depths: readonly [number, number]): LineChartOptions {
  return {
    title: t.ratioChart.title,
    xLabel: t.ratioChart.xLabel,
    yLabel: t.ratioChart.yLabel,
    yScale: 'log',
    xDomain: depths,
    rules: [{ y: VANISHED_RATIO, label: t.ratioChart.threshold }],
    width: 420,
    className: 'gf-ratio',
  };
}

/** Neighbouring-gradient correlation against depth, linear y in [−0.2, 1]. */
export function shatterChartOptions(t: GradientFlowStrings, depths: readonly [number, number]): LineChartOptions {
  return {
    title: t.shatterChart.title,
    xLabel: t.shatterChart.xLabel,
    yLabel: t.shatterChart.yLabel,
    yScale: 'linear',
    yDomain: [-0.2, 1],
    xDomain: depths,
    width: 420,
    className: 'gf-shatter',
  };
}

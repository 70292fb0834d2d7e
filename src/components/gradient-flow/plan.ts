/**
 * From the explorer's state to what it computes and draws: the job parameters, the depth sweep,
 * the chart series and the table rows. Pure (no DOM, no TF.js), so the build-time placeholder,
 * the live widget and the tests share it.
 */
import type { GradientFlowStrings, NumbersStrings } from '../../i18n/strings.ts';
import type { GradientFlowParams, GradientFlowResult } from '../../lib/compute/jobs/gradient-flow.ts';
import type { GradientSweepResult } from '../../lib/compute/jobs/gradient-sweep.ts';
import type { FlowSettings } from '../../lib/compute/gradient-flow/setup.ts';
import { firstDepthBelow, firstLastRatio } from '../../lib/compute/gradient-flow/stats.ts';
import { VANISHED_RATIO } from '../../lib/compute/experiments/gradient-flow/verdict.ts';
import { MAX_GRADIENT_FLOW_DEPTH } from '../../lib/models/gradient-flow-net.ts';
import type { GradientFlowState } from '../../lib/state/schemas/gradient-flow.ts';
import type { LineSeries } from '../../lib/viz/line-chart.ts';
import { formatNorm } from '../widget/format-norm.ts';

/** Generated input images: 16×16 RGB, N(0, 1) pixels. */
export const FLOW_INPUT: readonly [number, number, number] = [16, 16, 3];
/** Examples per measured batch. */
export const FLOW_BATCH = 8;
/** Depths of the sweep, up to the deepest network the explorer builds. */
export const SWEEP_DEPTHS: readonly number[] = [
  2,
  3,
  4,
  6,
  8,
  11,
  16,
  20,
  24,
  32,
  40,
  56,
  72,
  90,
  MAX_GRADIENT_FLOW_DEPTH,
];
/** The ratio the summary reports crossing: the experiment's "vanished" mark. */
export { VANISHED_RATIO };

/** Settings shared by both jobs. */
export function flowSettings(state: GradientFlowState): FlowSettings {
  return {
    width: 16,
    activation: state.activation,
    bn: state.bn,
    skipEvery: state.every,
    init: state.init === 'naive' ? 'normal' : state.init,
    normalStd: 0.01,
    inputShape: FLOW_INPUT,
    stemStride: 2,
    classes: 10,
    seed: 0,
  };
}

/** The 'gradient-flow' job for `state`: the residual twin only when skips are on. */
export function flowParams(state: GradientFlowState): GradientFlowParams {
  return {
    ...flowSettings(state),
    depth: state.depth,
    batch: FLOW_BATCH,
    twins: state.skips ? ['plain', 'residual'] : ['plain'],
  };
}

/** What the sweep depends on: everything but the depth and the plotted norm. */
export function sweepKey(state: GradientFlowState): string {
  return JSON.stringify(flowSettings(state));
}

/** A correlation to two decimals, or "no gradient" for NaN. */
export function formatCorrelation(t: GradientFlowStrings, value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isNaN(value) ? t.noGradient : value.toFixed(2);
}

type Twin = 'plain' | 'residual';
const twinsOf = (result: GradientFlowResult): Twin[] =>
  (['plain', 'residual'] as const).filter((twin) => result[twin] !== null);

/** The per-layer chart's series for `result` under `state`'s norm choice. */
export function normSeries(t: GradientFlowStrings, result: GradientFlowResult, state: GradientFlowState): LineSeries[] {
  const norms: ('activation' | 'weight')[] =
    state.norm === 'both' ? ['activation', 'weight'] : [state.norm === 'weight' ? 'weight' : 'activation'];
  return twinsOf(result).flatMap((twin) =>
    norms.flatMap((norm) => {
      const measured = result[twin];
      const values = norm === 'activation' ? measured?.activation : measured?.weight;
      if (!measured || !values) return [];
      return [
        {
          className: `gf-${twin} gf-${norm}`,
          label: t.normsChart.series(t.netNames[twin], norm),
          points: measured.layers.map((layer, i) => [layer, values[i] ?? null] as const),
        },
      ];
    }),
  );
}

/** Empty series for the placeholder: the legend and axes without lines. */
export function placeholderSeries(t: GradientFlowStrings, state: GradientFlowState): LineSeries[] {
  const twins: Twin[] = state.skips ? ['plain', 'residual'] : ['plain'];
  return twins.map((twin) => ({
    className: `gf-${twin} gf-activation`,
    label: t.normsChart.series(t.netNames[twin], 'activation'),
    points: [],
  }));
}

/** The sweep charts' series: ratio (log) and correlation (linear), per twin. */
export function sweepSeries(
  t: GradientFlowStrings,
  sweep: GradientSweepResult,
  state: GradientFlowState,
): { ratio: LineSeries[]; correlation: LineSeries[] } {
  const twins: Twin[] = state.skips ? ['plain', 'residual'] : ['plain'];
  const series = (key: 'ratio' | 'correlation'): LineSeries[] =>
    twins.map((twin) => ({
      className: `gf-${twin}`,
      label: t.netNames[twin],
      dots: true,
      points: sweep.depths.map((depth, i) => [depth, sweep[twin][key][i] ?? null] as const),
    }));
  return { ratio: series('ratio'), correlation: series('correlation') };
}

/** The summary sentences: each twin's ratio at this depth and where the plain ratio vanishes. */
export function summaryLines(
  t: GradientFlowStrings,
  numbers: NumbersStrings,
  result: GradientFlowResult | null,
  sweep: GradientSweepResult | null,
): string[] {
  const lines = result
    ? twinsOf(result).map((twin) =>
        t.summaryRatio(t.netNames[twin], formatNorm(firstLastRatio(result[twin]?.activation ?? []), numbers)),
      )
    : [];
  if (sweep === null) return [...lines, t.summaryBelowPending];
  const below = firstDepthBelow(sweep.depths, sweep.plain.ratio, VANISHED_RATIO);
  return [...lines, t.summaryBelow(below, sweep.depths[sweep.depths.length - 1] ?? MAX_GRADIENT_FLOW_DEPTH)];
}

/** Rows of the per-layer table: layer, plain/residual ‖∂L/∂h‖, plain/residual ‖∂L/∂W‖. */
export function layerRows(numbers: NumbersStrings, result: GradientFlowResult): string[][] {
  const layers = result.plain?.layers ?? result.residual?.layers ?? [];
  return layers.map((layer, i) => [
    String(layer),
    formatNorm(result.plain?.activation[i], numbers),
    formatNorm(result.residual?.activation[i], numbers),
    formatNorm(result.plain?.weight?.[i], numbers),
    formatNorm(result.residual?.weight?.[i], numbers),
  ]);
}

/** Rows of the sweep table: depth, plain/residual ratio, plain/residual correlation. */
export function sweepRows(t: GradientFlowStrings, numbers: NumbersStrings, sweep: GradientSweepResult): string[][] {
  return sweep.depths.map((depth, i) => [
    String(depth),
    formatNorm(sweep.plain.ratio[i], numbers),
    formatNorm(sweep.residual.ratio[i], numbers),
    formatCorrelation(t, sweep.plain.correlation[i]),
    formatCorrelation(t, sweep.residual.correlation[i]),
  ]);
}

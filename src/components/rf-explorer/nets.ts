/**
 * The explorer's two networks, derived from its state with the zoo's parametric families, and
 * the job that measures them. Pure (no DOM, no TF.js): the chapter pages use it at build time
 * for the placeholder chart, the widget at run time.
 */
import type { ModelSource } from '../../lib/compute/model-source.ts';
import type { ErfParams } from '../../lib/compute/jobs/erf.ts';
import { analyze, type Analysis } from '../../lib/models/analyze.ts';
import { resnetStyle, vggStyle } from '../../lib/models/families.ts';
import { fieldBounds, type ReceptiveField } from '../../lib/models/receptive-field.ts';
import type { ModelSpec } from '../../lib/models/types.ts';
import { RF_INPUT_SIDE, type RfExplorerState } from '../../lib/state/rf-explorer.ts';

/** The explorer's two networks: plain (VGG-style) and residual (ResNet-style). */
export type NetKey = 'plain' | 'residual';

/** A layer whose units the explorer can measure: a conv layer's activation, or a block's output. */
export interface MeasuredLayer {
  readonly layerId: string;
  /** Convolutions on the longest path from the input to this layer. */
  readonly depth: number;
  readonly field: ReceptiveField;
  /** Output map [height, width]. */
  readonly grid: readonly [number, number];
}

/** One network of the explorer, built for a state: its source, spec, analysis and measurable layers. */
export interface NetPlan {
  readonly key: NetKey;
  readonly source: ModelSource;
  readonly spec: ModelSpec;
  readonly analysis: Analysis;
  /** Measurable layers, shallowest first; the last is where the reader's unit lives. */
  readonly layers: readonly MeasuredLayer[];
  /** Residual blocks (0 for the plain net). */
  readonly blocks: number;
}

/** Channels of the first stage: small enough for a software GPU, enough for a ReLU net. */
export const RF_WIDTH = 4;

/** The sources of the explorer's networks: always one of the two parametric families. */
export type ExplorerSource = Extract<ModelSource, { vggStyle: unknown } | { resnetStyle: unknown }>;

/** Family options of one network for `state` (its depth must be one of depthOptions). */
export function netSource(key: NetKey, state: RfExplorerState): ExplorerSource {
  const common = {
    width: RF_WIDTH,
    bn: false,
    activation: 'relu',
    kernel: state.kernel,
    inputShape: [RF_INPUT_SIDE, RF_INPUT_SIDE, 1],
    classes: 10,
  } as const;
  if (key === 'plain') {
    return {
      vggStyle: state.downsample
        ? { ...common, stages: 3, convsPerStage: (state.depth - 1) / 3, pool: true }
        : { ...common, stages: 1, convsPerStage: state.depth, pool: false },
    };
  }
  return {
    resnetStyle: {
      ...common,
      depth: state.depth + 1, // He et al. count the classifier too
      skip: true,
      stages: state.downsample ? 3 : 1,
      downsample: state.downsample,
    },
  };
}

function specOf(source: ExplorerSource): ModelSpec {
  return 'vggStyle' in source ? vggStyle(source.vggStyle) : resnetStyle(source.resnetStyle);
}

/** Convolutions on the longest path from the input to every layer, by id. */
export function convDepths(analysis: Analysis): Map<string, number> {
  const depth = new Map<string, number>();
  for (const entry of analysis.layers) {
    const before = Math.max(0, ...entry.inputIds.map((id) => depth.get(id) ?? 0));
    depth.set(entry.id, before + (entry.kind === 'conv' ? 1 : 0));
  }
  return depth;
}

/** The plan of one network: its spec, analysis and measurable layers. */
export function netPlan(key: NetKey, state: RfExplorerState): NetPlan {
  const source = netSource(key, state);
  const spec = specOf(source);
  const analysis = analyze(spec);
  const depths = convDepths(analysis);
  // Plain: every conv's activation. Residual: the stem, then each block's output (after the sum).
  const measured = analysis.layers.filter((l) =>
    key === 'plain' ? l.kind === 'activation' : l.id === 'stem.act' || /\.block\d+\.relu2$/.test(l.id),
  );
  const layers = measured.map((l): MeasuredLayer => {
    if (l.receptiveField === null || l.outputShape.length !== 3) throw new Error(`${l.id} is not spatial`);
    return {
      layerId: l.id,
      depth: depths.get(l.id) ?? 0,
      field: l.receptiveField,
      grid: [l.outputShape[0], l.outputShape[1]],
    };
  });
  const blocks = key === 'residual' ? layers.length - 1 : 0;
  return { key, source, spec, analysis, layers, blocks };
}

/** The networks `state` shows, plain first. */
export function explorerNets(state: RfExplorerState): NetPlan[] {
  const keys: NetKey[] = state.nets === 'both' ? ['plain', 'residual'] : [state.nets];
  return keys.map((key) => netPlan(key, state));
}

/** The last measurable layer: where the reader's unit is. */
export function unitLayer(plan: NetPlan): MeasuredLayer {
  return plan.layers[plan.layers.length - 1]!;
}

/** Centre [y, x] of unit [row, col]'s field, in input pixels. */
export function fieldCentre(layer: MeasuredLayer, unit: readonly [number, number]): [number, number] {
  const b = fieldBounds(layer.field, unit);
  return [(b.top + b.bottom) / 2, (b.left + b.right) / 2];
}

/** The unit [row, col] of `layer` whose field centre is nearest to input pixel `point` [y, x]. */
export function unitAt(layer: MeasuredLayer, point: readonly [number, number]): [number, number] {
  const axis = (a: 0 | 1): number => {
    const i = Math.round((point[a] - layer.field.start[a]) / layer.field.jump[a]);
    return Math.min(layer.grid[a] - 1, Math.max(0, i));
  };
  return [axis(0), axis(1)];
}

/**
 * Points per network on the growth chart. Each is one more copy of the input in the job's batch,
 * and on a software GPU the cost grows with the batch, so the chart samples the depth.
 */
export const CHART_POINTS = 6;

/**
 * Up to `count` measurable layers spread evenly over the depth (always the first and the last):
 * the points of the growth chart.
 */
export function chartLayers(plan: NetPlan, count = CHART_POINTS): MeasuredLayer[] {
  const n = plan.layers.length;
  if (n <= count) return [...plan.layers];
  // Rounded points of an increasing sequence: already in order, a repeat only next to its twin.
  const picked = new Set<number>();
  for (let i = 0; i < count; i++) picked.add(Math.round((i * (n - 1)) / (count - 1)));
  return [...picked].map((i) => plan.layers[i]!);
}

/** The image centre, where the growth chart's units sit (away from the zero padding). */
export const RF_CENTRE: readonly [number, number] = [RF_INPUT_SIDE / 2, RF_INPUT_SIDE / 2];

/**
 * The 'erf' job for `state`: per network, the reader's unit in the last layer (its whole map)
 * and the centre unit of each chart layer (statistics only). Channels are summed.
 */
export function erfParamsFor(state: RfExplorerState, plans: readonly NetPlan[]): ErfParams {
  return {
    targets: plans.map((plan) => {
      const last = unitLayer(plan);
      const [y, x] = unitAt(last, [state.unitY, state.unitX]);
      return {
        model: plan.source,
        unit: { layerId: last.layerId, y, x },
        probes: chartLayers(plan).map((layer) => {
          const [cy, cx] = unitAt(layer, RF_CENTRE);
          return { layerId: layer.layerId, y: cy, x: cx };
        }),
      };
    }),
    init: state.init,
    inits: state.inits,
    seed: 0,
    input: state.input,
    inputSeed: 1,
  };
}

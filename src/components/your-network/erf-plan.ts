/**
 * How the widget measures a pasted model's effective receptive field: which unit (the centre of
 * the chosen spatial layer, by default the layer analyze() reports the network's field at), and
 * at what input size. A large model is measured at a smaller input, scaled down until one
 * forward pass costs at most ERF_MAC_BUDGET multiply-accumulates, but never below the size its
 * layers still accept (a model that does not fit the budget at that size runs over it). Pure: specs and analyses in, a plan out.
 */
import { analyze, type Analysis } from '../../lib/models/analyze.ts';
import type { ModelSpec } from '../../lib/models/types.ts';

/** Most multiply-accumulates one measured forward pass may cost (ResNet-18 at 84×84 costs about that). */
export const ERF_MAC_BUDGET = 3e8;

/** Initialisations the measurement averages over. */
export const ERF_INITS = 4;

/** Ids of the layers with a spatial output (h×w×c) and a receptive field, in spec order. */
export function spatialLayerIds(analysis: Analysis): string[] {
  return analysis.layers.filter((l) => l.outputShape.length === 3 && l.receptiveField !== null).map((l) => l.id);
}

/** What to run: the spec at the measured input size, its analysis there, and the unit. */
export interface ErfPlan {
  /** The spec with `inputShape` set to the measured size. */
  readonly spec: ModelSpec;
  readonly analysis: Analysis;
  readonly layerId: string;
  /** The centre unit of the layer's output map, [row, column]. */
  readonly y: number;
  readonly x: number;
  /** True when the input was scaled down from the model's own. */
  readonly reduced: boolean;
}

function tryAnalyze(spec: ModelSpec, shape: readonly [number, number, number]): Analysis | null {
  try {
    return analyze(spec, shape);
  } catch {
    return null;
  }
}

/**
 * The plan for `analysis`'s model and `layerId` ('' or an id that is not a spatial layer: the
 * layer of the network's receptive field). Null when the model has no spatial layer.
 */
export function erfPlan(analysis: Analysis, layerId: string): ErfPlan | null {
  const ids = spatialLayerIds(analysis);
  if (ids.length === 0) return null;
  const layer = ids.includes(layerId)
    ? layerId
    : ids.includes(analysis.receptiveFieldLayer)
      ? analysis.receptiveFieldLayer
      : ids[ids.length - 1]!;
  const [h, w, c] = analysis.inputShape;
  let chosen: { analysis: Analysis; shape: readonly [number, number, number] } = { analysis, shape: [h, w, c] };
  if (analysis.macs > ERF_MAC_BUDGET) {
    /** The plan's analysis at height `side` (width in proportion), or null when the layer no longer fits. */
    const at = (side: number) => {
      const shape = [side, Math.max(1, Math.round((w * side) / h)), c] as const;
      const smaller = tryAnalyze(analysis.spec, shape);
      const fits = smaller !== null && smaller.layers.some((l) => l.id === layer && l.outputShape.length === 3);
      return fits ? { analysis: smaller, shape } : null;
    };
    const over = (p: { analysis: Analysis } | null): boolean => p !== null && p.analysis.macs > ERF_MAC_BUDGET;
    // MACs grow with the input's area, but not exactly (dense layers, rounding): start at the side
    // that would meet the budget, shrink by 5% steps and then by single pixels while it is still
    // over; if the layers stop fitting first, grow back to the smallest side they fit, over budget.
    let side = Math.max(1, Math.floor(h * Math.sqrt(ERF_MAC_BUDGET / analysis.macs)));
    let found = at(side);
    while (over(found) && over(at(Math.floor(side * 0.95)))) found = at((side = Math.floor(side * 0.95)));
    while (over(found) && at(side - 1) !== null) found = at(--side);
    while (found === null && side < h) found = at(++side);
    if (found !== null) chosen = found;
  }
  const out = chosen.analysis.layers.find((l) => l.id === layer)!.outputShape;
  return {
    spec: { ...analysis.spec, inputShape: chosen.shape },
    analysis: chosen.analysis,
    layerId: layer,
    y: Math.floor((out[0] - 1) / 2),
    x: Math.floor(((out[1] ?? 1) - 1) / 2),
    reduced: chosen.shape[0] !== h || chosen.shape[1] !== w,
  };
}

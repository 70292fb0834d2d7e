/**
 * Which input pixels one unit of a feature map can see: its theoretical receptive field
 * (receptive-field.ts) placed at the unit and clipped to the image, for highlighting the field
 * of a hovered or focused unit over the input.
 */
import type { Analysis, LayerAnalysis } from './analyze.ts';
import { fieldBounds } from './receptive-field.ts';

/** A window of input pixels: first row and column, and [height, width], all in input pixels. */
export interface InputWindow {
  readonly top: number;
  readonly left: number;
  readonly size: readonly [number, number];
}

/**
 * The input pixels that can reach unit (`row`, `col`) of layer `layerId`, clipped to the
 * analysis's input (e.g. LeNet-5's 32×32): C1 (0, 0) sees rows and columns 0…4, S2 (0, 0)
 * 0…5, C3 (0, 0) 0…13, C5 all 32×32. A unit of a flat layer (dense, RBF) reads every unit of
 * the last spatial map before it, so its window is the union of theirs; `row` and `col` must
 * then be 0. Throws for an unknown layer or a unit outside its map.
 */
export function unitInputWindow(analysis: Analysis, layerId: string, row: number, col: number): InputWindow {
  const layer = analysis.layers.find((l) => l.id === layerId);
  if (layer === undefined) throw new Error(`model "${analysis.spec.id}" has no layer "${layerId}"`);
  const flat = layer.receptiveField === null;
  const [rows = 1, cols = 1] = flat ? [] : layer.outputShape;
  if (!(Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < rows && col < cols)) {
    throw new Error(`layer "${layerId}" has units (0…${rows - 1}, 0…${cols - 1}), not (${row}, ${col})`);
  }
  const source = flat ? lastSpatial(analysis, layer) : layer;
  const field = source?.receptiveField ?? null;
  if (source === null || field === null) return clip(analysis, 0, 0, Infinity, Infinity);
  const [sourceRows = 1, sourceCols = 1] = source.outputShape;
  const first = fieldBounds(field, flat ? [0, 0] : [row, col]);
  const last = fieldBounds(field, flat ? [sourceRows - 1, sourceCols - 1] : [row, col]);
  return clip(analysis, first.top, first.left, last.bottom, last.right);
}

/** The nearest layer feeding `layer` (first inputs first) that still has a receptive field. */
function lastSpatial(analysis: Analysis, layer: LayerAnalysis): LayerAnalysis | null {
  let current: LayerAnalysis | undefined = layer;
  while (current !== undefined && current.receptiveField === null) {
    const input: string | undefined = current.inputIds[0];
    current = analysis.layers.find((l) => l.id === input);
  }
  return current ?? null;
}

/** Inclusive bounds clipped to the input, as an input window (top, left, size). */
function clip(analysis: Analysis, top: number, left: number, bottom: number, right: number): InputWindow {
  const [height, width] = analysis.inputShape;
  const t = Math.max(0, top);
  const l = Math.max(0, left);
  return { top: t, left: l, size: [Math.min(height - 1, bottom) - t + 1, Math.min(width - 1, right) - l + 1] };
}

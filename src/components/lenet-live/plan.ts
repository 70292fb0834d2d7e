/**
 * The pure part of the LeNet-5 drawing pad: pixels between the pad's canvas and the MNIST-style
 * digit, feature maps as grey images, the unit a focused map points at, and the Data tables.
 * No DOM and no TF.js, so it is unit-tested in Node; lenet-live.client.ts does the wiring.
 */
import type { LenetLiveStrings } from '../../i18n/strings.ts';
import type { InkRaster } from '../../lib/data/digit-preprocess.ts';
import { LENET_MARGIN, LENET_SIDE } from '../../lib/data/lenet-input.ts';
import { MNIST_PIXELS, MNIST_SIDE } from '../../lib/data/mnist.ts';
import type { FeatureMaps, LenetStage } from '../../lib/compute/jobs/lenet-infer.ts';
import { ARROW_MOVES } from '../widget/arrow-moves.ts';

/**
 * The stages the widget draws, in network order (the job's LENET_STAGES, restated here because
 * importing the job's module would pull TF.js into the page).
 */
export const STAGES = ['C1', 'S2', 'C3', 'S4', 'C5', 'F6'] as const satisfies readonly LenetStage[];

/** Side of the drawing pad's canvas in canvas pixels (10 per MNIST pixel). */
export const PAD_SIDE = 280;
/** Width of the pen in canvas pixels: about two MNIST pixels, like MNIST's strokes. */
export const PEN_WIDTH = 22;
/** Wait after the last stroke before classifying, ms (several quick strokes make one request). */
export const INFER_DEBOUNCE_MS = 150;

/**
 * The ink of an RGBA canvas image (`rgba`: [height, width, 4] bytes) drawn as opaque-ish pen on
 * a transparent canvas: the alpha channel, [height, width] bytes, 255 = full ink.
 */
export function inkFromRgba(rgba: ArrayLike<number>, width: number, height: number): InkRaster {
  if (rgba.length !== width * height * 4)
    throw new Error(`a ${width}×${height} RGBA image has ${width * height * 4} bytes, got ${rgba.length}`);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4 + 3] as number;
  return { width, height, data, fullInk: 255 };
}

/** The RGBA image (black ink, alpha = ink) of a raster, e.g. a test digit drawn onto the pad. */
export function rgbaFromInk(raster: InkRaster): Uint8ClampedArray<ArrayBuffer> {
  const full = raster.fullInk ?? 1;
  const out = new Uint8ClampedArray(raster.width * raster.height * 4);
  for (let i = 0; i < raster.width * raster.height; i++) {
    out[i * 4 + 3] = Math.round((255 * (raster.data[i] as number)) / full);
  }
  return out;
}

/**
 * Where a pointer at (`clientX`, `clientY`) page pixels is on a canvas of `width` × `height`
 * canvas pixels laid out at `rect` (page pixels): [x, y] in canvas pixels, unrounded.
 */
export function canvasPoint(
  clientX: number,
  clientY: number,
  rect: { readonly left: number; readonly top: number; readonly width: number; readonly height: number },
  width: number,
  height: number,
): [number, number] {
  return [((clientX - rect.left) * width) / rect.width, ((clientY - rect.top) * height) / rect.height];
}

/**
 * What the network reads, as an RGBA image [LENET_SIDE, LENET_SIDE, 4]: the 28×28 MNIST digit
 * (0–255 ink) centred with LeNet's margin, dark ink on white; all white for no digit (null).
 */
export function inputImage(digit: Uint8Array | null): Uint8ClampedArray<ArrayBuffer> {
  const image = new Uint8ClampedArray(LENET_SIDE * LENET_SIDE * 4);
  for (let y = 0; y < LENET_SIDE; y++) {
    for (let x = 0; x < LENET_SIDE; x++) {
      const my = y - LENET_MARGIN;
      const mx = x - LENET_MARGIN;
      const inside = digit !== null && my >= 0 && mx >= 0 && my < MNIST_SIDE && mx < MNIST_SIDE;
      const grey = 255 - (inside ? (digit[my * MNIST_SIDE + mx] as number) : 0);
      image.set([grey, grey, grey, 255], (y * LENET_SIDE + x) * 4);
    }
  }
  return image;
}

/**
 * Map `k` of a stage as an RGBA image [height, width, 4]: grey levels on the stage's shared
 * scale `range` (smallest value white, largest black), so maps of one stage compare directly.
 */
export function mapImage(
  maps: FeatureMaps,
  k: number,
  range: readonly [number, number] = maps.range,
): Uint8ClampedArray<ArrayBuffer> {
  const size = maps.height * maps.width;
  const [lo, hi] = range;
  const span = hi > lo ? hi - lo : 1;
  const out = new Uint8ClampedArray(size * 4);
  for (let p = 0; p < size; p++) {
    const v = maps.values[k * size + p] as number;
    const grey = 255 - Math.round((255 * (v - lo)) / span);
    out.set([grey, grey, grey, 255], p * 4);
  }
  return out;
}

/**
 * The 1×1 maps of a flat stage (C5's 120, F6's 84) as one RGBA image of `columns` units a row,
 * [ceil(maps / columns), columns, 4]; cells past the last unit are transparent.
 */
export function unitGridImage(
  maps: FeatureMaps,
  columns: number,
): { image: Uint8ClampedArray<ArrayBuffer>; rows: number } {
  const rows = Math.ceil(maps.maps / columns);
  const [lo, hi] = maps.range;
  const span = hi > lo ? hi - lo : 1;
  const image = new Uint8ClampedArray(rows * columns * 4);
  for (let k = 0; k < maps.maps; k++) {
    const grey = 255 - Math.round((255 * ((maps.values[k] as number) - lo)) / span);
    image.set([grey, grey, grey, 255], k * 4);
  }
  return { image, rows };
}

/** Units a row in the grid of a flat stage's 1×1 maps. */
export const UNIT_GRID_COLUMNS = 12;

/** Whether a stage is drawn as one grid of 1×1 maps rather than map by map. */
export function isUnitGrid(maps: FeatureMaps): boolean {
  return maps.height === 1 && maps.width === 1;
}

/**
 * The picture of one map button: map `k` of the stage ([height, width, 4] RGBA), or for a flat
 * stage all its units as one grid of UNIT_GRID_COLUMNS a row (`k` unused).
 */
export function stageImage(
  maps: FeatureMaps,
  k: number,
): { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  if (!isUnitGrid(maps)) return { data: mapImage(maps, k), width: maps.width, height: maps.height };
  const { image, rows } = unitGridImage(maps, UNIT_GRID_COLUMNS);
  return { data: image, width: UNIT_GRID_COLUMNS, height: rows };
}

/** [row, column] of the most active unit of map `k` (the first, on ties). */
export function strongestUnit(maps: FeatureMaps, k: number): [number, number] {
  const size = maps.height * maps.width;
  let best = 0;
  for (let p = 1; p < size; p++) {
    if ((maps.values[k * size + p] as number) > (maps.values[k * size + best] as number)) best = p;
  }
  return [Math.floor(best / maps.width), best % maps.width];
}

/**
 * The unit an arrow key moves to from (`row`, `col`) in a rows × cols map, staying inside it;
 * null for any other key. `count` (default rows × cols) limits a partly filled grid: positions
 * row·cols + col ≥ count are not units.
 */
export function moveUnit(
  key: string,
  row: number,
  col: number,
  rows: number,
  cols: number,
  count = rows * cols,
): [number, number] | null {
  const step = ARROW_MOVES[key];
  if (step === undefined) return null;
  const r = Math.min(rows - 1, Math.max(0, row + step[0]));
  const c = Math.min(cols - 1, Math.max(0, col + step[1]));
  return r * cols + c < count ? [r, c] : [row, col];
}

/** A number for the tables and labels: 3 significant decimals. */
export function formatValue(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

/** A probability 0…1 as a percentage with one decimal. */
export function formatPercent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

/** Rows of the probability table: digit, probability. */
export function probabilityRows(probabilities: ArrayLike<number>): string[][] {
  return Array.from(probabilities, (p, digit) => [String(digit), formatPercent(p)]);
}

/** Rows of the per-map table: stage, map, min, max (flat stages: one row for all their units). */
export function mapRangeRows(t: LenetLiveStrings, stages: Readonly<Record<LenetStage, FeatureMaps>>): string[][] {
  return Object.entries(stages).flatMap(([stage, maps]) =>
    isUnitGrid(maps)
      ? [[stage, t.allUnits(maps.maps), formatValue(maps.range[0]), formatValue(maps.range[1])]]
      : Array.from(maps.min, (lo, k) => [stage, String(k), formatValue(lo), formatValue(maps.max[k] as number)]),
  );
}

/** Steps of a reader's training run. */
export const TRAIN_TOTAL_STEPS = 600;
/** Steps per 'lenet-train' job: pause takes effect within one chunk, and accuracy is measured after each. */
export const TRAIN_CHUNK_STEPS = 10;
/** Held-out digits the run's test accuracy is measured on. */
export const TRAIN_TEST_COUNT = 500;

/** One chunk of a training run as the page keeps it. */
export interface TrainingPoint {
  /** Steps done after the chunk. */
  readonly step: number;
  /** Mean training loss of the chunk's steps, nats. */
  readonly loss: number;
  /** Test accuracy after the chunk, 0–1. */
  readonly accuracy: number;
}

/** The mean of the step losses of a chunk (NaN for none). */
export function meanLoss(losses: readonly { readonly loss: number }[]): number {
  return losses.length === 0 ? Number.NaN : losses.reduce((a, s) => a + s.loss, 0) / losses.length;
}

/** Rows of the training table: step, mean loss, test accuracy. */
export function trainingRows(points: readonly TrainingPoint[]): string[][] {
  return points.map((p) => [String(p.step), formatValue(p.loss), formatPercent(p.accuracy)]);
}

/** 784-byte digits joined and written as base64 (the picker's digits, embedded in the page at build time). */
export function encodeDigitsBase64(images: Uint8Array): string {
  let text = '';
  for (let i = 0; i < images.length; i += 0x8000) text += String.fromCharCode(...images.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The inverse of {@link encodeDigitsBase64}: digit `k`'s 784 bytes. Throws for a bad string or index. */
export function decodeDigitBase64(base64: string, k: number): Uint8Array {
  const text = atob(base64);
  const start = k * MNIST_PIXELS;
  if (!(Number.isInteger(k) && k >= 0 && start + MNIST_PIXELS <= text.length)) {
    throw new Error(`no digit ${k} among ${Math.floor(text.length / MNIST_PIXELS)}`);
  }
  return Uint8Array.from({ length: MNIST_PIXELS }, (_, i) => text.charCodeAt(start + i));
}

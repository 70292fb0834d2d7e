/**
 * Maps a grid of non-negative values to RGBA pixels for a canvas heat map. A sequential
 * dark-to-bright scale (viridis-like stops) that reads on light and dark pages alike.
 */

/** Colour stops from 0 to 1, RGB 0–255. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** RGB for t in [0, 1] (clamped). */
export function heatColor(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/**
 * RGBA pixels (length 4·values.length) for `values` scaled by their largest magnitude, so the
 * strongest value is brightest. All-zero input gives the darkest colour everywhere.
 */
export function heatmapPixels(values: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i] ?? 0));
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const [r, g, b] = heatColor(max === 0 ? 0 : Math.abs(values[i] ?? 0) / max);
    out.set([r, g, b, 255], i * 4);
  }
  return out;
}

/** Sums of |values| per row of a row-major [height, width] grid. */
export function rowSums(values: ArrayLike<number>, height: number, width: number): number[] {
  return Array.from({ length: height }, (_, y) => {
    let sum = 0;
    for (let x = 0; x < width; x++) sum += Math.abs(values[y * width + x] ?? 0);
    return sum;
  });
}

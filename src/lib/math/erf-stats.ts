/**
 * Statistics of an effective receptive field (Luo, Li, Urtasun, Zemel 2016): a non-negative map
 * of |∂unit/∂input| over the input pixels. Pure TypeScript (no TF.js), so the worker, the tests
 * and the widget share one definition of every number the explorer shows.
 *
 * Coordinates are input pixel coordinates: row y, column x, the first pixel's centre at 0.
 * Lengths are in input pixels.
 */

/** An inclusive box of pixel rows and columns. */
export interface PixelBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What the explorer reports about one effective receptive field. */
export interface ErfStats {
  /** Σ of the map. */
  readonly mass: number;
  /** Centre of mass [y, x]. */
  readonly centroid: readonly [number, number];
  /** Standard deviation of the mass about its centroid, per axis [σy, σx]. */
  readonly sigma: readonly [number, number];
  /** √((σy² + σx²)/2): one σ for both axes. */
  readonly sigmaRms: number;
  /**
   * The effective size: the side of the smallest square centred on the unit's field centre that
   * holds `fraction` (default 95%) of the mass. Comparable to the theoretical field's side.
   */
  readonly size: number;
  /** Bounding box of the pixels whose value is above zero; null when the map is all zero. */
  readonly support: PixelBox | null;
}

/** The share of gradient mass the effective size holds. */
export const ERF_MASS_FRACTION = 0.95;

function checkMap(map: ArrayLike<number>, height: number, width: number): void {
  if (map.length !== height * width) {
    throw new RangeError(`an ERF map of ${height}×${width} needs ${height * width} values, got ${map.length}`);
  }
  for (let i = 0; i < map.length; i++) {
    const v = map[i]!;
    if (!Number.isFinite(v) || v < 0) {
      throw new RangeError(`ERF map value ${v} at pixel ${i} is not a finite non-negative number`);
    }
  }
}

/** Σ of the map. */
export function mapMass(map: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < map.length; i++) total += map[i]!;
  return total;
}

/**
 * Side of the smallest square centred on `centre` ([y, x], may be half-integer) holding
 * `fraction` of the mass. A pixel is inside a square of half-width a when its Chebyshev
 * distance max(|y − cy|, |x − cx|) ≤ a; the side is 2a + 1. Between two distances the side is
 * interpolated linearly in the cumulative mass, so it changes smoothly with depth. 0 for an
 * all-zero map.
 */
export function centredSquareSize(
  map: ArrayLike<number>,
  height: number,
  width: number,
  centre: readonly [number, number],
  fraction = ERF_MASS_FRACTION,
): number {
  checkMap(map, height, width);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must be in (0, 1], got ${fraction}`);
  const massAt = new Map<number, number>();
  let total = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = map[y * width + x]!;
      if (v === 0) continue;
      const d = Math.max(Math.abs(y - centre[0]), Math.abs(x - centre[1]));
      massAt.set(d, (massAt.get(d) ?? 0) + v);
      total += v;
    }
  }
  if (total === 0) return 0;
  const target = fraction * total;
  const distances = [...massAt.keys()].sort((a, b) => a - b);
  let cumulative = 0;
  let previous: number | null = null;
  for (const d of distances) {
    const next = cumulative + massAt.get(d)!;
    // Rounding may leave the last cumulative sum a hair under fraction · total.
    if (next >= target * (1 - 1e-12)) {
      if (previous === null) return 2 * d + 1;
      const t = Math.min(1, Math.max(0, (target - cumulative) / (next - cumulative)));
      return 2 * (previous + t * (d - previous)) + 1;
    }
    cumulative = next;
    previous = d;
  }
  return 2 * (distances[distances.length - 1] ?? 0) + 1;
}

/** Bounding box of the pixels above `threshold` (default 0), or null when there are none. */
export function supportBox(map: ArrayLike<number>, height: number, width: number, threshold = 0): PixelBox | null {
  let top = height;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!(map[y * width + x]! > threshold)) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/**
 * Every statistic of one ERF map: `map` is [height·width] row-major and non-negative;
 * `centre` is the centre [y, x] of the unit's theoretical field, the centre of the square
 * that defines the effective size. Throws RangeError on negative or non-finite values (a
 * gradient that overflowed).
 */
export function erfStats(
  map: ArrayLike<number>,
  height: number,
  width: number,
  centre: readonly [number, number],
  fraction = ERF_MASS_FRACTION,
): ErfStats {
  checkMap(map, height, width);
  const mass = mapMass(map);
  let my = 0;
  let mx = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = map[y * width + x]!;
      my += v * y;
      mx += v * x;
    }
  }
  const centroid: [number, number] = mass > 0 ? [my / mass, mx / mass] : [centre[0], centre[1]];
  let vy = 0;
  let vx = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = map[y * width + x]!;
      vy += v * (y - centroid[0]) ** 2;
      vx += v * (x - centroid[1]) ** 2;
    }
  }
  const sigma: [number, number] = mass > 0 ? [Math.sqrt(vy / mass), Math.sqrt(vx / mass)] : [0, 0];
  return {
    mass,
    centroid,
    sigma,
    sigmaRms: Math.sqrt((sigma[0] ** 2 + sigma[1] ** 2) / 2),
    size: centredSquareSize(map, height, width, centre, fraction),
    support: supportBox(map, height, width),
  };
}

/** `map` scaled to sum 1 (a copy); an all-zero map stays zero. */
export function normalizedMap(map: ArrayLike<number>): Float32Array {
  const total = mapMass(map);
  const out = new Float32Array(map.length);
  if (total > 0) for (let i = 0; i < map.length; i++) out[i] = map[i]! / total;
  return out;
}

/**
 * Least-squares slope of ln y against ln x: the exponent p of y ∝ x^p. Points with x ≤ 0 or
 * y ≤ 0 are left out; NaN with fewer than two distinct x.
 */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number {
  const points = xs.flatMap((x, i) => {
    const y = ys[i] ?? Number.NaN;
    return x > 0 && y > 0 ? [[Math.log(x), Math.log(y)] as const] : [];
  });
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return n >= 2 && sxx > 0 ? sxy / sxx : Number.NaN;
}

/**
 * The c of the √n reference curve c·√n closest (least squares) to `sizes` at `depths`:
 * c = Σ sᵢ√nᵢ / Σ nᵢ. Luo et al. 2016 show the effective field of an n-layer stack grows like √n.
 */
export function sqrtFit(depths: readonly number[], sizes: readonly number[]): number {
  let num = 0;
  let den = 0;
  depths.forEach((n, i) => {
    const s = sizes[i];
    if (s === undefined || !Number.isFinite(s) || n <= 0) return;
    num += s * Math.sqrt(n);
    den += n;
  });
  return den > 0 ? num / den : 0;
}

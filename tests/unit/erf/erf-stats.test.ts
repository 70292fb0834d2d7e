import { describe, expect, test } from 'vitest';
import {
  centredSquareSize,
  erfStats,
  logLogSlope,
  normalizedMap,
  sqrtFit,
  supportBox,
} from '../../../src/lib/math/erf-stats.ts';

/** A side×side map with `value` inside the inclusive box, 0 elsewhere. */
function boxMap(side: number, top: number, left: number, bottom: number, right: number, value = 1): Float32Array {
  const map = new Float32Array(side * side);
  for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) map[y * side + x] = value;
  return map;
}

/** A sampled isotropic Gaussian of standard deviation sigma centred at (c, c). */
function gaussianMap(side: number, c: number, sigma: number): Float32Array {
  const map = new Float32Array(side * side);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) map[y * side + x] = Math.exp(-((y - c) ** 2 + (x - c) ** 2) / (2 * sigma * sigma));
  return map;
}

describe('erfStats', () => {
  test('a single pixel: size 1, σ 0, support the pixel', () => {
    const map = boxMap(9, 4, 4, 4, 4, 2.5);
    expect(erfStats(map, 9, 9, [4, 4])).toEqual({
      mass: 2.5,
      centroid: [4, 4],
      sigma: [0, 0],
      sigmaRms: 0,
      size: 1,
      support: { top: 4, left: 4, bottom: 4, right: 4 },
    });
  });

  test('a uniform k×k box: σ² = (k² − 1)/12 per axis, support the box', () => {
    for (const k of [3, 5, 7]) {
      const h = (k - 1) / 2;
      const stats = erfStats(boxMap(15, 7 - h, 7 - h, 7 + h, 7 + h), 15, 15, [7, 7]);
      expect(stats.sigma[0]).toBeCloseTo(Math.sqrt((k * k - 1) / 12), 6);
      expect(stats.sigmaRms).toBeCloseTo(Math.sqrt((k * k - 1) / 12), 6);
      expect(stats.support).toEqual({ top: 7 - h, left: 7 - h, bottom: 7 + h, right: 7 + h });
      // 95% of the box lies just inside its outer ring: the size is a little under k.
      expect(stats.size).toBeGreaterThan(k - 1);
      expect(stats.size).toBeLessThanOrEqual(k);
    }
  });

  test('an isotropic Gaussian: σ is recovered, and the 95% square has side ≈ 2·2.236σ + 1', () => {
    const stats = erfStats(gaussianMap(81, 40, 6), 81, 81, [40, 40]);
    expect(stats.sigmaRms).toBeCloseTo(6, 2);
    expect(stats.centroid[0]).toBeCloseTo(40, 6);
    // Per axis erf(a/(σ√2))² = 0.95 gives a = 2.2365σ; pixels make it ±1.
    expect(Math.abs(stats.size - (2 * 2.2365 * 6 + 1))).toBeLessThan(1.5);
  });

  test('centredSquareSize is measured about the given centre, also half-integer ones', () => {
    const map = boxMap(8, 3, 3, 4, 4);
    expect(centredSquareSize(map, 8, 8, [3.5, 3.5])).toBe(2);
    expect(centredSquareSize(map, 8, 8, [3.5, 3.5], 0.5)).toBe(2);
    // Off-centre, the square must grow to reach the mass.
    expect(centredSquareSize(map, 8, 8, [1.5, 1.5])).toBeGreaterThan(5);
    expect(centredSquareSize(new Float32Array(64), 8, 8, [3.5, 3.5])).toBe(0);
  });

  test('an all-zero map has mass 0, size 0 and no support', () => {
    const stats = erfStats(new Float32Array(25), 5, 5, [2, 2]);
    expect(stats).toMatchObject({ mass: 0, size: 0, support: null, sigmaRms: 0 });
  });

  test('rejects maps of the wrong length, negative or non-finite values', () => {
    expect(() => erfStats(new Float32Array(24), 5, 5, [2, 2])).toThrow(/needs 25 values/);
    expect(() =>
      erfStats(
        Float32Array.from({ length: 4 }, (_, i) => (i === 2 ? -1 : 0)),
        2,
        2,
        [0, 0],
      ),
    ).toThrow(/not a finite non-negative/);
    expect(() =>
      erfStats(
        Float32Array.from({ length: 4 }, () => Number.POSITIVE_INFINITY),
        2,
        2,
        [0, 0],
      ),
    ).toThrow(RangeError);
  });

  test('supportBox takes a threshold', () => {
    const map = Float32Array.from([0, 0.1, 0, 0, 1, 0, 0, 0, 0.05]);
    expect(supportBox(map, 3, 3)).toEqual({ top: 0, left: 1, bottom: 2, right: 2 });
    expect(supportBox(map, 3, 3, 0.2)).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
  });

  test('normalizedMap sums to 1, and leaves an all-zero map at zero', () => {
    const n = normalizedMap([1, 3, 0, 4]);
    expect([...n]).toEqual([0.125, 0.375, 0, 0.5]);
    expect([...normalizedMap([0, 0])]).toEqual([0, 0]);
  });
});

describe('fits', () => {
  test('logLogSlope recovers the exponent of a power law, skipping non-positive points', () => {
    const xs = [1, 2, 4, 8, 16, 32];
    expect(
      logLogSlope(
        xs,
        xs.map((x) => 3 * x ** 0.5),
      ),
    ).toBeCloseTo(0.5, 10);
    expect(logLogSlope([0, ...xs], [5, ...xs.map((x) => x ** 1.5)])).toBeCloseTo(1.5, 10);
    expect(logLogSlope([2], [3])).toBeNaN();
  });

  test('sqrtFit finds c of c·√n exactly for exact data, least squares otherwise', () => {
    const depths = [1, 4, 9, 16];
    expect(
      sqrtFit(
        depths,
        depths.map((n) => 2.5 * Math.sqrt(n)),
      ),
    ).toBeCloseTo(2.5, 12);
    expect(sqrtFit([], [])).toBe(0);
    const c = sqrtFit([1, 4], [1, 3]);
    // d/dc Σ(c√n − s)² = 0 → c = (1·1 + 3·2)/(1 + 4)
    expect(c).toBeCloseTo(7 / 5, 12);
  });
});

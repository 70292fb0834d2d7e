import { describe, expect, test } from 'vitest';
import { initialValues, type InitScheme } from '../../../src/lib/compute/init.ts';
import { deriveSeed, mulberry32, rngFor } from '../../../src/lib/math/rng.ts';
import type { PlannedWeight, WeightName } from '../../../src/lib/compute/weight-plan.ts';

function planned(name: WeightName, shape: number[], fanIn: number, fanOut: number): PlannedWeight {
  const size = shape.reduce((a, b) => a * b, 1);
  return { key: `layer/${name}`, layerId: 'layer', name, shape, size, params: size, trainable: true, fanIn, fanOut };
}

function moments(values: Float32Array): { mean: number; std: number; min: number; max: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

describe('rng', () => {
  test('mulberry32 repeats its sequence for a seed, stays in [0, 1) and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a.uniform());
    expect(Array.from({ length: 1000 }, () => b.uniform())).toEqual(xs);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mulberry32(43).uniform()).not.toBe(xs[0]);
  });

  test('normal() has mean ≈ 0 and standard deviation ≈ 1', () => {
    const rng = mulberry32(1);
    const { mean, std } = moments(Float32Array.from({ length: 100_000 }, () => rng.normal()));
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std - 1)).toBeLessThan(0.01);
  });

  test('deriveSeed separates keys and seeds; rngFor streams are reproducible', () => {
    expect(deriveSeed(0, 'conv1/kernel')).not.toBe(deriveSeed(0, 'conv2/kernel'));
    expect(deriveSeed(0, 'conv1/kernel')).not.toBe(deriveSeed(1, 'conv1/kernel'));
    expect(rngFor(5, 'k').uniform()).toBe(rngFor(5, 'k').uniform());
  });
});

describe('initialValues', () => {
  const kernel = planned('kernel', [3, 3, 64, 64], 3 * 3 * 64, 3 * 3 * 64);

  test('he draws N(0, 2/fan_in)', () => {
    const { mean, std } = moments(initialValues(kernel, { init: 'he', seed: 1 }));
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(std / Math.sqrt(2 / kernel.fanIn)).toBeCloseTo(1, 1);
  });

  test('glorot draws U(±√(6/(fan_in + fan_out)))', () => {
    const limit = Math.sqrt(6 / (kernel.fanIn + kernel.fanOut));
    const { mean, std, min, max } = moments(initialValues(kernel, { init: 'glorot', seed: 1 }));
    expect(min).toBeGreaterThanOrEqual(-limit);
    expect(max).toBeLessThanOrEqual(limit);
    expect(max).toBeGreaterThan(0.99 * limit);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(std / (limit / Math.sqrt(3))).toBeCloseTo(1, 1);
  });

  test('normal draws N(0, normalStd²), 0.01 by default', () => {
    expect(moments(initialValues(kernel, { init: 'normal', seed: 1 })).std).toBeCloseTo(0.01, 3);
    expect(moments(initialValues(kernel, { init: 'normal', seed: 1, normalStd: 0.1 })).std).toBeCloseTo(0.1, 2);
  });

  test('uniform sets every weight to 1/fan_in', () => {
    const values = initialValues(kernel, { init: 'uniform', seed: 1 });
    expect(values.every((v) => v === Math.fround(1 / kernel.fanIn))).toBe(true);
  });

  test.each<InitScheme>(['he', 'glorot', 'normal', 'uniform'])(
    '%s starts biases at 0 and batch norm at γ = 1, β = 0, mean 0, variance 1',
    (init) => {
      const of = (name: WeightName): number[] => Array.from(initialValues(planned(name, [4], 9, 9), { init, seed: 3 }));
      expect(of('bias')).toEqual([0, 0, 0, 0]);
      expect(of('gamma')).toEqual([1, 1, 1, 1]);
      expect(of('beta')).toEqual([0, 0, 0, 0]);
      expect(of('movingMean')).toEqual([0, 0, 0, 0]);
      expect(of('movingVariance')).toEqual([1, 1, 1, 1]);
    },
  );

  test('a mask zeroes the unconnected entries; the values depend only on seed and key', () => {
    const mask = Float32Array.from({ length: kernel.size }, (_, i) => i % 3);
    const masked = initialValues(
      kernel,
      { init: 'he', seed: 2 },
      mask.map((v) => (v === 0 ? 0 : 1)),
    );
    const full = initialValues(kernel, { init: 'he', seed: 2 });
    masked.forEach((v, i) => expect(v).toBe(i % 3 === 0 ? 0 : full[i]));
    expect(initialValues({ ...kernel, key: 'other/kernel' }, { init: 'he', seed: 2 })).not.toEqual(full);
  });
});

import { describe, expect, it } from 'vitest';
import { erfVerdict } from '../../../src/lib/compute/experiments/erf/verdict.ts';
import { gradientFlowVerdict } from '../../../src/lib/compute/experiments/gradient-flow/verdict.ts';
import { shatteringVerdict } from '../../../src/lib/compute/experiments/shattering/verdict.ts';

// The rules of the three experiments at initialisation, on numbers made up to sit on each side.

describe('erfVerdict (σ ∝ √depth, Luo et al. 2016)', () => {
  const points = (exponent: number) => [1, 4, 9, 16].map((depth) => ({ depth, sigma: 0.8 * depth ** exponent }));

  it.each([
    [0.5, 'reproduced'],
    [0.58, 'reproduced'],
    [0.42, 'reproduced'],
    [0.65, 'not reproduced'],
    [0.3, 'not reproduced'],
    [1, 'not reproduced'],
  ])('exponent %f → %s', (exponent, verdict) => {
    const judged = erfVerdict(points(exponent));
    expect(judged.slope).toBeCloseTo(exponent, 6);
    expect(judged.verdict).toBe(verdict);
  });

  it('needs two depths', () => {
    expect(() => erfVerdict([{ depth: 3, sigma: 1 }])).toThrow(/two depths/);
  });
});

describe('gradientFlowVerdict (the plain gradient vanishes, the residual one is kept)', () => {
  it.each([
    [0, 1, 'reproduced'], // plain underflowed to zero
    [4e-10, 0.99, 'reproduced'],
    [9e-4, 9.9, 'reproduced'],
    [2e-3, 1, 'not reproduced'], // plain only fell 500×
    [0, 11, 'not reproduced'], // residual grew past 10×
    [0, 0.05, 'not reproduced'], // residual fell 20×
    [Number.NaN, 1, 'not reproduced'],
  ])('plain ratio %f, residual ratio %f → %s', (plain, residual, verdict) => {
    expect(gradientFlowVerdict(plain, residual).verdict).toBe(verdict);
  });
});

describe('shatteringVerdict (plain correlations decay with depth, residual ones stay, Balduzzi et al. 2017)', () => {
  const depths = [2, 8, 16, 24, 56, 110];
  const residual = [0.9, 0.84, 0.77, 0.7, 0.55, 0.41];

  it('reproduced when the plain net is uncorrelated from depth 24 on and the residual net stays at 0.3 or more', () => {
    const judged = shatteringVerdict(depths, [0.9, 0.63, 0.24, 0.01, -0.05, 0.02], residual);
    expect(judged).toEqual({ verdict: 'reproduced', plainDeep: expect.closeTo(0.08 / 3, 6), residualMin: 0.41 });
  });

  it.each([
    ['the plain net still correlated at depth 56', [0.9, 0.8, 0.7, 0.1, 0.2, 0.05], residual],
    ['the residual net decorrelated too', [0.9, 0.63, 0.24, 0.01, 0.0, 0.0], [0.9, 0.8, 0.6, 0.4, 0.2, 0.1]],
    ['no gradient reached the input (NaN)', [1, 1, Number.NaN, Number.NaN, Number.NaN, Number.NaN], residual],
  ])('not reproduced: %s', (_, plain, resid) => {
    expect(shatteringVerdict(depths, plain, resid).verdict).toBe('not reproduced');
  });

  it('needs a sweep that reaches depth 24', () => {
    expect(() => shatteringVerdict([2, 8], [0.9, 0.6], [0.9, 0.8])).toThrow(/reach depth 24/);
  });
});

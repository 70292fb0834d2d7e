import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import {
  flowParams,
  layerRows,
  normSeries,
  summaryLines,
  sweepKey,
  sweepSeries,
} from '../../../src/components/gradient-flow/plan.ts';
import { formatNorm } from '../../../src/components/widget/format-norm.ts';
import { PRESETS } from '../../../src/components/gradient-flow/presets.ts';
import type { GradientFlowResult } from '../../../src/lib/compute/jobs/gradient-flow.ts';
import type { GradientSweepResult } from '../../../src/lib/compute/jobs/gradient-sweep.ts';
import { defaultState } from '../../../src/lib/state/schema.ts';
import { gradientFlowSchema, type GradientFlowState } from '../../../src/lib/state/schemas/gradient-flow.ts';

const state: GradientFlowState = defaultState(gradientFlowSchema);
const result: GradientFlowResult = {
  depth: 4,
  plain: { loss: 2.3, layers: [1, 2, 3], activation: [0, 1e-5, 0.02], weight: [1e-9, 1e-6, 0.5] },
  residual: { loss: 2.3, layers: [1, 2, 3], activation: [0.9, 1, 1.1], weight: null },
  weightGradients: true,
};
const sweep: GradientSweepResult = {
  depths: [2, 8, 20],
  plain: { ratio: [1, 0.01, 1e-6], correlation: [1, 0.6, Number.NaN] },
  residual: { ratio: [1, 0.9, 0.8], correlation: [1, 0.95, 0.9] },
};

describe('gradient-flow explorer plan', () => {
  test('the naive init is N(0, 0.01²), and the residual twin is measured only with skips on', () => {
    expect(flowParams(state)).toMatchObject({ init: 'normal', normalStd: 0.01, twins: ['plain', 'residual'] });
    expect(flowParams({ ...state, skips: false }).twins).toEqual(['plain']);
  });

  test('the sweep does not depend on the depth, the plotted norm or the skips toggle', () => {
    expect(sweepKey({ ...state, depth: 90, norm: 'both', skips: false })).toBe(sweepKey(state));
    expect(sweepKey({ ...state, bn: true })).not.toBe(sweepKey(state));
  });

  test('formatNorm writes decades readably and says when a norm underflowed', () => {
    expect(formatNorm(2.34e-7, en.numbers)).toBe('2.3·10⁻⁷');
    expect(formatNorm(0.52, en.numbers)).toBe('0.52');
    expect(formatNorm(0, en.numbers)).toBe('0 (underflow)');
    expect(formatNorm(undefined, en.numbers)).toBe('—');
  });

  test('normSeries plots the chosen norm for each measured twin', () => {
    expect(normSeries(en.gradientFlow, result, state).map((s) => s.className)).toEqual([
      'gf-plain gf-activation',
      'gf-residual gf-activation',
    ]);
    // The residual twin's weight norms were not measured: only the plain one is plotted.
    expect(normSeries(en.gradientFlow, result, { ...state, norm: 'weight' }).map((s) => s.className)).toEqual([
      'gf-plain gf-weight',
    ]);
  });

  test('the summary gives each twin’s ratio and the first sweep depth below 10⁻³', () => {
    expect(summaryLines(en.gradientFlow, en.numbers, result, sweep)).toEqual([
      'Plain: ‖∂L/∂h₁‖ / ‖∂L/∂h_L‖ = 0 (underflow)',
      'Residual twin: ‖∂L/∂h₁‖ / ‖∂L/∂h_L‖ = 0.82',
      'The plain net’s ratio first drops below 10⁻³ at 20 layers (of the depths measured).',
    ]);
  });

  test('sweep series and table rows carry every measured depth; no gradient reads as such', () => {
    expect(sweepSeries(en.gradientFlow, sweep, { ...state, skips: false }).ratio).toHaveLength(1);
    expect(sweepSeries(en.gradientFlow, sweep, state).correlation[0]?.points).toEqual([
      [2, 1],
      [8, 0.6],
      [20, Number.NaN],
    ]);
    expect(layerRows(en.numbers, result)[0]).toEqual(['1', '0 (underflow)', '0.90', '1.0·10⁻⁹', '—']);
  });

  test('every preset is a valid state of the schema', () => {
    for (const preset of PRESETS) {
      const full = { ...state, ...preset.state };
      for (const [key, spec] of Object.entries(gradientFlowSchema)) {
        const value = full[key as keyof GradientFlowState];
        if (spec.type === 'enum') expect(spec.values).toContain(value);
        if (spec.type === 'int') expect(value).toBeGreaterThanOrEqual(spec.min);
      }
    }
  });
});

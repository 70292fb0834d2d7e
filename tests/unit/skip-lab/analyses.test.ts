import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { byKSeries, flowSeries, sliceSeries } from '../../../src/components/skip-lab/analysis-charts.ts';
import { lesionSummary, toggleBlock } from '../../../src/components/skip-lab/lesions.ts';
import { labSettings } from '../../../src/components/skip-lab/settings-state.ts';
import type { LabFlowResult, LabLandscapeResult, LabLesionResult } from '../../../src/lib/compute/jobs/lab.ts';

const t = en.skipLab;
const { config } = labSettings(t, { depth: 20, shallow: 8 });

describe('the reader’s lesions', () => {
  test('toggleBlock adds a block at the end and takes a pressed one out, leaving the list passed in alone', () => {
    const one = ['stage1.block0'];
    expect(toggleBlock(one, 'stage2.block1')).toEqual(['stage1.block0', 'stage2.block1']);
    expect(toggleBlock(['stage1.block0', 'stage2.block1'], 'stage1.block0')).toEqual(['stage2.block1']);
    expect(one).toEqual(['stage1.block0']);
  });

  test('lesionSummary gives the accuracy with the deleted blocks, then intact; intact alone when none is deleted', () => {
    const result: LabLesionResult = {
      blocks: ['stage1.block0'],
      lesioned: { plain: 0.1, residual: 0.6 },
      intact: { plain: 0.7, residual: 0.75 },
      study: null,
      testCount: 100,
    };
    expect(lesionSummary(t, ['stage1.block0'], result)).toBe(
      'Test accuracy with the deleted blocks: plain 10.0%, residual 60.0%. Intact: plain 70.0%, residual 75.0%.',
    );
    expect(lesionSummary(t, [], result)).toBe('Intact: plain 70.0%, residual 75.0%.');
  });
});

describe('the analyses’ series', () => {
  const norms = (activation: number[]) => ({ loss: 1, layers: [1, 2, 3], activation, weight: null });
  const flow: LabFlowResult = {
    nets: { plain: norms([3, 2, 1]), residual: norms([1, 1]) },
    weightGradients: false,
    step: 10,
  };

  test('flowSeries draws each twin’s gradient norm per layer, null where a layer was not measured', () => {
    const [plain, residual] = flowSeries(t, config, true, flow);
    expect(plain).toEqual({
      className: 'sl-net sl-plain',
      label: 'plain-20',
      points: [
        [1, 3],
        [2, 2],
        [3, 1],
      ],
    });
    expect(residual?.label).toBe('ResNet-20');
    expect(residual?.points.at(-1)).toEqual([3, null]);
  });

  test('with the identity shortcut off the residual series says so', () => {
    expect(flowSeries(t, config, false, flow)[1]?.label).toBe('ResNet-20 without shortcuts');
  });

  test('byKSeries draws the mean with min–max bars and dots; sliceSeries the loss against α', () => {
    const byK = (mean: number) => ({
      blocks: [],
      intact: 1,
      perBlock: [],
      byK: [{ k: 1, mean, min: mean - 0.1, max: mean + 0.1 }],
    });
    const [plain] = byKSeries(t, config, { plain: byK(0.5), residual: byK(0.8) });
    expect(plain).toEqual({
      className: 'sl-net sl-plain',
      label: 'plain-20',
      points: [[1, 0.5]],
      ranges: [[1, 0.4, 0.6]],
      dots: true,
    });
    const landscape: LabLandscapeResult = {
      alphas: [-1, 0, 1],
      gridAxis: [],
      nets: { plain: { line: [3, 1, 2], grid: null }, residual: { line: [2, 1], grid: null } },
      step: 10,
    };
    const slices = sliceSeries(t, config, landscape);
    expect(slices.map((s) => s.className)).toEqual(['sl-net sl-plain', 'sl-net sl-residual']);
    expect(slices[1]?.points).toEqual([
      [-1, 2],
      [0, 1],
      [1, null],
    ]);
  });
});

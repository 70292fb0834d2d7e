import { beforeAll, describe, expect, test } from 'vitest';
import { gradientFlowJob, type GradientFlowParams } from '../../../src/lib/compute/jobs/gradient-flow.ts';
import { gradientSweepJob } from '../../../src/lib/compute/jobs/gradient-sweep.ts';
import { firstLastRatio } from '../../../src/lib/compute/gradient-flow/stats.ts';
import { hasWeightGradients } from '../../../src/lib/compute/gradient-flow/setup.ts';
import { jobContext, tensorsLeftBy, useCpu } from '../compute/helpers.ts';

beforeAll(useCpu);

const context = jobContext;

const params: GradientFlowParams = {
  depth: 12,
  width: 8,
  activation: 'relu',
  bn: true,
  skipEvery: 2,
  init: 'he',
  inputShape: [16, 16, 3],
  stemStride: 2,
  classes: 10,
  batch: 8,
};

describe("job 'gradient-flow'", () => {
  test('measures both twins, with weight norms on a backend that has Conv2DBackpropFilter, and frees its tensors', async () => {
    expect(hasWeightGradients('cpu')).toBe(true);
    const left = await tensorsLeftBy(async () => {
      const result = await gradientFlowJob().run(params, context());
      expect(result.weightGradients).toBe(true);
      expect(result.plain?.activation).toHaveLength(11);
      expect(result.residual?.weight).toHaveLength(11);
    });
    expect(left).toBe(0);
  });

  test('measures only the twins asked for', async () => {
    const result = await gradientFlowJob().run({ ...params, twins: ['plain'] }, context());
    expect(result.plain).not.toBeNull();
    expect(result.residual).toBeNull();
  });

  test('rejects a batch of one (batch norm needs two) and an impossible depth with a clear message', async () => {
    await expect(gradientFlowJob().run({ ...params, batch: 1 }, context())).rejects.toThrow(/batch must be 2…256/);
    await expect(gradientFlowJob().run({ ...params, depth: 500 }, context())).rejects.toThrow(/depth must be/);
  });
});

describe("job 'gradient-sweep'", () => {
  test('gives per-depth ratios equal to the main job’s, correlations in [−1, 1], progress per depth, no leaks', async () => {
    const progress: unknown[] = [];
    const depths = [2, 6, 12];
    const left = await tensorsLeftBy(async () => {
      const sweep = await gradientSweepJob().run({ ...params, depths, linePoints: 16 }, context(progress));
      expect(sweep.depths).toEqual(depths);
      expect(progress).toHaveLength(3);
      expect(sweep.plain.ratio[0]).toBeCloseTo(1, 6);
      const main = await gradientFlowJob().run(params, context());
      expect(sweep.plain.ratio[2]).toBeCloseTo(firstLastRatio(main.plain?.activation ?? []), 5);
      expect(sweep.residual.ratio[2]).toBeCloseTo(firstLastRatio(main.residual?.activation ?? []), 5);
      for (const c of [...sweep.plain.correlation, ...sweep.residual.correlation]) {
        expect(c).toBeGreaterThanOrEqual(-1);
        expect(c).toBeLessThanOrEqual(1);
      }
    });
    expect(left).toBe(0);
  });

  test('deep plain ReLU+BN nets shatter gradients and their residual twins do not (Balduzzi et al. 2017)', async () => {
    const sweep = await gradientSweepJob().run({ ...params, width: 16, depths: [4, 40], linePoints: 32 }, context());
    expect(sweep.plain.correlation[0]).toBeGreaterThan(0.7);
    expect(sweep.plain.correlation[1]).toBeLessThan(0.2);
    expect(sweep.residual.correlation[1]).toBeGreaterThan(0.45);
  });
});

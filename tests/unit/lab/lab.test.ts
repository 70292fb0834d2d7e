import { afterAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_LAB_CONFIG,
  labConfigProblems,
  labLearningRate,
  type LabConfig,
} from '../../../src/lib/compute/lab/config.ts';
import {
  LabStore,
  labFlowJob,
  labLandscapeJob,
  labLesionJob,
  labResetJob,
  labTrainJob,
  symmetricAxis,
  type LabTrainProgress,
} from '../../../src/lib/compute/jobs/lab.ts';
import { jobContext, tensorsLeftBy } from '../compute/helpers.ts';
import { firstDigits, trainOnWasm } from '../compute/training-setup.ts';

// The WASM backend, as the page's worker trains: the CPU backend took a minute a test here.
trainOnWasm();

/**
 * 32 training digits (two batches, seen a dozen times: a tiny net learns them in a few CPU
 * steps, where it would need hundreds to learn MNIST) and 100 test digits.
 */
const split = firstDigits(32, 100);
const data = { split };
const config: LabConfig = {
  ...DEFAULT_LAB_CONFIG,
  depth: 14,
  shallowDepth: 8,
  width: 4,
  batch: 16,
  learningRate: 0.1,
  totalSteps: 40,
  seed: 3,
};

describe('lab configuration', () => {
  test('the default configuration is valid and a bad one lists every problem', () => {
    expect(labConfigProblems(DEFAULT_LAB_CONFIG)).toEqual([]);
    const problems = labConfigProblems({ ...config, depth: 15, shallowDepth: 20, width: 0, momentum: 1 });
    expect(problems.join('\n')).toMatch(/depth must be 6n \+ 2/);
    expect(problems.join('\n')).toMatch(/shallow baseline/);
    expect(problems.join('\n')).toMatch(/width/);
    expect(problems.join('\n')).toMatch(/momentum/);
  });

  test('the step schedule divides η by 10 at 50% and 75% of the run; cosine ends near 0', () => {
    const step = { ...config, schedule: 'step' as const, totalSteps: 100, learningRate: 0.1 };
    expect([0, 49, 50, 74, 75, 99].map((s) => labLearningRate(step, s))).toEqual([0.1, 0.1, 0.01, 0.01, 0.001, 0.001]);
    const cosine = { ...step, schedule: 'cosine' as const };
    expect(labLearningRate(cosine, 0)).toBeCloseTo(0.1, 6);
    expect(labLearningRate(cosine, 99)).toBeLessThan(1e-3);
  });

  test('a warm-up raises η linearly to its peak, then the schedule runs; a warm-up as long as the run is refused', () => {
    const warm = { ...config, schedule: 'constant' as const, totalSteps: 100, learningRate: 0.1, warmupSteps: 10 };
    expect([0, 4, 9, 10, 99].map((s) => labLearningRate(warm, s))).toEqual([0.01, 0.05, 0.1, 0.1, 0.1]);
    expect(labConfigProblems({ ...warm, warmupSteps: 100 })).toEqual([
      'warm-up steps must be a whole number in 0…99, got 100',
    ]);
  });

  test('symmetricAxis(5, 1) runs from −1 to 1 through 0', () => {
    expect(symmetricAxis(5, 1)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});

describe("the lab's jobs on one training run (plain-14, ResNet-14, plain-8 on MNIST)", () => {
  const store = new LabStore();
  const runId = 'test-run';
  const steps: LabTrainProgress[] = [];
  afterAll(() => store.reset());

  test("'lab-train' lowers the training loss of all three networks, streaming every step", async () => {
    const progress: unknown[] = [];
    const train = labTrainJob(store);
    const chunk = await train.run({ runId, config, data, steps: 12, resume: false }, jobContext(progress));
    expect(chunk.step).toBe(12);
    expect(progress).toHaveLength(12);
    const more = await train.run({ runId, config, data, steps: 12, resume: true }, jobContext());
    expect(more.step).toBe(24);
    steps.push(...chunk.steps, ...more.steps);
    const mean = (net: 'shallow' | 'plain' | 'residual', from: number, to: number) =>
      steps.slice(from, to).reduce((sum, s) => sum + s.nets[net].loss, 0) / (to - from);
    for (const net of ['shallow', 'plain', 'residual'] as const) {
      expect(mean(net, 0, 4)).toBeGreaterThan(2); // ≈ ln 10 at the start
      expect(mean(net, 18, 24)).toBeLessThan(0.7 * mean(net, 0, 4));
    }
    expect(steps.every((s) => s.ms > 0 && s.learningRate === config.learningRate)).toBe(true);
  });

  test("'lab-train' with resume on a run the worker does not hold says so", async () => {
    await expect(
      labTrainJob(store).run({ runId: 'gone', config, data, steps: 1, resume: true }, jobContext()),
    ).rejects.toThrow(/no longer in this tab's compute worker/);
  });

  test("'lab-lesion' returns test accuracy per deleted block and against k random deleted blocks", async () => {
    const progress: unknown[] = [];
    const result = await labLesionJob(store).run(
      { runId, lesions: ['stage2.block1'], study: { maxK: 3, trials: 2, seed: 1 } },
      jobContext(progress),
    );
    expect(result.blocks).toEqual([
      'stage1.block0',
      'stage1.block1',
      'stage2.block0',
      'stage2.block1',
      'stage3.block0',
      'stage3.block1',
    ]);
    expect(result.testCount).toBe(100);
    for (const twin of ['plain', 'residual'] as const) {
      const study = result.study?.[twin];
      expect(study?.perBlock).toHaveLength(6);
      expect(study?.byK.map((p) => p.k)).toEqual([0, 1, 2, 3]);
      expect(study?.intact).toBe(result.intact[twin]);
      expect(study?.perBlock[3]).toBe(result.lesioned[twin]);
      for (const p of study?.byK ?? []) expect(p.min <= p.mean && p.mean <= p.max).toBe(true);
    }
    for (const value of [...Object.values(result.intact), ...Object.values(result.lesioned)]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(progress.at(-1)).toEqual({ done: 2 * (1 + 6 + 3 * 2), total: 2 * (1 + 6 + 3 * 2) });
    await expect(labLesionJob(store).run({ runId, lesions: ['stage9.block0'] }, jobContext())).rejects.toThrow(
      /no such block: stage9.block0/,
    );
  });

  test("'lab-landscape' at α = 0 equals the trained loss, and its 2-D grid crosses the 1-D slice at β = 0", async () => {
    const params = { runId, points: 5, grid: 3, span: 1, seed: 2, sampleCount: 64 };
    const result = await labLandscapeJob(store).run(params, jobContext());
    expect(result.alphas).toEqual([-1, -0.5, 0, 0.5, 1]);
    const flow = await labFlowJob(store).run({ runId, identity: true, sampleCount: 64 }, jobContext());
    for (const twin of ['plain', 'residual'] as const) {
      const { line, grid } = result.nets[twin];
      expect(line[2]).toBeCloseTo(flow.nets[twin].loss, 4);
      expect(grid?.[1]?.[1]).toBeCloseTo(line[2] as number, 4);
      expect(grid?.[1]?.[0]).toBeCloseTo(line[0] as number, 4);
      expect(Math.max(...line)).toBeGreaterThan(line[2] as number);
    }
  });

  test("'lab-flow' measures every conv layer of both trained nets; the identity switch changes the residual net's gradients", async () => {
    const on = await labFlowJob(store).run({ runId, identity: true, sampleCount: 32 }, jobContext());
    const off = await labFlowJob(store).run({ runId, identity: false, sampleCount: 32 }, jobContext());
    expect(on.nets.plain.layers).toHaveLength(13);
    expect(on.weightGradients).toBe(true);
    expect(off.nets.plain.activation).toEqual(on.nets.plain.activation);
    expect(off.nets.residual.activation).not.toEqual(on.nets.residual.activation);
  });

  test('the jobs leave no tensors behind, and reset frees the run', async () => {
    const left = await tensorsLeftBy(async () => {
      await labTrainJob(store).run({ runId, config, data, steps: 2, resume: true }, jobContext());
      await labLesionJob(store).run({ runId, lesions: ['stage1.block0'] }, jobContext());
      await labLandscapeJob(store).run(
        { runId, points: 3, grid: 0, span: 0.5, seed: 1, sampleCount: 16 },
        jobContext(),
      );
      await labFlowJob(store).run({ runId, identity: false, sampleCount: 8 }, jobContext());
    });
    expect(left).toBe(0);
    const before = await tensorsLeftBy(async () => {
      await labResetJob(store).run({}, jobContext());
    });
    expect(before).toBeLessThan(-100);
    expect(store.find(runId)).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mnistSplit } from '../../../scripts/mnist-asset.ts';
import { selectDigits, type MnistSplit } from '../../../src/lib/data/mnist.ts';
import { createJobs } from '../../../src/lib/compute/jobs/index.ts';
import { lenetInferJob } from '../../../src/lib/compute/jobs/lenet-infer.ts';
import {
  LenetTrainStore,
  lenetTrainJob,
  lenetTrainResetJob,
  type LenetTrainStep,
} from '../../../src/lib/compute/jobs/lenet-train.ts';
import { ModelCache } from '../../../src/lib/compute/model-cache.ts';
import { useFastCpuFilterGradient } from '../../../src/lib/compute/training/cpu-filter-gradient.ts';
import { jobContext, tensorsLeftBy, tf, useCpu } from './helpers.ts';

let restoreKernel: () => void = () => undefined;
beforeAll(async () => {
  await useCpu();
  restoreKernel = useFastCpuFilterGradient();
});
afterAll(() => restoreKernel());

const first = (n: number) => Array.from({ length: n }, (_, i) => i);
const full = mnistSplit();
/** 64 training digits (two batches of 32, seen again and again) and 20 test digits: a few CPU steps. */
const split: MnistSplit = { train: selectDigits(full.train, first(64)), test: selectDigits(full.test, first(20)) };
const data = { split };
const mean = (steps: readonly LenetTrainStep[]) => steps.reduce((a, s) => a + s.loss, 0) / steps.length;

describe("job 'lenet-train'", () => {
  test('training lenet5_modern from scratch lowers the loss, resumes where it stopped and leaks nothing', async () => {
    const store = new LenetTrainStore();
    const job = lenetTrainJob(store);
    const progress: unknown[] = [];
    const base = { runId: 'r1', model: 'lenet5_modern' as const, data, testCount: 20 };
    const start = await job.run({ ...base, steps: 4, resume: false }, jobContext(progress));
    expect(start.step).toBe(4);
    expect(progress).toHaveLength(4);
    expect(start.test.count).toBe(20);
    let later = start;
    const left = await tensorsLeftBy(async () => {
      later = await job.run({ ...base, steps: 16, resume: true }, jobContext());
    });
    expect(left).toBe(0);
    expect(later.step).toBe(20);
    expect(later.steps[0]?.step).toBe(5);
    expect(mean(later.steps.slice(-4))).toBeLessThan(mean(start.steps) * 0.8);
    expect(later.test.accuracy).toBeGreaterThanOrEqual(0);
    expect(later.test.accuracy).toBeLessThanOrEqual(1);

    // 'lenet-infer' reads the run's current weights when asked to, leaving only its own copy.
    const infer = lenetInferJob(new ModelCache(), fetch, async (id) => {
      const run = store.get(id);
      return { model: run.model, step: run.step, weights: () => run.net.getWeights() };
    });
    const pixels = split.train.images.slice(0, 784);
    const params = { model: 'lenet5_modern' as const, weightsUrl: '/unused/', pixels, trained: 'r1' };
    const read = await infer.run(params, jobContext());
    expect(read.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    const again = await tensorsLeftBy(async () => void (await infer.run(params, jobContext())));
    expect(again).toBe(0);
    await expect(infer.run({ ...params, trained: 'nope' }, jobContext())).rejects.toThrow(/no longer in this tab/);
    await expect(infer.run({ ...params, model: 'lenet5' }, jobContext())).rejects.toThrow(/trains lenet5_modern/);

    const before = tf.memory().numTensors;
    await lenetTrainResetJob(store).run({}, jobContext());
    expect(tf.memory().numTensors).toBeLessThan(before);
    await expect(job.run({ ...base, steps: 1, resume: true }, jobContext())).rejects.toThrow(/no longer in this tab/);
  }, 120_000);

  test('the 1998 lenet5 trains too (RBF output, scaled tanh): its loss falls', async () => {
    const store = new LenetTrainStore();
    const job = lenetTrainJob(store);
    const base = { runId: 'r2', model: 'lenet5' as const, data, testCount: 20 };
    const start = await job.run({ ...base, steps: 4, resume: false }, jobContext());
    const later = await job.run({ ...base, steps: 26, resume: true }, jobContext());
    expect(mean(later.steps.slice(-4))).toBeLessThan(mean(start.steps));
    store.reset();
  }, 120_000);

  test('bad parameters are refused before anything trains', async () => {
    const job = lenetTrainJob(new LenetTrainStore());
    const base = { runId: 'r3', model: 'lenet5' as const, data, resume: false };
    await expect(job.run({ ...base, steps: 0 }, jobContext())).rejects.toThrow(/steps must be/);
    await expect(job.run({ ...base, steps: 1, testCount: 5 }, jobContext())).rejects.toThrow(/testCount/);
    await expect(job.run({ ...base, steps: 1, model: 'alexnet' as unknown as 'lenet5' }, jobContext())).rejects.toThrow(
      /no shipped weights/,
    );
  });

  test('is registered in the worker job registry', () => {
    expect(Object.keys(createJobs().jobs)).toEqual(expect.arrayContaining(['lenet-train', 'lenet-train-reset']));
  });
});

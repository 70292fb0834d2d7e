import { afterAll, describe, expect, test } from 'vitest';
import { lenetExamples } from '../../../src/lib/data/lenet-examples.ts';
import { build } from '../../../src/lib/compute/network.ts';
import {
  DEFAULT_RELU_TANH_CONFIG,
  RELU_TANH_INIT,
  RELU_TANH_NETS,
  reluTanhConfigProblems,
  type ReluTanhConfig,
} from '../../../src/lib/compute/relu-tanh/config.ts';
import { reluTanhSpec } from '../../../src/lib/compute/relu-tanh/spec.ts';
import {
  ReluTanhStore,
  reluTanhResetJob,
  reluTanhTrainJob,
  type ReluTanhTrainProgress,
} from '../../../src/lib/compute/jobs/relu-tanh.ts';
import { createJobs } from '../../../src/lib/compute/jobs/index.ts';
import { jobContext, take, tensorsLeftBy, tf } from '../compute/helpers.ts';
import { firstDigits, trainOnCpu } from '../compute/training-setup.ts';

trainOnCpu();

const first = (n: number) => Array.from({ length: n }, (_, i) => i);
/** 32 training digits: two batches, seen several times, so a tiny net learns them in a few CPU steps. */
const split = firstDigits(32, 10);
const data = { split };
const config: ReluTanhConfig = { ...DEFAULT_RELU_TANH_CONFIG, width: 4, batch: 16, learningRate: 0.05, seed: 3 };

describe('ReLU-vs-tanh configuration and network', () => {
  test('the default configuration is valid and a bad one lists every problem', () => {
    expect(reluTanhConfigProblems(DEFAULT_RELU_TANH_CONFIG)).toEqual([]);
    const problems = reluTanhConfigProblems({ ...config, width: 0, batch: 1, momentum: 1 }).join('\n');
    expect(problems).toMatch(/width/);
    expect(problems).toMatch(/batch/);
    expect(problems).toMatch(/momentum/);
  });

  test('reluTanhSpec(relu) and reluTanhSpec(tanh) differ only in their activations; their weights come from one seed', () => {
    const relu = reluTanhSpec(config, 'relu');
    const tanh = reluTanhSpec(config, 'tanh');
    expect(relu.layers.map((l) => l.id)).toEqual(tanh.layers.map((l) => l.id));
    const kinds = (spec: typeof relu) => spec.layers.filter((l) => l.kind === 'activation').map((l) => l.activation);
    expect(kinds(relu)).toEqual(['relu', 'relu', 'relu']);
    expect(kinds(tanh)).toEqual(['tanh', 'tanh', 'tanh']);
    expect(relu.layers.filter((l) => l.kind === 'conv' || l.kind === 'dense')).toHaveLength(4);
    const weights = (net: 'relu' | 'tanh') => {
      const built = build(net === 'relu' ? relu : tanh, { init: RELU_TANH_INIT[net], seed: 3 });
      const values = built.getWeights();
      built.dispose();
      return values;
    };
    const [a, b] = [weights('relu'), weights('tanh')];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const key of Object.keys(a)) expect(b[key]?.length).toBe(a[key]?.length);
    expect(weights('relu')).toEqual(a); // seeded
  });

  test('dropout on changes training-mode outputs only', () => {
    const off = build(reluTanhSpec(config, 'relu'), { init: 'glorot', seed: 3 });
    const on = build(reluTanhSpec({ ...config, dropout: true }, 'relu'), { init: 'glorot', seed: 3 });
    expect(on.spec.layers.filter((l) => l.kind === 'dropout')).toHaveLength(2);
    const batch = lenetExamples(split.train).batch(first(4));
    const x = tf.tensor4d(batch.inputs, [4, 32, 32, 1]);
    const run = (net: typeof on, training: boolean) =>
      take(net.forward(x, { training, dropoutSeed: 5 }).output as tf.Tensor);
    expect(run(on, false)).toEqual(run(off, false));
    expect(run(off, true)).toEqual(run(off, false));
    expect(run(on, true)).not.toEqual(run(off, true));
    x.dispose();
    on.dispose();
    off.dispose();
  });
});

describe("the 'relu-tanh-train' job (ReLU and tanh nets on the same MNIST batches)", () => {
  const store = new ReluTanhStore();
  afterAll(() => store.reset());

  for (const dropout of [false, true]) {
    test(`lowers the training loss of both activations, streaming every step (dropout ${dropout ? 'on' : 'off'})`, async () => {
      const progress: unknown[] = [];
      const train = reluTanhTrainJob(store);
      const runId = `run-${dropout}`;
      const params = { runId, config: { ...config, dropout }, data };
      const chunk = await train.run({ ...params, steps: 8, resume: false }, jobContext(progress));
      expect(progress).toHaveLength(8);
      const more = await train.run({ ...params, steps: 8, resume: true }, jobContext());
      expect(more.step).toBe(16);
      const steps: ReluTanhTrainProgress[] = [...chunk.steps, ...more.steps];
      const mean = (net: (typeof RELU_TANH_NETS)[number], from: number, to: number) =>
        steps.slice(from, to).reduce((sum, s) => sum + s.nets[net].loss, 0) / (to - from);
      for (const net of RELU_TANH_NETS) {
        expect(mean(net, 0, 2)).toBeGreaterThan(1.8); // ≈ ln 10 at the start
        expect(mean(net, 12, 16)).toBeLessThan(0.75 * mean(net, 0, 2));
      }
      // Same initial weights, same first batch: the first losses differ only by the activation.
      expect(steps[0]?.nets.relu.loss).not.toBe(steps[0]?.nets.tanh.loss);
      expect(steps.every((s) => s.ms > 0 && s.learningRate === config.learningRate)).toBe(true);
    });
  }

  test('resuming a run the worker does not hold says so', async () => {
    await expect(
      reluTanhTrainJob(store).run({ runId: 'gone', config, data, steps: 1, resume: true }, jobContext()),
    ).rejects.toThrow(/no longer in this tab's compute worker/);
  });

  test('training leaves no tensors behind, and reset frees the run', async () => {
    const train = reluTanhTrainJob(store);
    const params = { runId: 'leak', config: { ...config, dropout: true }, data };
    await train.run({ ...params, steps: 1, resume: false }, jobContext());
    expect(
      await tensorsLeftBy(() => train.run({ ...params, steps: 3, resume: true }, jobContext()).then(() => {})),
    ).toBe(0);
    const held = tf.memory().numTensors;
    await reluTanhResetJob(store).run({} as Record<string, never>, jobContext());
    expect(tf.memory().numTensors).toBeLessThan(held);
    expect(store.find('leak')).toBeNull();
  });

  test('the registry runs it on a backend with weight gradients', () => {
    const { jobs } = createJobs();
    expect(jobs['relu-tanh-train']?.needs).toEqual({ weightGradients: true });
    expect(jobs['relu-tanh-reset']).toBeDefined();
  });
});

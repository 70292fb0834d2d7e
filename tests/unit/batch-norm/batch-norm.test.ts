import { afterAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_BATCH_NORM_CONFIG,
  batchNormConfigProblems,
  type BatchNormConfig,
  type BatchNormNet,
} from '../../../src/lib/compute/batch-norm/config.ts';
import { batchNormSpec } from '../../../src/lib/compute/batch-norm/spec.ts';
import {
  BatchNormStore,
  batchNormResetJob,
  batchNormTrainJob,
  type BatchNormTrainProgress,
} from '../../../src/lib/compute/jobs/batch-norm.ts';
import { createJobs } from '../../../src/lib/compute/jobs/index.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { evaluateClassifier } from '../../../src/lib/compute/training/evaluate.ts';
import { lenetExamples } from '../../../src/lib/data/lenet-examples.ts';
import { jobContext, tensorsLeftBy, tf } from '../compute/helpers.ts';
import { firstDigits, trainOnCpu } from '../compute/training-setup.ts';

trainOnCpu();

/** 64 training digits and 32 held-out ones: a few CPU steps of a narrow net. */
const split = firstDigits(64, 32);
const data = { split };
const config: BatchNormConfig = { ...DEFAULT_BATCH_NORM_CONFIG, width: 16, batch: 16, evalEvery: 4, seed: 3 };

describe('batch-norm configuration and networks', () => {
  test('the default configuration is valid and a bad one lists every problem', () => {
    expect(batchNormConfigProblems(DEFAULT_BATCH_NORM_CONFIG)).toEqual([]);
    const problems = batchNormConfigProblems({ ...config, depth: 0, batch: 1, learningRate: 0 }).join('\n');
    expect(problems).toMatch(/depth/);
    expect(problems).toMatch(/batch/);
    expect(problems).toMatch(/learning rate/);
  });

  test('the bn net is the plain net with a batch norm before every sigmoid, and their dense weights come from one seed', () => {
    const plain = batchNormSpec(DEFAULT_BATCH_NORM_CONFIG, 'plain');
    const bn = batchNormSpec(DEFAULT_BATCH_NORM_CONFIG, 'bn');
    const kinds = (spec: typeof plain) => spec.layers.map((l) => l.kind).join(' ');
    expect(kinds(plain)).toBe('flatten dense activation dense activation dense activation dense');
    expect(kinds(bn)).toBe(
      'flatten dense batchnorm activation dense batchnorm activation dense batchnorm activation dense',
    );
    const weights = (spec: typeof plain) => {
      const net = build(spec, { init: 'glorot', seed: 3 });
      const values = net.getWeights();
      net.dispose();
      return values;
    };
    const [a, b] = [weights(plain), weights(bn)];
    for (const key of Object.keys(a)) expect(b[key], key).toEqual(a[key]);
  });

  test('train mode normalises each evaluation batch by its own statistics, eval mode by the running ones', async () => {
    const net = build(batchNormSpec(config, 'bn'), { init: 'glorot', seed: 3 });
    try {
      const test = lenetExamples(split.test);
      // Fresh running statistics (mean 0, variance 1) describe nothing: the two modes disagree.
      const evalMode = await evaluateClassifier(net, test, 16);
      const trainMode = await evaluateClassifier(net, test, 16, { training: true });
      expect(trainMode.loss).not.toBeCloseTo(evalMode.loss, 3);
      // Train mode depends on the batch: the same digits in batches of 2 score differently.
      const pairs = await evaluateClassifier(net, test, 2, { training: true });
      expect(pairs.loss).not.toBeCloseTo(trainMode.loss, 3);
      // Evaluating changes no running statistic.
      expect((await evaluateClassifier(net, test, 16)).loss).toBe(evalMode.loss);
    } finally {
      net.dispose();
    }
  });
});

describe("the 'batch-norm-train' job (plain and BN nets on the same MNIST batches)", () => {
  const store = new BatchNormStore();
  afterAll(() => store.reset());

  test('trains both nets, streaming every step and a held-out check every evalEvery steps', async () => {
    const progress: unknown[] = [];
    const train = batchNormTrainJob(store);
    const params = { runId: 'run', config, data };
    const chunk = await train.run({ ...params, steps: 6, resume: false }, jobContext(progress));
    expect(progress).toHaveLength(6);
    const more = await train.run({ ...params, steps: 6, resume: true }, jobContext());
    expect(more.step).toBe(12);
    const steps: BatchNormTrainProgress[] = [...chunk.steps, ...more.steps];
    expect(steps.filter((s) => s.check).map((s) => s.step)).toEqual([4, 8, 12]);
    for (const s of steps.filter((s) => s.check)) {
      for (const score of [s.check!.plain, s.check!.bnEval, s.check!.bnTrain]) {
        expect(score.accuracy).toBeGreaterThanOrEqual(0);
        expect(score.accuracy).toBeLessThanOrEqual(1);
        expect(score.loss).toBeGreaterThan(0);
      }
    }
    const mean = (net: BatchNormNet, from: number, to: number) =>
      steps.slice(from, to).reduce((sum, s) => sum + s.nets[net].loss, 0) / (to - from);
    expect(mean('bn', 8, 12)).toBeLessThan(mean('bn', 0, 2)); // the BN net learns at η 0.5 at once
  });

  test('training leaves no tensors behind, and reset frees the run', async () => {
    const train = batchNormTrainJob(store);
    const params = { runId: 'leak', config, data };
    await train.run({ ...params, steps: 1, resume: false }, jobContext());
    expect(
      await tensorsLeftBy(() => train.run({ ...params, steps: 4, resume: true }, jobContext()).then(() => {})),
    ).toBe(0);
    const held = tf.memory().numTensors;
    await batchNormResetJob(store).run({} as Record<string, never>, jobContext());
    expect(tf.memory().numTensors).toBeLessThan(held);
    expect(store.find('leak')).toBeNull();
  });

  test('the registry runs it on a backend with weight gradients', () => {
    const { jobs } = createJobs();
    expect(jobs['batch-norm-train']?.needs).toEqual({ weightGradients: true });
    expect(jobs['batch-norm-reset']).toBeDefined();
  });
});

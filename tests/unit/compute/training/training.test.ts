import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mnistSplit } from '../../../../scripts/mnist-asset.ts';
import { build } from '../../../../src/lib/compute/network.ts';
import { Sgd } from '../../../../src/lib/compute/sgd.ts';
import { sequentialBatches, shuffledBatches } from '../../../../src/lib/compute/training/batches.ts';
import { useFastCpuFilterGradient } from '../../../../src/lib/compute/training/cpu-filter-gradient.ts';
import { trainEpoch } from '../../../../src/lib/compute/training/epoch.ts';
import { evaluateClassifier } from '../../../../src/lib/compute/training/evaluate.ts';
import { classLogits, hasEnergyOutput } from '../../../../src/lib/compute/training/loss.ts';
import { cosineLearningRate } from '../../../../src/lib/compute/training/schedule.ts';
import { trainStep } from '../../../../src/lib/compute/training/train-step.ts';
import { lenetExamples } from '../../../../src/lib/data/lenet-examples.ts';
import { selectDigits } from '../../../../src/lib/data/mnist.ts';
import { getModel } from '../../../../src/lib/models/zoo.ts';
import { randomBatch, take, tensorsLeftBy, tf, useCpu } from '../helpers.ts';

let restoreKernel: () => void = () => undefined;
beforeAll(async () => {
  await useCpu();
  restoreKernel = useFastCpuFilterGradient();
});
afterAll(() => restoreKernel());

const { train } = mnistSplit();
/** 64 training digits as LeNet-5 examples. */
const tiny = lenetExamples(
  selectDigits(
    train,
    Array.from({ length: 64 }, (_, i) => i),
  ),
);

describe('classification loss', () => {
  test("classLogits is −energy for lenet5's RBF output and the output itself for lenet5_modern's dense layer", () => {
    const rbf = build(getModel('lenet5'));
    const dense = build(getModel('lenet5_modern'));
    expect(hasEnergyOutput(rbf)).toBe(true);
    expect(hasEnergyOutput(dense)).toBe(false);
    const y = tf.tensor2d([[1, 2, 3]]);
    expect([...take(classLogits(rbf, y))]).toEqual([-1, -2, -3]);
    expect(classLogits(dense, y)).toBe(y);
    y.dispose();
    rbf.dispose();
    dense.dispose();
  });
});

describe('trainStep, trainEpoch and evaluateClassifier', () => {
  test.each([
    ['lenet5', 'glorot', 0.0005],
    ['lenet5_modern', 'he', 0.02],
  ] as const)(
    'a few SGD steps of %s (%s init) on 64 seeded MNIST digits lower their loss',
    async (id, init, learningRate) => {
      const net = build(getModel(id), { seed: 1, init });
      const sgd = new Sgd({ learningRate, momentum: 0.9 });
      const before = await evaluateClassifier(net, tiny, 64);
      for (let epoch = 0; epoch < 6; epoch++) await trainEpoch(net, sgd, tiny, { batchSize: 16, seed: 1, epoch });
      const after = await evaluateClassifier(net, tiny, 64);
      expect(after.loss).toBeLessThan(before.loss * 0.8);
      sgd.dispose();
      net.dispose();
    },
  );

  test('a train step plus an evaluation leave tf.memory().numTensors unchanged', async () => {
    const net = build(getModel('lenet5'), { seed: 2 });
    const left = await tensorsLeftBy(async () => {
      const sgd = new Sgd({ learningRate: 0.001 });
      await trainStep(net, sgd, tiny.batch([0, 1, 2, 3]));
      await trainEpoch(net, sgd, tiny, { batchSize: 32, seed: 2, epoch: 0, learningRate: () => 0.001 });
      await evaluateClassifier(net, tiny, 10);
      sgd.dispose();
    });
    expect(left).toBe(0);
    net.dispose();
  });

  test("evaluateClassifier's predictions are the argmax of the network's scores, in source order", async () => {
    const net = build(getModel('lenet5'), { seed: 3 });
    const result = await evaluateClassifier(net, tiny, 24);
    const { inputs, labels } = tiny.batch(Array.from({ length: 64 }, (_, i) => i));
    const x = tf.tensor4d(inputs, [64, 32, 32, 1]);
    const energies = take(net.forward(x).output);
    x.dispose();
    const expected = Array.from({ length: 64 }, (_, k) => {
      const row = [...energies.subarray(k * 10, k * 10 + 10)];
      return row.indexOf(Math.min(...row));
    });
    expect([...result.predictions]).toEqual(expected);
    expect(result.correct).toBe(expected.filter((p, k) => p === labels[k]).length);
    expect(result.accuracy).toBe(result.correct / 64);
    net.dispose();
  });
});

describe('batches and schedules', () => {
  test('shuffledBatches covers every index once, is seeded, and reorders every epoch', () => {
    const batches = shuffledBatches(10, 4, 7, 0);
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shuffledBatches(10, 4, 7, 0)).toEqual(batches);
    expect(shuffledBatches(10, 4, 7, 1)).not.toEqual(batches);
    expect(sequentialBatches(5, 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(() => sequentialBatches(5, 0)).toThrow(/batch size/);
  });

  test('cosineLearningRate warms up linearly to the peak, then decays to the floor at the last step', () => {
    const schedule = { peak: 0.1, warmupSteps: 4, totalSteps: 14, floor: 0.001 };
    expect(cosineLearningRate(schedule, 0)).toBeCloseTo(0.025, 12);
    expect(cosineLearningRate(schedule, 3)).toBeCloseTo(0.1, 12);
    expect(cosineLearningRate(schedule, 4)).toBeCloseTo(0.1, 12);
    expect(cosineLearningRate(schedule, 13)).toBeCloseTo(0.001, 12);
    const rates = Array.from({ length: 10 }, (_, i) => cosineLearningRate(schedule, 4 + i));
    expect(rates.every((r, i) => i === 0 || r < (rates[i - 1] as number))).toBe(true);
  });
});

describe('useFastCpuFilterGradient', () => {
  // Each case: input [b, h, w, cin], kernel [kh, kw, cin, cout], strides, padding.
  const cases: [
    string,
    [number, number, number, number],
    [number, number, number, number],
    number,
    'valid' | 'same' | number,
  ][] = [
    ["LeNet-5's C3", [3, 14, 14, 6], [5, 5, 6, 16], 1, 'valid'],
    ['stride 2, same padding', [2, 9, 7, 3], [3, 3, 3, 4], 2, 'same'],
    ['explicit padding 1', [1, 6, 6, 2], [3, 3, 2, 5], 1, 1],
  ];

  test.each(cases)("gives the stock kernel's weight gradient (%s)", (_, xShape, kernelShape, stride, pad) => {
    const x = randomBatch(xShape, 1);
    const kernel = randomBatch(kernelShape, 2);
    const grad = (): Float32Array =>
      take(tf.tidy(() => tf.grad((k) => tf.sum(tf.square(tf.conv2d(x, k as tf.Tensor4D, stride, pad))))(kernel)));
    const fast = grad();
    restoreKernel();
    const stock = grad();
    restoreKernel = useFastCpuFilterGradient();
    expect(fast.length).toBe(stock.length);
    const scale = Math.max(...stock.map(Math.abs));
    fast.forEach((v, i) => expect(Math.abs(v - (stock[i] as number))).toBeLessThan(1e-5 * scale));
    tf.dispose([x, kernel]);
  });

  test('installing it twice is harmless and its restore function puts the stock kernel back', () => {
    const stock = tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc;
    restoreKernel();
    const original = tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc;
    const restore = useFastCpuFilterGradient();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc).not.toBe(original);
    useFastCpuFilterGradient()();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc).not.toBe(original);
    restore();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc).toBe(original);
    restoreKernel = useFastCpuFilterGradient();
    expect(stock).not.toBe(original);
  });
});

import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { resnetStyle, vggStyle } from '../../../src/lib/models/families.ts';
import type { ModelSpec } from '../../../src/lib/models/types.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

describe('build', () => {
  const everyLayerCases: [string, ModelSpec, [number, number, number]][] = [
    ['lenet5', getModel('lenet5'), [32, 32, 1]],
    ['alexnet_original', getModel('alexnet_original'), [67, 67, 3]],
    ['resnet18', getModel('resnet18'), [64, 64, 3]],
    ['resnet20', getModel('resnet20'), [32, 32, 3]],
    [
      'vggStyle (ceil-free, flatten head)',
      vggStyle({
        stages: 3,
        convsPerStage: 2,
        width: 4,
        bn: true,
        activation: 'relu',
        inputShape: [20, 20, 3],
        classes: 5,
        head: 'flatten',
      }),
      [20, 20, 3],
    ],
  ];
  test.each(everyLayerCases)("every layer of %s has analyze()'s shape with batch 2", (_, spec, inputShape) => {
    const analysis = analyze(spec, inputShape);
    const net = build(spec, { inputShape });
    const x = randomBatch([2, ...inputShape], 3);
    const acts = net.activations(
      x,
      analysis.layers.map((l) => l.id),
    );
    for (const layer of analysis.layers) {
      expect(acts[layer.id]?.shape, layer.id).toEqual([2, ...layer.outputShape]);
    }
    tf.dispose([x, ...Object.values(acts)]);
    net.dispose();
  });

  test('forward returns requested activations alongside the output, and rejects a wrong input size', () => {
    const net = build(getModel('lenet5_modern'));
    const x = randomBatch([3, 32, 32, 1], 4);
    const { output, activations } = net.forward(x, { outputs: ['C1', 'C5.act', 'output'] });
    expect(Object.keys(activations)).toEqual(['C1', 'C5.act', 'output']);
    expect(activations['C1']?.shape).toEqual([3, 28, 28, 6]);
    expect(activations['output']).toBe(output);
    tf.dispose([output, activations['C1'] as tf.Tensor, activations['C5.act'] as tf.Tensor]);
    const wrong = randomBatch([1, 28, 28, 1], 4);
    expect(() => net.forward(wrong)).toThrow(/expects input \[batch, 32, 32, 1\]/);
    tf.dispose([x, wrong]);
    net.dispose();
  });

  test('getWeights/setWeights round-trip plain Float32Arrays and change the output', () => {
    const spec = resnetStyle({
      depth: 8,
      width: 4,
      skip: true,
      bn: true,
      activation: 'relu',
      inputShape: [8, 8, 2],
      classes: 3,
    });
    const a = build(spec, { seed: 1 });
    const b = build(spec, { seed: 2 });
    const x = randomBatch([2, 8, 8, 2], 5);
    const before = take(b.forward(x).output);
    b.setWeights(a.getWeights());
    expect(b.getWeights()).toEqual(a.getWeights());
    const after = take(b.forward(x).output);
    expect(after).not.toEqual(before);
    expect(after).toEqual(take(a.forward(x).output));
    expect(() => b.setWeights({ 'fc/kernel': new Float32Array(3) })).toThrow(/has 48 values, got 3/);
    expect(() => b.setWeights({ nope: new Float32Array(3) })).toThrow(/no weight "nope"/);
    tf.dispose(x);
    a.dispose();
    b.dispose();
  });

  test('the LeNet-5 C3 kernel starts with zeros exactly where Table I has no connection', () => {
    const net = build(getModel('lenet5'), { seed: 3 });
    const kernel = net.getWeights()['C3/kernel'] as Float32Array;
    const table = getModel('lenet5').layers.find((l) => l.id === 'C3');
    if (table?.kind !== 'conv' || table.connections === undefined) throw new Error('C3 has no table');
    const connections = table.connections;
    kernel.forEach((v, i) => {
      const out = i % 16;
      const input = Math.floor(i / 16) % 6;
      expect(v !== 0).toBe(connections[out]?.[input] === true);
    });
    net.dispose();
  });

  test('training-mode forward with updateStats moves batch-norm running statistics like PyTorch (momentum 0.1, unbiased variance)', () => {
    const spec = vggStyle({
      stages: 1,
      convsPerStage: 1,
      width: 2,
      bn: true,
      activation: 'relu',
      inputShape: [4, 4, 1],
      classes: 2,
    });
    const net = build(spec, { seed: 1 });
    const x = randomBatch([3, 4, 4, 1], 6);
    const conv = net.activations(x, ['features.0'])['features.0'] as tf.Tensor;
    const { mean, variance } = tf.moments(conv, [0, 1, 2]);
    const n = conv.size / 2;
    const expectedMean = Array.from(take(mean), (m) => 0.1 * m);
    const expectedVar = Array.from(take(variance), (v) => 0.9 + 0.1 * v * (n / (n - 1)));
    conv.dispose();
    tf.dispose(net.forward(x, { training: true }).output);
    expect(Array.from(net.getWeights()['features.1/movingMean'] ?? [])).toEqual([0, 0]);
    tf.dispose(net.forward(x, { training: true, updateStats: true }).output);
    const w = net.getWeights();
    Array.from(w['features.1/movingMean'] ?? []).forEach((v, i) => expect(v).toBeCloseTo(expectedMean[i] ?? NaN, 5));
    Array.from(w['features.1/movingVariance'] ?? []).forEach((v, i) => expect(v).toBeCloseTo(expectedVar[i] ?? NaN, 5));
    x.dispose();
    net.dispose();
  });

  test('dispose frees every tensor the network owns, and a disposed network refuses to run', () => {
    const before = tf.memory().numTensors;
    const net = build(getModel('resnet20'));
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(net.isDisposed).toBe(true);
    const x = randomBatch([1, 32, 32, 3], 1);
    expect(() => net.forward(x)).toThrow(/disposed/);
    x.dispose();
  });
});

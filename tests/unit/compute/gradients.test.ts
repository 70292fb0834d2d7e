import { beforeAll, describe, expect, test } from 'vitest';
import type { ModelSpec } from '../../../src/lib/models/types.ts';
import { build, type Network } from '../../../src/lib/compute/network.ts';
import type { RunOptions } from '../../../src/lib/compute/graph.ts';
import { mulberry32 } from '../../../src/lib/math/rng.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

/** conv → tanh → dense: the smallest net with a spatial layer, a non-linearity and a head. */
const threeLayers: ModelSpec = {
  id: 'three_layers',
  name: 'conv-tanh-dense',
  inputShape: [5, 5, 2],
  sources: [],
  layers: [
    { id: 'conv', kind: 'conv', filters: 4, kernel: 3, padding: 1 },
    { id: 'tanh', kind: 'activation', activation: 'tanh' },
    { id: 'flatten', kind: 'flatten' },
    { id: 'dense', kind: 'dense', units: 3 },
  ],
};

/**
 * Every layer kind, with the awkward options: stride + dilation + groups, ceil-mode pools with
 * padding, a connection table, LRN, option-A shortcut, a depthwise conv and a concatenation.
 */
const everyKind: ModelSpec = {
  id: 'every_kind',
  name: 'every layer kind',
  inputShape: [11, 11, 4],
  sources: [],
  layers: [
    { id: 'c1', kind: 'conv', filters: 4, kernel: 3, stride: 2, padding: 2, dilation: 2, groups: 2 },
    { id: 'bn1', kind: 'batchnorm' },
    { id: 'a1', kind: 'activation', activation: 'tanh' },
    { id: 'n1', kind: 'lrn', size: 3, alpha: 0.5 / 3, beta: 0.75, k: 1 },
    { id: 'p1', kind: 'avgpool', kernel: 3, stride: 2, ceil: true },
    {
      id: 'c2',
      kind: 'conv',
      filters: 6,
      kernel: 2,
      padding: 1,
      connections: Array.from({ length: 6 }, (_, o) => Array.from({ length: 4 }, (_, i) => (o + i) % 3 !== 0)),
    },
    { id: 'a2', kind: 'activation', activation: 'sigmoid' },
    { id: 'p2', kind: 'maxpool', kernel: 3, stride: 2, padding: 1, ceil: true },
    { id: 's3', kind: 'subsample', kernel: 2, stride: 1 },
    { id: 'a3', kind: 'activation', activation: 'scaled_tanh' },
    { id: 'sc', kind: 'padshortcut', stride: 2, filters: 6, inputs: ['p1'] },
    { id: 'add', kind: 'add', inputs: ['a3', 'sc'], shortcut: 'padding', group: ['block'] },
    { id: 'dw', kind: 'conv', filters: 6, kernel: 3, stride: 1, padding: 1, groups: 6 },
    { id: 'cat', kind: 'concat', inputs: ['dw', 'add'] },
    { id: 'drop', kind: 'dropout', rate: 0.3 },
    { id: 'flatten', kind: 'flatten' },
    { id: 'fc', kind: 'dense', units: 5 },
    { id: 'a4', kind: 'activation', activation: 'tanh' },
    { id: 'out', kind: 'rbf', units: 3 },
  ],
};

/** A fixed random linear read-out of the output: loss = Σ w ⊙ output. */
function linearLoss(
  outputId: string,
  shape: readonly number[],
  seed: number,
): { loss: (o: Readonly<Record<string, tf.Tensor>>) => tf.Scalar; dispose: () => void } {
  const rng = mulberry32(seed);
  const w = tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * rng.uniform() - 1),
    [...shape],
  );
  return { loss: (o) => tf.sum(tf.mul(o[outputId] as tf.Tensor, w)), dispose: () => w.dispose() };
}

const EPS = 1e-2;
/** Central differences in float32 with eps = 1e-2: truncation ~eps², rounding ~1e-7/eps. */
function expectClose(analytic: number, numeric: number, what: string): void {
  expect(Math.abs(analytic - numeric), `${what}: analytic ${analytic}, numeric ${numeric}`).toBeLessThanOrEqual(
    2e-3 + 2e-2 * Math.abs(numeric),
  );
}

/** Loss of the network for input values `xs`, computed with a plain forward pass. */
function lossOf(
  net: Network,
  xs: Float32Array,
  shape: readonly [number, number, number, number],
  loss: (o: Readonly<Record<string, tf.Tensor>>) => tf.Scalar,
  run: RunOptions,
): number {
  return tf.tidy(() => {
    const x = tf.tensor4d(xs, [...shape]);
    const { output } = net.forward(x, run);
    return loss({ [net.outputId]: output }).dataSync()[0] ?? Number.NaN;
  });
}

function checkAgainstFiniteDifferences(
  spec: ModelSpec,
  run: RunOptions,
  inputSamples: number,
  weightSamples: number,
): void {
  const net = build(spec, { init: 'glorot', seed: 11 });
  const shape: [number, number, number, number] = [2, ...spec.inputShape];
  const x = randomBatch(shape, 12);
  const xs = Float32Array.from(x.dataSync());
  const { loss, dispose } = linearLoss(net.outputId, [2, ...net.analysis.outputShape], 13);
  const result = net.gradients(x, loss, { ...run, wrt: ['input', { weights: 'all' }] });
  const rng = mulberry32(14);
  const pick = (n: number, count: number): number[] =>
    count >= n
      ? Array.from({ length: n }, (_, i) => i)
      : Array.from({ length: count }, () => Math.floor(rng.uniform() * n));

  const gx = take(result.input as tf.Tensor);
  for (const i of pick(xs.length, inputSamples)) {
    const plus = xs.slice();
    const minus = xs.slice();
    plus[i] = (plus[i] ?? 0) + EPS;
    minus[i] = (minus[i] ?? 0) - EPS;
    const numeric = (lossOf(net, plus, shape, loss, run) - lossOf(net, minus, shape, loss, run)) / (2 * EPS);
    expectClose(gx[i] ?? NaN, numeric, `${spec.id} ∂L/∂x[${i}]`);
  }

  const weights = net.getWeights();
  for (const [key, g] of Object.entries(result.weights)) {
    const analytic = take(g);
    const original = weights[key] as Float32Array;
    for (const i of pick(original.length, weightSamples)) {
      const at = (delta: number): number => {
        const changed = original.slice();
        changed[i] = (changed[i] ?? 0) + delta;
        net.setWeights({ [key]: changed });
        return lossOf(net, xs, shape, loss, run);
      };
      const numeric = (at(EPS) - at(-EPS)) / (2 * EPS);
      net.setWeights({ [key]: original });
      expectClose(analytic[i] ?? NaN, numeric, `${spec.id} ∂L/∂${key}[${i}]`);
    }
  }
  result.value.dispose();
  dispose();
  x.dispose();
  net.dispose();
}

describe('gradients', () => {
  test('input and weight gradients of a conv–tanh–dense net match central finite differences', () => {
    checkAgainstFiniteDifferences(threeLayers, {}, 100, 200);
  });

  test('input and weight gradients through every layer kind match finite differences (inference mode)', () => {
    checkAgainstFiniteDifferences(everyKind, {}, 40, 4);
  });

  test('… and in training mode (batch statistics, a fixed dropout mask)', () => {
    checkAgainstFiniteDifferences(everyKind, { training: true, dropoutSeed: 3 }, 40, 4);
  });

  test('the activation gradient before a dense layer is the dense kernel times the loss weights', () => {
    const net = build(threeLayers, { seed: 2 });
    const x = randomBatch([2, 5, 5, 2], 3);
    const { loss, dispose } = linearLoss('dense', [2, 3], 4);
    const result = net.gradients(x, loss, { wrt: { activation: 'flatten' } });
    const expected = tf.tidy(() => {
      const rng = mulberry32(4);
      const w = tf.tensor2d(
        Float32Array.from({ length: 6 }, () => 2 * rng.uniform() - 1),
        [2, 3],
      );
      return tf.matMul(w, net.weights.get('dense/kernel') as tf.Tensor2D, false, true);
    });
    const got = take(result.activations['flatten'] as tf.Tensor);
    take(expected).forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
    result.dispose();
    dispose();
    x.dispose();
    net.dispose();
  });

  test('summing ∂L/∂(conv output) over batch and positions gives ∂L/∂(conv bias)', () => {
    const net = build(everyKind, { seed: 5 });
    const x = randomBatch([2, 11, 11, 4], 6);
    const { loss, dispose } = linearLoss('out', [2, 3], 7);
    const result = net.gradients(x, loss, { wrt: [{ activation: 'c2' }, { weights: ['c2'] }] });
    const summed = take(tf.sum(result.activations['c2'] as tf.Tensor, [0, 1, 2]));
    const bias = take(result.weights['c2/bias'] as tf.Tensor);
    bias.forEach((v, i) => expect(summed[i]).toBeCloseTo(v, 5));
    expect(Object.keys(result.weights)).toEqual(['c2/kernel', 'c2/bias']);
    result.dispose();
    dispose();
    x.dispose();
    net.dispose();
  });

  test('masked (unconnected) kernel entries get zero gradient, so training keeps them zero', () => {
    const net = build(everyKind, { seed: 5 });
    const x = randomBatch([2, 11, 11, 4], 6);
    const { loss, dispose } = linearLoss('out', [2, 3], 7);
    const result = net.gradients(x, loss, { wrt: { weights: ['c2/kernel'] } });
    const g = take(result.weights['c2/kernel'] as tf.Tensor);
    g.forEach((v, i) => {
      const out = i % 6;
      const input = Math.floor(i / 6) % 4;
      if ((out + input) % 3 === 0) expect(Math.abs(v)).toBe(0);
    });
    expect(g.some((v) => v !== 0)).toBe(true);
    result.dispose();
    dispose();
    x.dispose();
    net.dispose();
  });

  test('targets the loss does not depend on get zero gradients; unknown targets throw', () => {
    const net = build(everyKind, { seed: 5 });
    const x = randomBatch([1, 11, 11, 4], 6);
    const result = net.gradients(x, (o) => tf.sum(o['p1'] as tf.Tensor), {
      of: ['p1'],
      wrt: [{ activation: 'a2' }, { weights: ['fc'] }, { activation: 'c1' }],
    });
    expect(take(result.activations['a2'] as tf.Tensor).every((v) => v === 0)).toBe(true);
    expect(take(result.weights['fc/kernel'] as tf.Tensor).every((v) => v === 0)).toBe(true);
    expect(take(result.activations['c1'] as tf.Tensor).some((v) => v !== 0)).toBe(true);
    result.dispose();
    expect(() => net.gradients(x, (o) => tf.sum(o['out'] as tf.Tensor), { wrt: { weights: ['nope'] } })).toThrow(
      /no trainable weights "nope"/,
    );
    expect(() => net.gradients(x, (o) => tf.sum(o['out'] as tf.Tensor), { wrt: { activation: 'nope' } })).toThrow(
      /no layer "nope"/,
    );
    x.dispose();
    net.dispose();
  });
});

/**
 * Each layer kind against a direct, loop-by-loop reference of its PyTorch (or LeNet-5)
 * definition, on small random inputs.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { windowSize } from '../../../src/lib/models/layer-analysis.ts';
import { pair } from '../../../src/lib/models/pair.ts';
import type { ConvLayer, Layer, ModelSpec, PoolLayer } from '../../../src/lib/models/types.ts';
import { build, type Network } from '../../../src/lib/compute/network.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

type Layerish = { readonly kind: Layer['kind'] } & Record<string, unknown>;
/** A network of one layer `l` on [h, w, c] inputs. */
function single(layer: Layerish, inputShape: [number, number, number]): ModelSpec {
  return {
    id: `single_${layer.kind}`,
    name: layer.kind,
    inputShape,
    sources: [],
    layers: [{ ...layer, id: 'l' } as Layer],
  };
}

/** Output of a one-layer network on x, and its weights. */
function runSingle(layer: Layerish, x: tf.Tensor4D, seed = 1): { net: Network; y: Float32Array; shape: number[] } {
  const [, h, w, c] = x.shape;
  const net = build(single(layer, [h, w, c]), { seed, init: 'glorot' });
  const out = net.forward(x).output;
  const shape = out.shape;
  return { net, y: take(out), shape };
}

/** Index into a row-major NHWC array. */
const at = (shape: readonly number[], b: number, i: number, j: number, c: number): number =>
  ((b * (shape[1] ?? 0) + i) * (shape[2] ?? 0) + j) * (shape[3] ?? 0) + c;

function referenceConv(
  layer: ConvLayer,
  x: Float32Array,
  xShape: readonly number[],
  kernel: Float32Array,
  bias: Float32Array | undefined,
): Float32Array {
  const [b, h, w, ci] = xShape as [number, number, number, number];
  const [kh, kw] = pair(layer.kernel);
  const [sh, sw] = pair(layer.stride ?? 1);
  const [ph, pw] = pair(layer.padding ?? 0);
  const [dh, dw] = pair(layer.dilation ?? 1);
  const groups = layer.groups ?? 1;
  const co = layer.filters;
  const oh = windowSize(h, kh, sh, ph, dh);
  const ow = windowSize(w, kw, sw, pw, dw);
  const cig = ci / groups;
  const cog = co / groups;
  const out = new Float32Array(b * oh * ow * co);
  for (let n = 0; n < b; n++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let o = 0; o < co; o++) {
          const g = Math.floor(o / cog);
          let sum = bias?.[o] ?? 0;
          for (let u = 0; u < kh; u++)
            for (let v = 0; v < kw; v++) {
              const yi = i * sh - ph + u * dh;
              const xj = j * sw - pw + v * dw;
              if (yi < 0 || yi >= h || xj < 0 || xj >= w) continue;
              for (let c = 0; c < cig; c++) {
                const connected = layer.connections?.[o]?.[g * cig + c] ?? true;
                if (!connected) continue;
                sum += (x[at(xShape, n, yi, xj, g * cig + c)] ?? 0) * (kernel[((u * kw + v) * cig + c) * co + o] ?? 0);
              }
            }
          out[at([b, oh, ow, co], n, i, j, o)] = sum;
        }
  return out;
}

/** PyTorch max_pool2d / avg_pool2d (count_include_pad=True), floor or ceil mode. */
function referencePool(layer: PoolLayer, x: Float32Array, xShape: readonly number[]): Float32Array {
  const [b, h, w, c] = xShape as [number, number, number, number];
  const [kh, kw] = pair(layer.kernel);
  const [sh, sw] = pair(layer.stride ?? layer.kernel);
  const [ph, pw] = pair(layer.padding ?? 0);
  const ceil = layer.ceil ?? false;
  const oh = windowSize(h, kh, sh, ph, 1, ceil);
  const ow = windowSize(w, kw, sw, pw, 1, ceil);
  const out = new Float32Array(b * oh * ow * c);
  for (let n = 0; n < b; n++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let ch = 0; ch < c; ch++) {
          const hs = i * sh - ph;
          const ws = j * sw - pw;
          const he = Math.min(hs + kh, h + ph);
          const we = Math.min(ws + kw, w + pw);
          const divisor = (he - hs) * (we - ws);
          let max = -Infinity;
          let sum = 0;
          for (let yi = Math.max(hs, 0); yi < Math.min(he, h); yi++)
            for (let xj = Math.max(ws, 0); xj < Math.min(we, w); xj++) {
              const v = x[at(xShape, n, yi, xj, ch)] ?? 0;
              max = Math.max(max, v);
              sum += v;
            }
          out[at([b, oh, ow, c], n, i, j, ch)] = layer.kind === 'maxpool' ? max : sum / divisor;
        }
  return out;
}

function expectAllClose(actual: Float32Array, expected: Float32Array, digits = 5): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v, `index ${i}`).toBeCloseTo(expected[i] ?? NaN, digits));
}

describe('layers match their reference definitions', () => {
  const convCases: [string, Layerish, [number, number, number]][] = [
    ['plain 3×3, padding 1', { kind: 'conv', filters: 3, kernel: 3, padding: 1 }, [6, 6, 2]],
    [
      'stride 2, asymmetric kernel and padding',
      { kind: 'conv', filters: 4, kernel: [3, 2], stride: 2, padding: [1, 0] },
      [7, 8, 3],
    ],
    [
      'AlexNet-like 11×11 stride 4, padding 2',
      { kind: 'conv', filters: 2, kernel: 11, stride: 4, padding: 2 },
      [23, 23, 3],
    ],
    ['dilation 2', { kind: 'conv', filters: 2, kernel: 3, dilation: 2, padding: 2 }, [7, 7, 2]],
    [
      'dilation 2 with stride 2',
      { kind: 'conv', filters: 2, kernel: 3, dilation: 2, stride: 2, padding: 1 },
      [9, 9, 2],
    ],
    [
      'groups 2 (AlexNet towers), no bias',
      { kind: 'conv', filters: 4, kernel: 3, groups: 2, padding: 1, bias: false },
      [5, 5, 4],
    ],
    [
      'depthwise 3×3 stride 2 (MobileNetV2), no bias',
      { kind: 'conv', filters: 4, kernel: 3, groups: 4, stride: 2, padding: 1, bias: false },
      [7, 7, 4],
    ],
    ['depthwise with 2 filters per channel', { kind: 'conv', filters: 6, kernel: 3, groups: 3, padding: 1 }, [5, 5, 3]],
    [
      'groups 4 of 2 channels each (ResNeXt)',
      { kind: 'conv', filters: 8, kernel: 3, groups: 4, padding: 1, bias: false },
      [5, 5, 8],
    ],
    [
      'partial connection table',
      {
        kind: 'conv',
        filters: 3,
        kernel: 2,
        connections: [
          [true, false],
          [false, true],
          [true, true],
        ],
      },
      [4, 4, 2],
    ],
  ];
  test.each(convCases)('conv, %s', (_, layer, inputShape) => {
    const x = randomBatch([2, ...inputShape], 1);
    const { net, y } = runSingle(layer, x);
    const w = net.getWeights();
    const expected = referenceConv(
      layer as unknown as ConvLayer,
      x.dataSync() as Float32Array,
      x.shape,
      w['l/kernel'] as Float32Array,
      w['l/bias'],
    );
    expectAllClose(y, expected);
    x.dispose();
    net.dispose();
  });

  const poolCases: [string, Layerish, [number, number, number]][] = [
    ['max 2×2', { kind: 'maxpool', kernel: 2 }, [6, 6, 2]],
    ['max 3×3 stride 2 (AlexNet), odd size', { kind: 'maxpool', kernel: 3, stride: 2 }, [13, 13, 2]],
    ['max 3×3 stride 2 padding 1 (ResNet stem)', { kind: 'maxpool', kernel: 3, stride: 2, padding: 1 }, [8, 8, 2]],
    ['max ceil mode with padding', { kind: 'maxpool', kernel: 3, stride: 2, padding: 1, ceil: true }, [6, 6, 2]],
    ['avg 2×2', { kind: 'avgpool', kernel: 2 }, [6, 6, 2]],
    ['avg padding 1 counts the padded zeros', { kind: 'avgpool', kernel: 3, stride: 2, padding: 1 }, [7, 7, 2]],
    [
      'avg ceil mode divides the last window by its size',
      { kind: 'avgpool', kernel: 3, stride: 2, ceil: true },
      [6, 6, 2],
    ],
    ['avg ceil mode with padding', { kind: 'avgpool', kernel: 2, stride: 2, padding: 1, ceil: true }, [5, 5, 1]],
  ];
  test.each(poolCases)('pool, %s', (_, layer, inputShape) => {
    const x = randomBatch([2, ...inputShape], 2);
    const { net, y } = runSingle(layer, x);
    expectAllClose(y, referencePool(layer as unknown as PoolLayer, x.dataSync() as Float32Array, x.shape));
    x.dispose();
    net.dispose();
  });

  test('relu6 clips to [0, 6]', () => {
    const x = tf.tensor4d([-3, 0, 2.5, 6, 7.5, 100], [1, 1, 6, 1]);
    const { net, y } = runSingle({ kind: 'activation', activation: 'relu6' }, x);
    expect(Array.from(y)).toEqual([0, 0, 2.5, 6, 6, 6]);
    x.dispose();
    net.dispose();
  });

  test('concat stacks its inputs’ channels in input order, as torch.cat(dim=1) does in NCHW', () => {
    const spec: ModelSpec = {
      id: 'concat',
      name: 'concat',
      inputShape: [4, 4, 2],
      sources: [],
      layers: [
        { id: 'x', kind: 'activation', activation: 'tanh' },
        { id: 'a', kind: 'conv', filters: 3, kernel: 3, padding: 1, inputs: ['x'] },
        { id: 'b', kind: 'maxpool', kernel: 3, stride: 1, padding: 1, inputs: ['x'] },
        { id: 'c', kind: 'concat', inputs: ['b', 'a', 'x'] },
      ],
    };
    const net = build(spec, { seed: 3 });
    const x = randomBatch([2, 4, 4, 2], 3);
    const { output, activations } = net.forward(x, { outputs: ['a', 'b', 'x'] });
    expect(output.shape).toEqual([2, 4, 4, 7]);
    const parts = ['b', 'a', 'x'].map((id) => activations[id] as tf.Tensor4D);
    expectAllClose(take(output), take(tf.concat(parts, 3)));
    tf.dispose([x, ...parts]);
    net.dispose();
  });

  test("avgpool(2, ceil) of 0..8 on 3×3 is PyTorch's [[2, 3.5], [6.5, 8]]", () => {
    const x = tf.tensor4d([0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 3, 3, 1]);
    const { net, y } = runSingle({ kind: 'avgpool', kernel: 2, stride: 2, ceil: true }, x);
    expect(Array.from(y)).toEqual([2, 3.5, 6.5, 8]);
    x.dispose();
    net.dispose();
  });

  test("lrn is Krizhevsky et al.'s normalisation: a / (k + alpha · Σ a²)^beta over n neighbouring channels", () => {
    const layer = { kind: 'lrn', size: 5, alpha: 1e-1, beta: 0.75, k: 2 } as const;
    const x = randomBatch([1, 3, 3, 7], 3, -3, 3);
    const { net, y } = runSingle(layer, x);
    const xs = x.dataSync();
    const expected = Float32Array.from(xs, (v, i) => {
      const c = i % 7;
      let sum = 0;
      for (let d = Math.max(0, c - 2); d <= Math.min(6, c + 2); d++) sum += (xs[i - c + d] ?? 0) ** 2;
      return v / (layer.k + layer.alpha * sum) ** layer.beta;
    });
    expectAllClose(y, expected);
    x.dispose();
    net.dispose();
  });

  test('subsample is coefficient · (window sum) + bias per channel; scaled_tanh is 1.7159·tanh(2x/3)', () => {
    const x = randomBatch([1, 4, 4, 2], 4);
    const { net, y } = runSingle({ kind: 'subsample', kernel: 2 }, x);
    net.setWeights({ 'l/coefficient': Float32Array.from([0.5, -2]), 'l/bias': Float32Array.from([0.25, 1]) });
    const again = take(net.forward(x).output);
    const xs = x.dataSync();
    const expected = new Float32Array(8);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++)
        for (let c = 0; c < 2; c++) {
          let sum = 0;
          for (let u = 0; u < 2; u++)
            for (let v = 0; v < 2; v++) sum += xs[at([1, 4, 4, 2], 0, 2 * i + u, 2 * j + v, c)] ?? 0;
          expected[at([1, 2, 2, 2], 0, i, j, c)] = c === 0 ? 0.5 * sum + 0.25 : -2 * sum + 1;
        }
    expectAllClose(again, expected);
    expect(y.length).toBe(8);
    net.dispose();
    const squash = runSingle({ kind: 'activation', activation: 'scaled_tanh' }, x);
    expectAllClose(
      squash.y,
      Float32Array.from(xs, (v) => 1.7159 * Math.tanh((2 * v) / 3)),
    );
    squash.net.dispose();
    x.dispose();
  });

  test('rbf outputs Σ_j (x_j − w_ji)² with fixed ±1 prototypes', () => {
    const x = randomBatch([2, 1, 1, 6], 5);
    const spec: ModelSpec = {
      id: 'rbf',
      name: 'rbf',
      inputShape: [1, 1, 6],
      sources: [],
      layers: [
        { id: 'flatten', kind: 'flatten' },
        { id: 'l', kind: 'rbf', units: 4 },
      ],
    };
    const net = build(spec, { seed: 3 });
    const centers = net.getWeights()['l/centers'] as Float32Array;
    expect(centers.every((v) => v === 1 || v === -1)).toBe(true);
    expect(net.weights.get('l/centers')?.trainable).toBe(false);
    const xs = x.dataSync();
    const expected = Float32Array.from({ length: 8 }, (_, k) => {
      const [n, u] = [Math.floor(k / 4), k % 4];
      let d = 0;
      for (let j = 0; j < 6; j++) d += ((xs[n * 6 + j] ?? 0) - (centers[j * 4 + u] ?? 0)) ** 2;
      return d;
    });
    expectAllClose(take(net.forward(x).output), expected, 4);
    x.dispose();
    net.dispose();
  });

  test('padshortcut keeps x[:, ::s, ::s] and appends zero channels', () => {
    const x = randomBatch([2, 5, 5, 2], 6);
    const { net, y, shape } = runSingle({ kind: 'padshortcut', stride: 2, filters: 5 }, x);
    expect(shape).toEqual([2, 3, 3, 5]);
    const xs = x.dataSync();
    for (let n = 0; n < 2; n++)
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++)
          for (let c = 0; c < 5; c++) {
            expect(y[at(shape, n, i, j, c)]).toBe(c < 2 ? xs[at([2, 5, 5, 2], n, 2 * i, 2 * j, c)] : 0);
          }
    x.dispose();
    net.dispose();
  });

  test('batchnorm normalises with batch statistics in training and running statistics in inference', () => {
    const x = randomBatch([4, 3, 3, 2], 7, 0, 4);
    const { net, y } = runSingle({ kind: 'batchnorm' }, x);
    expectAllClose(
      y,
      Float32Array.from(x.dataSync(), (v) => v / Math.sqrt(1 + 1e-5)),
    );
    const trained = net.forward(x, { training: true }).output;
    const { mean, variance } = tf.moments(trained, [0, 1, 2]);
    take(mean).forEach((m) => expect(m).toBeCloseTo(0, 5));
    take(variance).forEach((v) => expect(v).toBeCloseTo(1, 3));
    trained.dispose();
    x.dispose();
    net.dispose();
  });

  test('dropout drops about `rate` of the units in training, scales the rest by 1/(1 − rate), and is the identity in inference', () => {
    const x = tf.ones([1, 20, 20, 5]) as tf.Tensor4D;
    const { net, y } = runSingle({ kind: 'dropout', rate: 0.25 }, x);
    expect(y.every((v) => v === 1)).toBe(true);
    const dropped = take(net.forward(x, { training: true, dropoutSeed: 1 }).output);
    const zeros = dropped.filter((v) => v === 0).length;
    expect(zeros / dropped.length).toBeGreaterThan(0.2);
    expect(zeros / dropped.length).toBeLessThan(0.3);
    expect(dropped.every((v) => v === 0 || Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
    x.dispose();
    net.dispose();
  });
});

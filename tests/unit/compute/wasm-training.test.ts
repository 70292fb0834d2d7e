import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../../../src/lib/compute/backend.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { mulberry32 } from '../../../src/lib/math/rng.ts';
import { Sgd } from '../../../src/lib/compute/sgd.ts';
import { trainStep } from '../../../src/lib/compute/training/train-step.ts';
import { filterGradient } from '../../../src/lib/compute/wasm-training/conv-filter-gradient.ts';
import { kernelScope, type WasmBackendLike } from '../../../src/lib/compute/wasm-training/kernel-calls.ts';
import { simdFilterGradient } from '../../../src/lib/compute/wasm-training/simd-filter-gradient.ts';
import { resnetStyle } from '../../../src/lib/models/families.ts';
import { tf } from './helpers.ts';

// src/lib/compute/wasm-training on the real tfjs-backend-wasm, checked against the CPU backend.
const wasmDir = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist/',
);

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  if (!(await useBackend('cpu'))) throw new Error('the cpu backend did not start');
  if (!(await useBackend('wasm', { wasmPath: wasmDir }))) throw new Error('the wasm backend did not start');
});

type Padding = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

/** Seeded values uniform in [−1, 1). */
function values(size: number, seed: number): Float32Array {
  const rng = mulberry32(seed);
  return Float32Array.from({ length: size }, () => 2 * rng.uniform() - 1);
}

/** Runs `op` on `backend` with fresh input tensors and returns its values and shape. */
async function on(backend: 'cpu' | 'wasm', op: () => tf.Tensor): Promise<{ values: Float32Array; shape: number[] }> {
  await tf.setBackend(backend);
  const result = tf.tidy(op);
  const out = { values: Float32Array.from(await result.data()), shape: result.shape };
  result.dispose();
  return out;
}

/** max |a − b| / max |b|. */
function relativeError(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs((a[i] as number) - (b[i] as number)));
    scale = Math.max(scale, Math.abs(b[i] as number));
  }
  return diff / (scale || 1);
}

/** The same op on WASM and on CPU: same shape, relative error ≤ 1e-4. */
async function expectSameAsCpu(op: () => tf.Tensor): Promise<void> {
  const [wasm, cpu] = [await on('wasm', op), await on('cpu', op)];
  expect(wasm.shape).toEqual(cpu.shape);
  expect(relativeError(wasm.values, cpu.values)).toBeLessThanOrEqual(1e-4);
}

interface ConvCase {
  readonly batch: number;
  readonly size: readonly [number, number];
  readonly channels: readonly [number, number];
  readonly kernel: number;
  readonly stride: number;
  readonly pad: Padding;
}

/** Strides 1 and 2, kernels 1/3/5/7, 'same'/'valid'/a number/explicit pads, batch 1 and 32, odd sizes. */
const CONV_CASES: ConvCase[] = [1, 3, 5, 7].flatMap((kernel) =>
  [1, 2].flatMap((stride) =>
    (
      [
        'same',
        'valid',
        Math.floor(kernel / 2) + 1,
        [
          [0, 0],
          [kernel - 1, 1],
          [0, kernel],
          [0, 0],
        ],
      ] as Padding[]
    ).flatMap((pad, p) =>
      [1, 32].map((batch) => ({
        batch,
        size: [kernel + 4 + ((p + stride) % 3), kernel + 6 - (p % 2)] as const,
        // cOut 7: the filter gradient's XNNPACK route; cOut 12 (3 input channels): the SIMD kernel
        // with its 8- and 4-channel blocks and a 3-row edge block.
        channels: [batch === 1 ? 5 : 3, batch === 1 ? 7 : 12] as const,
        kernel,
        stride,
        pad,
      })),
    ),
  ),
);

const label = (c: ConvCase) =>
  `batch ${c.batch}, ${c.size.join('×')}×${c.channels[0]} → ${c.channels[1]}, ${c.kernel}×${c.kernel} stride ${c.stride}, pad ${JSON.stringify(c.pad)}`;

/** x, the kernel and dy of a case, seeded by its index. */
function convTensors(c: ConvCase, seed: number) {
  const [h, w] = c.size;
  const [ci, co] = c.channels;
  const xShape: [number, number, number, number] = [c.batch, h, w, ci];
  const filterShape: [number, number, number, number] = [c.kernel, c.kernel, ci, co];
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, c.stride, 1, c.pad);
  const dyShape = info.outShape;
  const x = values(
    xShape.reduce((a, b) => a * b),
    seed,
  );
  const filter = values(
    filterShape.reduce((a, b) => a * b),
    seed + 1,
  );
  const dy = values(
    dyShape.reduce((a, b) => a * b),
    seed + 2,
  );
  return {
    attrs: { strides: c.stride, pad: c.pad, dataFormat: 'NHWC' as const },
    x: () => tf.tensor4d(x, xShape),
    filter: () => tf.tensor4d(filter, filterShape),
    dy: () => tf.tensor4d(dy, dyShape),
    xShape,
    filterShape,
  };
}

describe('WASM convolution gradients match the CPU backend (relative error ≤ 1e-4)', () => {
  test.each(CONV_CASES.map((c, i) => [label(c), c, i] as const))('Conv2DBackpropFilter, %s', async (_, c, i) => {
    const t = convTensors(c, 100 * i);
    await expectSameAsCpu(
      () =>
        tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: t.x(), dy: t.dy() }, {
          ...t.attrs,
          filterShape: t.filterShape,
        } as unknown as tf.NamedAttrMap) as tf.Tensor,
    );
  });

  test.each(CONV_CASES.map((c, i) => [label(c), c, i] as const))('Conv2DBackpropInput, %s', async (_, c, i) => {
    const t = convTensors(c, 100 * i + 50);
    await expectSameAsCpu(
      () =>
        tf.engine().runKernel(tf.Conv2DBackpropInput, { dy: t.dy(), filter: t.filter() }, {
          ...t.attrs,
          inputShape: t.xShape,
        } as unknown as tf.NamedAttrMap) as tf.Tensor,
    );
  });

  test('the SIMD filter-gradient kernel runs here, and the XNNPACK route it falls back to agrees with the CPU', async () => {
    const c: ConvCase = { batch: 5, size: [11, 9], channels: [6, 12], kernel: 3, stride: 2, pad: 'same' };
    const t = convTensors(c, 21);
    const info = tf.backend_util.computeConv2DInfo(t.xShape, t.filterShape, c.stride, 1, c.pad);
    await tf.setBackend('wasm');
    const backend = tf.backend() as unknown as Parameters<typeof simdFilterGradient>[0] & WasmBackendLike;
    const [x, dy] = [t.x(), t.dy()];
    const simd = simdFilterGradient(backend, x, dy, info);
    expect(simd).not.toBeNull();
    const viaSimd = tf.engine().makeTensorFromTensorInfo(simd as tf.TensorInfo);
    const viaConv = tf.engine().makeTensorFromTensorInfo(kernelScope(backend, (k) => filterGradient(k, x, dy, info)));
    const [a, b] = [Float32Array.from(await viaSimd.data()), Float32Array.from(await viaConv.data())];
    tf.dispose([x, dy, viaSimd, viaConv]);
    const cpu = await on(
      'cpu',
      () =>
        tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: t.x(), dy: t.dy() }, {
          ...t.attrs,
          filterShape: t.filterShape,
        } as unknown as tf.NamedAttrMap) as tf.Tensor,
    );
    expect(relativeError(a, cpu.values)).toBeLessThanOrEqual(1e-4);
    expect(relativeError(b, cpu.values)).toBeLessThanOrEqual(1e-4);
  });

  test('a stride of 3 and unequal strides (2 down, 3 across) in both kernels', async () => {
    for (const [strides, kernel] of [
      [[3, 3], 4],
      [[2, 3], 5],
    ] as const) {
      const xShape: [number, number, number, number] = [2, 11, 13, 3];
      const filterShape: [number, number, number, number] = [kernel, kernel, 3, 2];
      const dyShape = tf.backend_util.computeConv2DInfo(xShape, filterShape, [...strides], 1, 'same').outShape;
      const [x, filter, dy] = [xShape, filterShape, dyShape].map((s, i) =>
        values(
          s.reduce((a, b) => a * b),
          7 + i,
        ),
      );
      const attrs = { strides: [...strides], pad: 'same', dataFormat: 'NHWC' };
      await expectSameAsCpu(
        () =>
          tf
            .engine()
            .runKernel(
              tf.Conv2DBackpropFilter,
              { x: tf.tensor4d(x as Float32Array, xShape), dy: tf.tensor4d(dy as Float32Array, dyShape) },
              { ...attrs, filterShape } as unknown as tf.NamedAttrMap,
            ) as tf.Tensor,
      );
      await expectSameAsCpu(
        () =>
          tf.engine().runKernel(
            tf.Conv2DBackpropInput,
            {
              dy: tf.tensor4d(dy as Float32Array, dyShape),
              filter: tf.tensor4d(filter as Float32Array, filterShape),
            },
            { ...attrs, inputShape: xShape } as unknown as tf.NamedAttrMap,
          ) as tf.Tensor,
      );
    }
  });

  test('refuses dilation and NCHW filter gradients with a clear message', async () => {
    await tf.setBackend('wasm');
    const t = convTensors(CONV_CASES[2] as ConvCase, 1);
    const run = (attrs: object) => () =>
      tf.tidy(() =>
        tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: t.x(), dy: t.dy() }, {
          ...t.attrs,
          filterShape: t.filterShape,
          ...attrs,
        } as unknown as tf.NamedAttrMap),
      );
    expect(run({ dilations: 2 })).toThrow('Conv2DBackpropFilter on WASM: dilation 2×2 (only dilation 1 is supported)');
    expect(run({ dataFormat: 'NCHW' })).toThrow('Conv2DBackpropFilter on WASM: NCHW data (only NHWC is supported)');
  });

  test('the gradients of a conv2d through tf.grads agree on both backends', async () => {
    const c: ConvCase = { batch: 3, size: [9, 11], channels: [4, 6], kernel: 3, stride: 2, pad: 'same' };
    const t = convTensors(c, 3);
    for (const which of [0, 1]) {
      await expectSameAsCpu(() => {
        const loss = (x: tf.Tensor, f: tf.Tensor) =>
          tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, 'same')));
        return tf.grads(loss)([t.x(), t.filter()])[which] as tf.Tensor;
      });
    }
  });
});

describe('WASM per-channel Sum and Mean, Slice, and copy-free Identity and Cast', () => {
  test.each([
    [[32, 9, 7, 16], 'sum'],
    [[3, 5, 7, 4], 'mean'],
    [[7, 5], 'sum'],
    [[2, 3, 4], 'mean'],
    [[1, 1, 1, 3], 'sum'],
  ] as const)('per-channel reduction of %j (%s), with and without keepDims', async (shape, op) => {
    const v = values(
      (shape as readonly number[]).reduce((a, b) => a * b, 1),
      shape.length,
    );
    const axes = shape.slice(0, -1).map((_, i) => i);
    for (const keepDims of [false, true]) {
      await expectSameAsCpu(() => {
        const x = tf.tensor(v, [...shape]);
        return op === 'sum' ? tf.sum(x, axes, keepDims) : tf.mean(x, axes, keepDims);
      });
    }
  });

  test.each([
    [[32, 9, 7, 16], [16]],
    [[16], [32, 9, 7, 16]],
    [
      [64, 130],
      [1, 130],
    ],
    [[5, 40, 41], [41]],
    [
      [32, 8, 8, 64],
      [1, 1, 1, 64],
    ],
    [
      [32, 8, 8, 64],
      [32, 8, 8, 64],
    ],
    [[4, 4], [4]],
  ])('Multiply, Add and Sub of %j and %j (per-channel broadcasts by depthwise convolution) are exact', async (a, b) => {
    const [va, vb] = [
      values(
        a.reduce((x, y) => x * y, 1),
        3,
      ),
      values(
        b.reduce((x, y) => x * y, 1),
        4,
      ),
    ];
    for (const op of [tf.mul, tf.add, tf.sub]) {
      const f = () => op(tf.tensor(va, a), tf.tensor(vb, b));
      const [wasm, cpu] = [await on('wasm', f), await on('cpu', f)];
      expect(wasm.shape).toEqual(cpu.shape);
      expect(Array.from(wasm.values)).toEqual(Array.from(cpu.values));
    }
  });

  test('other reductions still use the backend’s own kernels', async () => {
    const v = values(3 * 4 * 5, 2);
    await expectSameAsCpu(() => tf.sum(tf.tensor3d(v, [3, 4, 5]), [1, 2]));
    await expectSameAsCpu(() => tf.mean(tf.tensor3d(v, [3, 4, 5]), 0));
    await expectSameAsCpu(() => tf.sum(tf.tensor3d(v, [3, 4, 5])));
  });

  test.each([
    [
      [4, 6, 2, 8],
      [1, 0, 1, 0],
      [2, 6, 1, 8],
    ],
    [
      [5, 7, 3],
      [0, 2, 1],
      [5, 3, 2],
    ],
    [[9], [3], [4]],
    [
      [2, 3, 4, 5, 6],
      [1, 1, 0, 2, 0],
      [1, 2, 4, 3, 6],
    ],
    [
      [3, 4],
      [1, 0],
      [0, 4],
    ],
  ])('Slice of %j from %j, size %j, in float32, int32 and bool', async (shape, begin, size) => {
    const v = values(
      shape.reduce((a, b) => a * b),
      5,
    );
    for (const dtype of ['float32', 'int32', 'bool'] as const) {
      const data = dtype === 'float32' ? v : Int32Array.from(v, (q) => (q > 0 ? 1 : 0));
      const op = () => tf.cast(tf.slice(tf.tensor(data, shape, dtype), begin, size), 'float32');
      const [wasm, cpu] = [await on('wasm', op), await on('cpu', op)];
      expect(wasm.shape).toEqual(cpu.shape);
      expect(Array.from(wasm.values)).toEqual(Array.from(cpu.values));
    }
  });

  test('a clone and a same-type cast share the buffer and outlive the original; other casts convert', async () => {
    await tf.setBackend('wasm');
    const buffers = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    const x = tf.tensor1d([1.5, -2, 3]);
    const before = buffers();
    const copy = tf.clone(x);
    const same = tf.cast(x, 'float32');
    expect(buffers()).toBe(before);
    x.dispose();
    expect(Array.from(await copy.data())).toEqual([1.5, -2, 3]);
    expect(Array.from(await same.data())).toEqual([1.5, -2, 3]);
    const ints = tf.cast(copy, 'int32');
    expect(ints.dtype).toBe('int32');
    expect(Array.from(await ints.data())).toEqual([1, -2, 3]);
    tf.dispose([copy, same, ints]);
    expect(buffers()).toBe(before - 1);
  });
});

describe('training on WASM', () => {
  const spec = resnetStyle({
    depth: 8,
    width: 4,
    skip: true,
    bn: true,
    activation: 'relu',
    inputShape: [12, 12, 1],
    classes: 3,
  });
  const batch = { inputs: values(4 * 12 * 12, 11), labels: Int32Array.from([0, 1, 2, 1]) };

  test('one SGD step gives the CPU backend’s loss and weights (relative error ≤ 1e-4)', async () => {
    const stepOn = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const net = build(spec, { seed: 4 });
      const sgd = new Sgd({ learningRate: 0.1 });
      const loss = await trainStep(net, sgd, batch);
      const weights = net.getWeights();
      sgd.dispose();
      net.dispose();
      return { loss, weights };
    };
    const [wasm, cpu] = [await stepOn('wasm'), await stepOn('cpu')];
    expect(wasm.loss).toBeCloseTo(cpu.loss, 4);
    for (const [key, value] of Object.entries(cpu.weights)) {
      expect(relativeError(wasm.weights[key] as Float32Array, value), key).toBeLessThanOrEqual(1e-4);
    }
  });

  test('100 training steps of a tiny net leak no tensor, byte or WASM buffer', async () => {
    await tf.setBackend('wasm');
    const net = build(spec, { seed: 4 });
    const sgd = new Sgd({ learningRate: 0.05 });
    const buffers = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    await trainStep(net, sgd, batch); // the first step allocates the momentum buffers
    const before = { ...tf.memory(), buffers: buffers() };
    const losses: number[] = [];
    for (let i = 0; i < 100; i++) losses.push(await trainStep(net, sgd, batch));
    const after = { ...tf.memory(), buffers: buffers() };
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect(after.buffers).toBe(before.buffers);
    expect(losses.at(-1)).toBeLessThan(losses[0] as number);
    sgd.dispose();
    net.dispose();
  });
});

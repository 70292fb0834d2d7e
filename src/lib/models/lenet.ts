/**
 * LeNet-5 (LeCun, Bottou, Bengio, Haffner 1998, "Gradient-based learning applied to document
 * recognition", §II.B) and a modern re-reading of it. Input 32×32×1 (MNIST's 28×28 digits
 * padded by 2, as in the paper).
 */
import { activation, conv, dense, flatten, maxpool, named, type LayerBody } from './layer-factories.ts';
import type { ActivationKind, Layer, ModelSpec } from './types.ts';

/**
 * LeCun et al. 1998 Table I as a connection table, `[16 C3 maps][6 S2 maps]`: C3 maps 0–5 read
 * three contiguous S2 maps, 6–11 four contiguous ones, 12–14 four non-contiguous ones
 * ({0,1,3,4}, {1,2,4,5}, {0,2,3,5}) and map 15 reads all six. 60 links: 1,516 parameters.
 */
export const lenetC3Connections: readonly (readonly boolean[])[] = (() => {
  const contiguous = (first: number, count: number): number[] =>
    Array.from({ length: count }, (_, i) => (first + i) % 6);
  const reads: number[][] = [
    ...Array.from({ length: 6 }, (_, j) => contiguous(j, 3)),
    ...Array.from({ length: 6 }, (_, j) => contiguous(j, 4)),
    [0, 1, 3, 4],
    [1, 2, 4, 5],
    [0, 2, 3, 5],
    [0, 1, 2, 3, 4, 5],
  ];
  return reads.map((maps) => Array.from({ length: 6 }, (_, s2) => maps.includes(s2)));
})();

/** Layer `id` followed by its activation `id.act`. */
function withActivation(id: string, body: LayerBody, act: ActivationKind): Layer[] {
  return [named(id, body), named(`${id}.act`, activation(act))];
}

/**
 * LeNet-5 as published: C1 conv 6@5×5 → S2 trainable 2×2 subsampling → C3 conv 16@5×5 with
 * Table I's partial connections → S4 → C5 conv 120@5×5 → F6 dense 84 → 10 Euclidean RBF
 * units with fixed prototypes. Every layer up to F6 is followed by the scaled tanh
 * 1.7159·tanh(2a/3). [32, 32, 1] → [10]; 60,000 trainable parameters, 340,908 connections.
 */
export const lenet5: ModelSpec = {
  id: 'lenet5',
  name: 'LeNet-5 (1998)',
  inputShape: [32, 32, 1],
  sources: ['lecun1998'],
  layers: [
    ...withActivation('C1', conv(6, 5), 'scaled_tanh'),
    ...withActivation('S2', { kind: 'subsample', kernel: 2 }, 'scaled_tanh'),
    ...withActivation('C3', conv(16, 5, { connections: lenetC3Connections }), 'scaled_tanh'),
    ...withActivation('S4', { kind: 'subsample', kernel: 2 }, 'scaled_tanh'),
    ...withActivation('C5', conv(120, 5), 'scaled_tanh'),
    named('flatten', flatten()),
    ...withActivation('F6', dense(84), 'scaled_tanh'),
    named('output', { kind: 'rbf', units: 10 }),
  ],
};

/**
 * The same topology as it is usually written today: fully connected C3, ReLU, 2×2 max
 * pooling and a plain dense 10-way output (softmax in the loss). [32, 32, 1] → [10].
 */
export const lenet5_modern: ModelSpec = {
  id: 'lenet5_modern',
  name: 'LeNet-5 (modern: ReLU, max-pooling)',
  inputShape: [32, 32, 1],
  sources: ['lecun1998'],
  layers: [
    ...withActivation('C1', conv(6, 5), 'relu'),
    named('S2', maxpool(2)),
    ...withActivation('C3', conv(16, 5), 'relu'),
    named('S4', maxpool(2)),
    ...withActivation('C5', conv(120, 5), 'relu'),
    named('flatten', flatten()),
    ...withActivation('F6', dense(84), 'relu'),
    named('output', dense(10)),
  ],
};

/**
 * Network in Network for CIFAR-10 (Lin, Chen & Yan 2014): three mlpconv layers, each a spatial
 * convolution followed by two 1×1 convolutions ("cccp", cascaded cross-channel parametric
 * pooling) with a ReLU after every one, max pooling with dropout after the first two, and global
 * average pooling of the last mlpconv's 10 maps as the classifier: no fully connected layer
 * (§3.2 for global average pooling, §4.1–4.2 for the networks and CIFAR-10).
 *
 * The paper gives no layer sizes; they are those of the first author's released definition,
 * `NIN/cifar-10_def` in github.com/mavenlin/cuda-convnet (commit 9f9e7072): conv1 5×5-192 pad 2,
 * cccp1 160, cccp2 96, pool1 3×3/2 max, dropout 0.5; conv2 5×5-192 pad 2, cccp3 192, cccp4 192,
 * pool2 3×3/2 max, dropout 0.5; conv3 3×3-192 pad 1, cccp5 192, cccp6 10; poolg 8×8 average
 * (global at 32×32). cuda-convnet sizes pooling outputs as ⌈(n − 3)/2⌉ + 1, which is PyTorch's
 * ceil mode (32 → 16 → 8). Ids are that definition's layer names (ReLUs `conv1.relu`, ours);
 * mlpconv layers are grouped `['mlpconv1']` … `['mlpconv3']`.
 */
import { activation, chain, conv, dropout, maxpool, type Entry } from './layer-factories.ts';
import type { Layer, ModelSpec } from './types.ts';

/** A conv with its ReLU, ids `name` and `name.relu`. */
function withRelu(name: string, filters: number, kernel: number, padding = 0): Entry[] {
  return [
    [name, conv(filters, kernel, padding === 0 ? {} : { padding })],
    [`${name}.relu`, activation('relu')],
  ];
}

/** mlpconv layer `k`: a k×k conv and two 1×1 convs, ReLU after each; widths [spatial, cccp, cccp]. */
function mlpconv(k: number, kernel: number, widths: readonly [number, number, number]): Layer[] {
  const cccp = 2 * k - 1;
  return chain(
    [
      ...withRelu(`conv${k}`, widths[0], kernel, (kernel - 1) / 2),
      ...withRelu(`cccp${cccp}`, widths[1], 1),
      ...withRelu(`cccp${cccp + 1}`, widths[2], 1),
    ],
    [`mlpconv${k}`],
  );
}

/** Max pool k 3, stride 2 (ceil mode) and dropout 0.5 after mlpconv `k`. */
function poolAndDrop(k: number): Layer[] {
  return chain([
    [`pool${k}`, maxpool(3, 2, undefined, true)],
    [`dropout${k}`, dropout(0.5)],
  ]);
}

/** NIN for CIFAR-10: [32, 32, 3] → [10] class scores (logits of the softmax); cccp6 outputs [8, 8, 10]. */
export const nin: ModelSpec = {
  id: 'nin',
  name: 'Network in Network (CIFAR-10)',
  inputShape: [32, 32, 3],
  sources: ['lin2014'],
  layers: [
    ...mlpconv(1, 5, [192, 160, 96]),
    ...poolAndDrop(1),
    ...mlpconv(2, 5, [192, 192, 192]),
    ...poolAndDrop(2),
    ...mlpconv(3, 3, [192, 192, 10]),
    ...chain([['poolg', { kind: 'globalavgpool' }]]),
  ],
};

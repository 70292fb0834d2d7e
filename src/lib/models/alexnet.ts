/**
 * AlexNet in two forms:
 * - `alexnet`: torchvision's single-tower network (`torchvision/models/alexnet.py`, after
 *   Krizhevsky's "One weird trick" 2014 paper): 64-192-384-256-256 filters, no LRN, no groups.
 *   Its `AdaptiveAvgPool2d((6, 6))` is the identity at 224×224 (pool5 is already 6×6) and is
 *   omitted; at other input sizes the classifier's fan-in follows the feature map.
 * - `alexnet_original`: Krizhevsky, Sutskever & Hinton 2012 (Fig. 2, §3): 96-256-384-384-256
 *   filters split over two GPUs, i.e. groups = 2 on conv2, conv4 and conv5 (conv3 and the fully
 *   connected layers talk across GPUs), ReLU, local response normalisation after conv1 and
 *   conv2, overlapping 3×3 stride-2 max pooling, dropout 0.5 before fc7 and fc8.
 *   Input 227×227×3: the paper says 224×224, but its 55×55 conv1 output with an 11×11 stride-4
 *   kernel and no padding needs (55 − 1)·4 + 11 = 227 pixels, the size Caffe's reproduction uses.
 */
import {
  activation,
  conv,
  dense,
  dropout,
  flatten,
  lrn,
  maxpool,
  named,
  numbered,
  type LayerBody,
} from './layer-factories.ts';
import type { Layer, ModelSpec } from './types.ts';

const relu = (): LayerBody => activation('relu');

/** torchvision `alexnet`: [224, 224, 3] → [1000]; features.12 (pool5) is [6, 6, 256]. */
export const alexnet: ModelSpec = {
  id: 'alexnet',
  name: 'AlexNet (torchvision, single tower)',
  inputShape: [224, 224, 3],
  sources: ['krizhevsky2014', 'krizhevsky2012', 'torchvision'],
  layers: [
    ...numbered('features', [
      conv(64, 11, { stride: 4, padding: 2 }),
      relu(),
      maxpool(3, 2),
      conv(192, 5, { padding: 2 }),
      relu(),
      maxpool(3, 2),
      conv(384, 3, { padding: 1 }),
      relu(),
      conv(256, 3, { padding: 1 }),
      relu(),
      conv(256, 3, { padding: 1 }),
      relu(),
      maxpool(3, 2),
    ]),
    named('flatten', flatten()),
    ...numbered('classifier', [dropout(0.5), dense(4096), relu(), dropout(0.5), dense(4096), relu(), dense(1000)]),
  ],
};

/** One named stage of the 2012 network: `name` plus `name.relu`, `name.norm`, `name.pool` as present. */
function stage(name: string, body: LayerBody, after: readonly ('relu' | 'norm' | 'pool' | 'drop')[]): Layer[] {
  const extra: Record<(typeof after)[number], LayerBody> = {
    relu: relu(),
    norm: lrn(),
    pool: maxpool(3, 2),
    drop: dropout(0.5),
  };
  const group = [name];
  return [named(name, body, { group }), ...after.map((part) => named(`${name}.${part}`, extra[part], { group }))];
}

/** Krizhevsky et al. 2012, two-tower: [227, 227, 3] → [1000]; conv5.pool is [6, 6, 256]. */
export const alexnet_original: ModelSpec = {
  id: 'alexnet_original',
  name: 'AlexNet (2012, two GPUs)',
  inputShape: [227, 227, 3],
  sources: ['krizhevsky2012'],
  layers: [
    ...stage('conv1', conv(96, 11, { stride: 4 }), ['relu', 'norm', 'pool']),
    ...stage('conv2', conv(256, 5, { padding: 2, groups: 2 }), ['relu', 'norm', 'pool']),
    ...stage('conv3', conv(384, 3, { padding: 1 }), ['relu']),
    ...stage('conv4', conv(384, 3, { padding: 1, groups: 2 }), ['relu']),
    ...stage('conv5', conv(256, 3, { padding: 1, groups: 2 }), ['relu', 'pool']),
    named('flatten', flatten()),
    ...stage('fc6', dense(4096), ['relu', 'drop']),
    ...stage('fc7', dense(4096), ['relu', 'drop']),
    ...stage('fc8', dense(1000), []),
  ],
};

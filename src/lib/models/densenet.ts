/**
 * DenseNet-121 (Huang et al. 2017, DenseNet-BC with growth rate k = 32) exactly as torchvision
 * builds it (`torchvision/models/densenet.py`, `DenseNet121_Weights.IMAGENET1K_V1`). Ids follow
 * torchvision's module names (`features.conv0`, `features.denseblock1.denselayer1.conv2`,
 * `features.transition1.pool`, `classifier`); the final ReLU and pooling are functional calls in
 * torchvision's forward, here `relu` and `avgpool`.
 *
 * Each dense layer (BN → ReLU → 1×1 conv to 4k → BN → ReLU → 3×3 conv to k) appends its k maps to
 * everything before it. torchvision keeps a list of feature maps and concatenates it when the
 * next layer (or the block's end) reads it; the spec writes one concatenation after each layer,
 * `features.denseblock1.denselayer1.concat` (ours), of [the layer's input, its new maps]: the
 * same tensor, channels in the same order [x₀, f₁, …, f_L], as a chain a diagram can draw.
 * Groups: `['features.denseblock1', 'features.denseblock1.denselayer1']`, transitions
 * `['features.transition1']`.
 */
import {
  activation,
  avgpool,
  batchnorm,
  chain,
  concat,
  conv,
  dense,
  maxpool,
  named,
  outputOf,
} from './layer-factories.ts';
import type { Layer, ModelSpec } from './types.ts';

/** torchvision's densenet121 arguments: growth rate k, layers per block, stem width, bottleneck factor. */
export const densenet121Config = { growthRate: 32, blocks: [6, 12, 24, 16], initFeatures: 64, bnSize: 4 } as const;

/**
 * One dense layer `prefix` reading `input` (c channels): its six layers and the concatenation,
 * [h, w, c] → [h, w, c + growthRate].
 */
function denseLayer(prefix: string, input: string, group: readonly string[]): Layer[] {
  const { growthRate, bnSize } = densenet121Config;
  const layers = chain(
    [
      [`${prefix}.norm1`, batchnorm()],
      [`${prefix}.relu1`, activation('relu')],
      [`${prefix}.conv1`, conv(bnSize * growthRate, 1, { bias: false })],
      [`${prefix}.norm2`, batchnorm()],
      [`${prefix}.relu2`, activation('relu')],
      [`${prefix}.conv2`, conv(growthRate, 3, { padding: 1, bias: false })],
    ],
    group,
    input,
  );
  return [...layers, named(`${prefix}.concat`, concat([input, outputOf(layers)]), { group })];
}

/** Dense blocks with transitions (BN → ReLU → 1×1 conv halving the channels → 2×2 average pool) between. */
function features(): Layer[] {
  const { growthRate, blocks, initFeatures } = densenet121Config;
  const layers: Layer[] = [];
  let input = 'features.pool0';
  let channels: number = initFeatures;
  blocks.forEach((count, b) => {
    const block = `features.denseblock${b + 1}`;
    for (let l = 1; l <= count; l++) {
      const prefix = `${block}.denselayer${l}`;
      layers.push(...denseLayer(prefix, input, [block, prefix]));
      input = outputOf(layers);
    }
    channels += count * growthRate;
    if (b === blocks.length - 1) return;
    const transition = `features.transition${b + 1}`;
    channels = Math.floor(channels / 2);
    layers.push(
      ...chain(
        [
          [`${transition}.norm`, batchnorm()],
          [`${transition}.relu`, activation('relu')],
          [`${transition}.conv`, conv(channels, 1, { bias: false })],
          [`${transition}.pool`, avgpool(2, 2)],
        ],
        [transition],
        input,
      ),
    );
    input = outputOf(layers);
  });
  return layers;
}

/** torchvision's densenet121: [224, 224, 3] → [1000]; features.norm5 outputs [7, 7, 1024]. */
export const densenet121: ModelSpec = {
  id: 'densenet121',
  name: 'DenseNet-121',
  inputShape: [224, 224, 3],
  sources: ['huang2017', 'torchvision'],
  layers: [
    ...chain(
      [
        ['features.conv0', conv(densenet121Config.initFeatures, 7, { stride: 2, padding: 3, bias: false })],
        ['features.norm0', batchnorm()],
        ['features.relu0', activation('relu')],
        ['features.pool0', maxpool(3, 2, 1)],
      ],
      ['stem'],
    ),
    ...features(),
    ...chain(
      [
        ['features.norm5', batchnorm()],
        ['relu', activation('relu')],
        ['avgpool', { kind: 'globalavgpool' }],
        ['classifier', dense(1000)],
      ],
      ['head'],
    ),
  ],
};

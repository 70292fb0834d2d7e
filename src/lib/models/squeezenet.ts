/**
 * SqueezeNet 1.0 (Iandola et al. 2016) exactly as torchvision builds it
 * (`torchvision/models/squeezenet.py`, `SqueezeNet1_0_Weights.IMAGENET1K_V1`). Ids follow
 * torchvision's module names (`features.0`, `features.3.squeeze`, `features.3.expand3x3`,
 * `classifier.1`); each Fire module's `torch.cat` is `features.3.concat`, ours. Fire modules are
 * grouped `['features.3']`; the classifier (dropout, 1×1 conv to the classes, ReLU, global
 * average pooling: no fully connected layer) `['classifier']`.
 */
import { activation, chain, concat, conv, dropout, maxpool, named, outputOf } from './layer-factories.ts';
import type { Layer, ModelSpec } from './types.ts';

/** torchvision's Fire(inplanes, squeeze, expand1x1, expand3x3) arguments after inplanes, by index in `features`; 'M' a max pool. */
export const squeezenet1_0Features = [
  'M',
  [16, 64, 64],
  [16, 64, 64],
  [32, 128, 128],
  'M',
  [32, 128, 128],
  [48, 192, 192],
  [48, 192, 192],
  [64, 256, 256],
  'M',
  [64, 256, 256],
] as const;

/**
 * Fire module `features.N` reading `input`: a 1×1 squeeze conv to s maps and ReLU, then 1×1 and
 * 3×3 expand convs with their ReLUs side by side, concatenated. [h, w, c] → [h, w, e1 + e3].
 */
function fire(prefix: string, input: string, squeeze: number, e1: number, e3: number): Layer[] {
  const group = [prefix];
  const squeezed = chain(
    [
      [`${prefix}.squeeze`, conv(squeeze, 1)],
      [`${prefix}.squeeze_activation`, activation('relu')],
    ],
    group,
    input,
  );
  const expand = (k: 1 | 3, filters: number): Layer[] =>
    chain(
      [
        [`${prefix}.expand${k}x${k}`, conv(filters, k, k === 3 ? { padding: 1 } : {})],
        [`${prefix}.expand${k}x${k}_activation`, activation('relu')],
      ],
      group,
      outputOf(squeezed),
    );
  const branches = [expand(1, e1), expand(3, e3)];
  return [...squeezed, ...branches.flat(), named(`${prefix}.concat`, concat(branches.map(outputOf)), { group })];
}

function features(): Layer[] {
  const layers: Layer[] = [named('features.0', conv(96, 7, { stride: 2 })), named('features.1', activation('relu'))];
  squeezenet1_0Features.forEach((item, i) => {
    const id = `features.${i + 2}`;
    if (item === 'M') layers.push(named(id, maxpool(3, 2, undefined, true)));
    else layers.push(...fire(id, outputOf(layers), item[0], item[1], item[2]));
  });
  return layers;
}

/** torchvision's squeezenet1_0: [224, 224, 3] → [1000]; features.12 outputs [13, 13, 512]. */
export const squeezenet1_0: ModelSpec = {
  id: 'squeezenet1_0',
  name: 'SqueezeNet 1.0',
  inputShape: [224, 224, 3],
  sources: ['iandola2016', 'torchvision'],
  layers: [
    ...features(),
    ...chain(
      [
        ['classifier.0', dropout(0.5)],
        ['classifier.1', conv(1000, 1)],
        ['classifier.2', activation('relu')],
        ['classifier.3', { kind: 'globalavgpool' }],
      ],
      ['classifier'],
    ),
  ],
};

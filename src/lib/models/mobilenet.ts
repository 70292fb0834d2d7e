/**
 * MobileNetV2 (Sandler et al. 2018) at width 1.0 exactly as torchvision builds it
 * (`torchvision/models/mobilenetv2.py`, `MobileNet_V2_Weights.IMAGENET1K_V1`/`V2`, which share
 * the architecture). Ids follow torchvision's module names: `features.0.0` (conv), `.1` (BN),
 * `.2` (ReLU6) for each Conv2dNormActivation; inverted residual blocks `features.N` with
 * `features.N.conv.0.0` (1×1 expansion), `.conv.1.0` (3×3 depthwise), `.conv.2` (1×1 linear
 * projection), `.conv.3` (BN) (blocks with expansion 1 have no expansion: `.conv.0.0` is the
 * depthwise conv); a block's residual sum is `features.N.add`, ours. Groups: one per
 * `features.N`, and `['head']` for pooling and classifier.
 */
import { batchnorm, chain, conv, convNormAct, dense, dropout, named, outputOf, type Entry } from './layer-factories.ts';
import type { Layer, ModelSpec } from './types.ts';

/** torchvision's inverted_residual_setting: expansion t, output channels c, blocks n, first stride s. */
export const mobilenetV2Setting = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
] as const;

/** Conv2dNormActivation `prefix` with ReLU6: `prefix.0` conv (no bias, padding (k − 1)/2), `.1` BN, `.2` ReLU6. */
function convBnRelu6(
  prefix: string,
  filters: number,
  kernel: number,
  options: { stride?: number; groups?: number } = {},
): Entry[] {
  return convNormAct([`${prefix}.0`, `${prefix}.1`, `${prefix}.2`], filters, kernel, {
    ...(kernel > 1 ? { padding: (kernel - 1) / 2 } : {}),
    ...(options.stride !== undefined && options.stride !== 1 ? { stride: options.stride } : {}),
    ...(options.groups !== undefined ? { groups: options.groups } : {}),
    activation: 'relu6',
  });
}

/**
 * Inverted residual block `features.N` reading `input` (inp channels): 1×1 expansion to t·inp
 * (t > 1), 3×3 depthwise with `stride`, 1×1 linear projection to `oup`; plus the input when the
 * stride is 1 and inp = oup. [h, w, inp] → [h/stride, w/stride, oup].
 */
function invertedResidual(n: number, input: string, inp: number, oup: number, stride: number, t: number): Layer[] {
  const prefix = `features.${n}`;
  const hidden = Math.round(inp * t);
  const expand = t === 1 ? [] : convBnRelu6(`${prefix}.conv.0`, hidden, 1);
  const d = expand.length === 0 ? 0 : 1;
  const layers = chain(
    [
      ...expand,
      ...convBnRelu6(`${prefix}.conv.${d}`, hidden, 3, { stride, groups: hidden }),
      [`${prefix}.conv.${d + 1}`, conv(oup, 1, { bias: false })],
      [`${prefix}.conv.${d + 2}`, batchnorm()],
    ],
    [prefix],
    input,
  );
  if (stride !== 1 || inp !== oup) return layers;
  return [
    ...layers,
    named(
      `${prefix}.add`,
      { kind: 'add', inputs: [outputOf(layers), input], shortcut: 'identity' },
      { group: [prefix] },
    ),
  ];
}

function features(): Layer[] {
  const layers = chain(convBnRelu6('features.0', 32, 3, { stride: 2 }), ['features.0']);
  let channels = 32;
  let n = 1;
  for (const [t, c, count, s] of mobilenetV2Setting) {
    for (let i = 0; i < count; i++, n++) {
      layers.push(...invertedResidual(n, outputOf(layers), channels, c, i === 0 ? s : 1, t));
      channels = c;
    }
  }
  layers.push(...chain(convBnRelu6(`features.${n}`, 1280, 1), [`features.${n}`], outputOf(layers)));
  return layers;
}

/** torchvision's mobilenet_v2: [224, 224, 3] → [1000]; features.18 outputs [7, 7, 1280]. */
export const mobilenet_v2: ModelSpec = {
  id: 'mobilenet_v2',
  name: 'MobileNetV2',
  inputShape: [224, 224, 3],
  sources: ['sandler2018', 'torchvision'],
  layers: [
    ...features(),
    ...chain(
      [
        ['avgpool', { kind: 'globalavgpool' }],
        ['classifier.0', dropout(0.2)],
        ['classifier.1', dense(1000)],
      ],
      ['head'],
    ),
  ],
};

/**
 * VGG (Simonyan & Zisserman 2015, Table 1 configurations A, B, D, E) exactly as torchvision
 * builds it (`torchvision/models/vgg.py`): 3×3 pad-1 convs, 2×2 max pooling, optional batch
 * norm after each conv, and the 4096-4096-classes classifier. Module ids follow torchvision
 * (`features.N`, `classifier.N`).
 *
 * torchvision puts `AdaptiveAvgPool2d((7, 7))` between features and classifier. At the native
 * 224×224 input the feature map is already 7×7, so it is the identity and the spec omits it;
 * at other input sizes these specs behave like the paper's network (the classifier's fan-in
 * follows the feature map), not like torchvision's resampled one.
 */
import {
  activation,
  batchnorm,
  conv,
  dense,
  dropout,
  flatten,
  maxpool,
  named,
  numbered,
  type LayerBody,
} from './layer-factories.ts';
import { SpecError } from './spec-error.ts';
import type { ActivationKind, Layer, ModelSpec } from './types.ts';

/** A VGG feature extractor: conv widths, with 'M' for a 2×2 max pool (torchvision's `cfgs`). */
export type VggConfig = readonly (number | 'M')[];

/** torchvision's `cfgs`, keyed by the paper's configuration letter. */
export const vggConfigs = {
  A: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  B: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  D: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  E: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
} as const satisfies Record<string, VggConfig>;

/** VGG feature-extractor options; defaults are the paper's (ReLU, 3×3, max pooling). */
export interface VggFeatureOptions {
  readonly bn: boolean;
  readonly activation?: ActivationKind;
  /** Odd kernel size, padded by (kernel − 1)/2 so convs keep the spatial size. Default 3. */
  readonly kernel?: number;
  /** 2×2 stride-2 max pool after every stage. Default true. */
  readonly pool?: boolean;
}

/**
 * A VGG feature extractor, torchvision's `make_layers` with one group per stage: each width w
 * becomes conv(w, kernel) [+ batchnorm] + activation, and each stage ends with a 2×2 stride-2
 * max pool (halving h and w, floor) when `pool`. Convs keep their bias even with batch norm,
 * as torchvision does. Ids are `features.N`, groups `['features', 'stageK']`.
 */
export function vggFeatures(stages: readonly (readonly number[])[], options: VggFeatureOptions): Layer[] {
  const kernel = options.kernel ?? 3;
  if (!Number.isInteger(kernel) || kernel < 1 || kernel % 2 === 0) {
    throw new SpecError(`VGG kernel must be a positive odd integer, got ${kernel}`);
  }
  let index = 0;
  return stages.flatMap((widths, s) => {
    const bodies: LayerBody[] = widths.flatMap((w) => [
      conv(w, kernel, { padding: (kernel - 1) / 2 }),
      ...(options.bn ? [batchnorm()] : []),
      activation(options.activation ?? 'relu'),
    ]);
    if (options.pool ?? true) bodies.push(maxpool(2, 2));
    return bodies.map((body) => named(`features.${index++}`, body, { group: ['features', `stage${s + 1}`] }));
  });
}

/** Split a torchvision cfg at its 'M' entries into per-stage conv widths. */
export function vggStages(config: VggConfig): number[][] {
  const stages: number[][] = [[]];
  for (const item of config) {
    if (item === 'M') stages.push([]);
    else stages[stages.length - 1]?.push(item);
  }
  return stages.filter((stage) => stage.length > 0);
}

/** torchvision's VGG classifier bodies: Linear 4096, ReLU, Dropout, Linear 4096, ReLU, Dropout, Linear classes. */
export function vggClassifier(classes: number): LayerBody[] {
  return [dense(4096), activation('relu'), dropout(0.5), dense(4096), activation('relu'), dropout(0.5), dense(classes)];
}

/** `features.N` … `flatten` … `classifier.N`, as torchvision's VGG forward(). */
function torchvisionVgg(id: string, name: string, config: VggConfig, bn: boolean): ModelSpec {
  const layers: Layer[] = [
    ...vggFeatures(vggStages(config), { bn }),
    named('flatten', flatten()),
    ...numbered('classifier', vggClassifier(1000)),
  ];
  return { id, name, inputShape: [224, 224, 3], layers, sources: ['simonyan2015', 'torchvision'] };
}

const variants = [
  ['vgg11', 'VGG-11', 'A'],
  ['vgg13', 'VGG-13', 'B'],
  ['vgg16', 'VGG-16', 'D'],
  ['vgg19', 'VGG-19', 'E'],
] as const;

/**
 * The eight torchvision VGGs: vgg11/13/16/19 and their `_bn` variants.
 * [224, 224, 3] → [1000]; pool5 (the last `features` layer) is [7, 7, 512].
 */
export const vggModels: readonly ModelSpec[] = variants.flatMap(([id, name, letter]) => [
  torchvisionVgg(id, `${name} (configuration ${letter})`, vggConfigs[letter], false),
  torchvisionVgg(`${id}_bn`, `${name} (configuration ${letter}, batch norm)`, vggConfigs[letter], true),
]);

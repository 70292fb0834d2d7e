/**
 * torchvision's ImageNet ResNets (`torchvision/models/resnet.py`): He et al. 2016 Table 1 with
 * the "v1.5" bottleneck (stride on the 3×3 conv, not the first 1×1), projection shortcuts
 * (1×1 conv + BN) only where the shape changes. Ids follow torchvision's module names
 * (`conv1`, `layer1.0.conv1`, `layer2.0.downsample.0`, `fc`); ReLUs, which torchvision reuses
 * as one module per block, get one id per use (`layer1.0.relu1`, …) and each block's sum is
 * `layer1.0.add`. Blocks are grouped `['layer1', 'layer1.0']`.
 */
import { activation, batchnorm, conv, dense, maxpool, named } from './layer-factories.ts';
import { residualStages } from './residual-blocks.ts';
import type { ModelSpec } from './types.ts';

/** Blocks per stage (layer1…layer4) and block type, from He et al. 2016 Table 1. */
export const resnetConfigs = {
  resnet18: { block: 'basic', blocks: [2, 2, 2, 2] },
  resnet34: { block: 'basic', blocks: [3, 4, 6, 3] },
  resnet50: { block: 'bottleneck', blocks: [3, 4, 6, 3] },
  resnet101: { block: 'bottleneck', blocks: [3, 4, 23, 3] },
  resnet152: { block: 'bottleneck', blocks: [3, 8, 36, 3] },
} as const;

export type ResnetId = keyof typeof resnetConfigs;

/** A torchvision ResNet: [224, 224, 3] → [1000]; the last block's output is [7, 7, 512·expansion]. */
export function torchvisionResnet(id: ResnetId): ModelSpec {
  const { block, blocks } = resnetConfigs[id];
  const expansion = block === 'basic' ? 1 : 4;
  const stem = ['stem'];
  const body = residualStages(
    'maxpool',
    64,
    blocks.map((count, i) => ({
      name: `layer${i + 1}`,
      blocks: count,
      width: 64 * 2 ** i,
      outChannels: 64 * 2 ** i * expansion,
      stride: i === 0 ? 1 : 2,
    })),
    { block, bn: true, activation: 'relu', shortcut: () => 'projection' },
  );
  return {
    id,
    name: `ResNet-${id.slice('resnet'.length)}`,
    inputShape: [224, 224, 3],
    sources: ['he2016', 'torchvision'],
    layers: [
      named('conv1', conv(64, 7, { stride: 2, padding: 3, bias: false }), { group: stem }),
      named('bn1', batchnorm(), { group: stem }),
      named('relu', activation('relu'), { group: stem }),
      named('maxpool', maxpool(3, 2, 1), { group: stem }),
      ...body.layers,
      named('avgpool', { kind: 'globalavgpool' }, { group: ['head'] }),
      named('fc', dense(1000), { group: ['head'] }),
    ],
  };
}

/** resnet18 … resnet152. */
export const resnetModels: readonly ModelSpec[] = (Object.keys(resnetConfigs) as ResnetId[]).map(torchvisionResnet);

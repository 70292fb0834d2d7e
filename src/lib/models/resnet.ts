/**
 * torchvision's ImageNet ResNets (`torchvision/models/resnet.py`): He et al. 2016 Table 1 with
 * the "v1.5" bottleneck (stride on the 3×3 conv, not the first 1×1), projection shortcuts
 * (1×1 conv + BN) only where the shape changes. Ids follow torchvision's module names
 * (`conv1`, `layer1.0.conv1`, `layer2.0.downsample.0`, `fc`); ReLUs, which torchvision reuses
 * as one module per block, get one id per use (`layer1.0.relu1`, …) and each block's sum is
 * `layer1.0.add`. Blocks are grouped `['layer1', 'layer1.0']`.
 *
 * `resnet50_v1`, `resnet101_v1` and `resnet152_v1` are the same networks with the original v1
 * placement of He et al. 2016 (their Caffe models): a downsampling bottleneck strides its first
 * 1×1 conv. Same parameters; slightly fewer MACs (that 1×1 conv runs on the smaller map, and
 * the 3×3 costs the same either way); a wider receptive field, since every 3×3 of a stage then
 * works at the stage's own jump. torchvision has no such model: the ids are ours.
 *
 * `resnext50_32x4d` and `wide_resnet50_2` are torchvision's ResNet-50 with grouped or wider
 * bottlenecks (see resnetVariantConfigs).
 */
import { activation, batchnorm, conv, dense, maxpool, named } from './layer-factories.ts';
import { residualStages, type StrideOn } from './residual-blocks.ts';
import { SpecError } from './spec-error.ts';
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

/**
 * torchvision's ResNeXt and Wide ResNet (`resnext50_32x4d`, `wide_resnet50_2` in resnet.py):
 * ResNet-50's stages with a wider bottleneck. torchvision sets each block's inner width to
 * ⌊planes·widthPerGroup/64⌋·groups for planes = 64, 128, 256, 512: ResNeXt-50 (32×4d, Xie et al.
 * 2017 Table 1) runs its 3×3 conv in 32 groups of 4·(planes/64) channels, Wide ResNet-50-2
 * (Zagoruyko & Komodakis 2016, as torchvision adapts it to bottlenecks) doubles the inner width
 * with one group. Outer widths (planes·4) are ResNet-50's.
 */
export const resnetVariantConfigs = {
  resnext50_32x4d: { name: 'ResNeXt-50 (32×4d)', groups: 32, widthPerGroup: 4, source: 'xie2017' },
  wide_resnet50_2: { name: 'Wide ResNet-50-2', groups: 1, widthPerGroup: 128, source: 'zagoruyko2016' },
} as const;

export type ResnetVariantId = keyof typeof resnetVariantConfigs;

interface ResnetBuild {
  readonly id: string;
  readonly name: string;
  readonly block: 'basic' | 'bottleneck';
  readonly blocks: readonly number[];
  readonly strideOn: StrideOn;
  readonly groups: number;
  readonly widthPerGroup: number;
  readonly sources: readonly string[];
}

/** Stem, four stages of blocks, global pooling and fc, with torchvision's module names. */
function buildResnet(o: ResnetBuild): ModelSpec {
  const expansion = o.block === 'basic' ? 1 : 4;
  const stem = ['stem'];
  const body = residualStages(
    'maxpool',
    64,
    o.blocks.map((count, i) => {
      const planes = 64 * 2 ** i;
      return {
        name: `layer${i + 1}`,
        blocks: count,
        width: Math.floor((planes * o.widthPerGroup) / 64) * o.groups,
        outChannels: planes * expansion,
        stride: i === 0 ? 1 : 2,
      };
    }),
    {
      block: o.block,
      bn: true,
      activation: 'relu',
      shortcut: () => 'projection',
      strideOn: o.strideOn,
      ...(o.groups === 1 ? {} : { groups: o.groups }),
    },
  );
  return {
    id: o.id,
    name: o.name,
    inputShape: [224, 224, 3],
    sources: o.sources,
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

/**
 * A torchvision ResNet: [224, 224, 3] → [1000]; the last block's output is [7, 7, 512·expansion].
 * `version` 'v1.5' is torchvision's (stride on each downsampling bottleneck's 3×3 conv); 'v1'
 * (bottleneck ResNets only) strides the first 1×1 conv instead, and its id gets `_v1`.
 */
export function torchvisionResnet(id: ResnetId, version: 'v1' | 'v1.5' = 'v1.5'): ModelSpec {
  const { block, blocks } = resnetConfigs[id];
  if (version === 'v1' && block !== 'bottleneck') {
    throw new SpecError(`${id} has basic blocks: its v1 and v1.5 are the same network`);
  }
  const depth = id.slice('resnet'.length);
  return buildResnet({
    id: version === 'v1' ? `${id}_v1` : id,
    name: version === 'v1' ? `ResNet-${depth} v1` : `ResNet-${depth}`,
    block,
    blocks,
    strideOn: version === 'v1' ? 'first' : 'spatial',
    groups: 1,
    widthPerGroup: 64,
    sources: ['he2016', 'torchvision'],
  });
}

/** A torchvision ResNeXt or Wide ResNet: [224, 224, 3] → [1000], last block [7, 7, 2048]. */
export function resnetVariant(id: ResnetVariantId): ModelSpec {
  const { name, groups, widthPerGroup, source } = resnetVariantConfigs[id];
  return buildResnet({
    id,
    name,
    block: 'bottleneck',
    blocks: resnetConfigs.resnet50.blocks,
    strideOn: 'spatial',
    groups,
    widthPerGroup,
    sources: [source, 'he2016', 'torchvision'],
  });
}

/** resnet18 … resnet152 (torchvision, v1.5). */
export const resnetModels: readonly ModelSpec[] = (Object.keys(resnetConfigs) as ResnetId[]).map((id) =>
  torchvisionResnet(id),
);

/** resnet50_v1, resnet101_v1, resnet152_v1: the original stride placement. */
export const resnetV1Models: readonly ModelSpec[] = (
  ['resnet50', 'resnet101', 'resnet152'] as const satisfies readonly ResnetId[]
).map((id) => torchvisionResnet(id, 'v1'));

/**
 * Residual blocks (He, Zhang, Ren, Sun 2016) as spec layers, with torchvision's module names
 * inside a block (`conv1`, `bn1`, …, `downsample.0`, `downsample.1`) so that ids read
 * `layer1.0.conv1`. Shared by the torchvision ResNets, the CIFAR ResNets and plain nets, and
 * the `resnetStyle` family.
 */
import { activation, batchnorm, conv, named, outputOf, type LayerBody } from './layer-factories.ts';
import { SpecError } from './spec-error.ts';
import type { ActivationKind, Layer } from './types.ts';

/**
 * How a block's shortcut is formed:
 * - 'projection': identity when shapes match, else 1×1 strided conv + BN (torchvision, option B);
 * - 'padding': identity when shapes match, else parameter-free subsample + zero channels
 *   (He et al. 2016 §4.2, option A);
 * - 'none': no shortcut at all: the "plain" network of the same depth.
 */
export type ShortcutKind = 'projection' | 'padding' | 'none';

/** Where a bottleneck block strides: its k×k conv (v1.5) or its first 1×1 conv (v1). */
export type StrideOn = 'spatial' | 'first';

export interface BlockOptions {
  /** Id prefix, e.g. `layer2.0`; layer ids become `${prefix}.conv1`, … */
  readonly prefix: string;
  /** Group path, e.g. `['layer2', 'layer2.0']`. */
  readonly group: readonly string[];
  /** Id of the layer feeding the block. */
  readonly input: string;
  /** Channels of the block's input. */
  readonly inChannels: number;
  /** Channels inside the block (torchvision's `planes`, or the bottleneck width). */
  readonly width: number;
  /** Channels of the block's output. */
  readonly outChannels: number;
  /** Stride of the block's downsampling (1 or 2), carried by the conv `strideOn` names. */
  readonly stride: number;
  /**
   * Which conv of a bottleneck carries the stride: 'spatial', the k×k conv (torchvision's
   * "v1.5", the default), or 'first', the first 1×1 conv (He et al. 2016's original v1, as in
   * their Caffe models). Basic blocks always stride their first k×k conv.
   */
  readonly strideOn?: StrideOn;
  /** Spatial kernel size (odd); padded to keep size at stride 1. Default 3. */
  readonly kernel?: number;
  /**
   * Groups of a bottleneck's k×k conv: ResNeXt's cardinality (Xie et al. 2017), torchvision's
   * `groups`. Must divide `width`. Default 1; basic blocks take no groups, as in torchvision.
   */
  readonly groups?: number;
  readonly bn: boolean;
  readonly activation: ActivationKind;
  readonly shortcut: ShortcutKind;
}

/**
 * A residual block's layers in topological order, its last layer being the output.
 * Basic: [k×k conv(width) → BN → act → k×k conv(outChannels) → BN] + shortcut → act.
 * Bottleneck (torchvision v1.5, stride on the 3×3): [1×1 conv(width) → BN → act → k×k
 * conv(width, stride, groups) → BN → act → 1×1 conv(outChannels) → BN] + shortcut → act; with
 * `strideOn: 'first'` (v1) the first 1×1 conv has the stride instead.
 * Convs have no bias when followed by BN (torchvision), a bias otherwise.
 */
export function residualBlock(kind: 'basic' | 'bottleneck', o: BlockOptions): Layer[] {
  const k = o.kernel ?? 3;
  const groups = o.groups ?? 1;
  if (kind === 'basic' && groups !== 1) throw new SpecError(`${o.prefix}: a basic block takes no groups`);
  const spatialConv = (filters: number, stride: number): LayerBody =>
    conv(filters, k, { stride, padding: (k - 1) / 2, bias: !o.bn, ...(groups === 1 ? {} : { groups }) });
  const pointConv = (filters: number, stride = 1): LayerBody =>
    conv(filters, 1, stride === 1 ? { bias: !o.bn } : { stride, bias: !o.bn });
  const [firstStride, spatialStride] = o.strideOn === 'first' ? [o.stride, 1] : [1, o.stride];
  const units: [LayerBody, LayerBody][] =
    kind === 'basic'
      ? [
          [spatialConv(o.width, o.stride), batchnorm()],
          [spatialConv(o.outChannels, 1), batchnorm()],
        ]
      : [
          [pointConv(o.width, firstStride), batchnorm()],
          [spatialConv(o.width, spatialStride), batchnorm()],
          [pointConv(o.outChannels), batchnorm()],
        ];

  const at = (name: string): string => `${o.prefix}.${name}`;
  const layers: Layer[] = [];
  const add = (id: string, body: LayerBody, inputs?: readonly string[]): string => {
    layers.push(named(id, body, inputs === undefined ? { group: o.group } : { group: o.group, inputs }));
    return id;
  };

  let branch = o.input;
  units.forEach(([convBody, bnBody], i) => {
    branch = add(at(`conv${i + 1}`), convBody, [branch]);
    if (o.bn) branch = add(at(`bn${i + 1}`), bnBody);
    if (i < units.length - 1) branch = add(at(`relu${i + 1}`), activation(o.activation));
  });
  const last = units.length;
  if (o.shortcut === 'none') {
    add(at(`relu${last}`), activation(o.activation));
    return layers;
  }

  const reshapes = o.stride !== 1 || o.inChannels !== o.outChannels;
  let shortcut = o.input;
  if (reshapes && o.shortcut === 'projection') {
    shortcut = add(at('downsample.0'), conv(o.outChannels, 1, { stride: o.stride, bias: !o.bn }), [o.input]);
    if (o.bn) shortcut = add(at('downsample.1'), batchnorm());
  } else if (reshapes) {
    shortcut = add(at('shortcut'), { kind: 'padshortcut', stride: o.stride, filters: o.outChannels }, [o.input]);
  }
  add(at('add'), {
    kind: 'add',
    inputs: [branch, shortcut],
    shortcut: !reshapes ? 'identity' : o.shortcut === 'projection' ? 'projection' : 'padding',
  });
  add(at(`relu${last}`), activation(o.activation));
  return layers;
}

/** One stage of residual blocks: `blocks` blocks, the first with `stride`. */
export interface StageConfig {
  /** Stage id and outer group, e.g. `layer1` or `stage1`. */
  readonly name: string;
  readonly blocks: number;
  /** Channels inside each block. */
  readonly width: number;
  /** Channels out of each block. */
  readonly outChannels: number;
  /** Stride of the stage's first block. */
  readonly stride: number;
}

/**
 * Stages of residual blocks after a stem whose output is `input` with `inChannels` channels.
 * `shortcut(i)` gives the shortcut of the i-th block counted over all stages (so skips can be
 * switched per block); `blockId(stage, b)` names block b of a stage (torchvision: `layer1.0`).
 * Returns the layers, the id of the last one and its channel count.
 */
export function residualStages(
  input: string,
  inChannels: number,
  stages: readonly StageConfig[],
  common: Pick<BlockOptions, 'bn' | 'activation' | 'kernel' | 'strideOn' | 'groups'> & {
    readonly block: 'basic' | 'bottleneck';
    readonly shortcut: (blockIndex: number) => ShortcutKind;
    readonly blockId?: (stage: string, block: number) => string;
  },
): { layers: Layer[]; output: string; channels: number } {
  const blockId = common.blockId ?? ((stage: string, b: number) => `${stage}.${b}`);
  const layers: Layer[] = [];
  let output = input;
  let channels = inChannels;
  let index = 0;
  for (const stage of stages) {
    for (let b = 0; b < stage.blocks; b++, index++) {
      const prefix = blockId(stage.name, b);
      const block = residualBlock(common.block, {
        prefix,
        group: [stage.name, prefix],
        input: output,
        inChannels: channels,
        width: stage.width,
        outChannels: stage.outChannels,
        stride: b === 0 ? stage.stride : 1,
        bn: common.bn,
        activation: common.activation,
        shortcut: common.shortcut(index),
        ...(common.kernel === undefined ? {} : { kernel: common.kernel }),
        ...(common.strideOn === undefined ? {} : { strideOn: common.strideOn }),
        ...(common.groups === undefined ? {} : { groups: common.groups }),
      });
      layers.push(...block);
      output = outputOf(block);
      channels = stage.outChannels;
    }
  }
  return { layers, output, channels };
}

/**
 * Parametric families for the widgets' sliders: a VGG-style plain stack and a CIFAR-style
 * residual network, at any input size and depth. Both return an ordinary ModelSpec that has
 * already been validated at its input size (bad combinations throw SpecError at once).
 */
import { validateSpec } from './analyze.ts';
import { activation, batchnorm, conv, dense, flatten, named } from './layer-factories.ts';
import { residualStages } from './residual-blocks.ts';
import { SpecError } from './spec-error.ts';
import type { ActivationKind, Layer, ModelSpec } from './types.ts';
import { vggFeatures } from './vgg.ts';

interface CommonOptions {
  /** Channels of the first stage; stage s (0-based) has width·2^s, capped at 8·width. */
  readonly width: number;
  readonly bn: boolean;
  readonly activation: ActivationKind;
  /** Odd spatial kernel size. Default 3. */
  readonly kernel?: number;
  /** [height, width, channels] of the input, e.g. [28, 28, 1] or [32, 32, 3]. */
  readonly inputShape: readonly [number, number, number];
  readonly classes: number;
  /** Spec id; default derived from the options. */
  readonly id?: string;
}

export interface VggStyleOptions extends CommonOptions {
  readonly stages: number;
  readonly convsPerStage: number;
  /** 2×2 max pool after each stage (default true); false keeps the full resolution throughout. */
  readonly pool?: boolean;
  /**
   * Classifier: 'globalavgpool' (default: keeps the head small at any size) or 'flatten'
   * (VGG's own: flatten then dense). Either way a single dense layer to `classes`.
   */
  readonly head?: 'globalavgpool' | 'flatten';
}

/**
 * A VGG-style plain network: `stages` × `convsPerStage` k×k convs (+BN) + activation, each
 * stage followed by a 2×2 max pool when `pool`, then the head. Ids as torchvision's VGG
 * (`features.N`, `classifier.0`), groups `['features', 'stageK']`.
 * [h, w, c] → [classes].
 */
export function vggStyle(options: VggStyleOptions): ModelSpec {
  const stages = positiveInt(options.stages, 'stages');
  const convs = positiveInt(options.convsPerStage, 'convsPerStage');
  const width = positiveInt(options.width, 'width');
  const classes = positiveInt(options.classes, 'classes');
  const head = options.head ?? 'globalavgpool';
  const features = vggFeatures(
    Array.from({ length: stages }, (_, s) => Array<number>(convs).fill(stageWidth(width, s))),
    {
      bn: options.bn,
      activation: options.activation,
      pool: options.pool ?? true,
      ...(options.kernel === undefined ? {} : { kernel: options.kernel }),
    },
  );
  const layers: Layer[] = [
    ...features,
    named(head === 'flatten' ? 'flatten' : 'avgpool', head === 'flatten' ? flatten() : { kind: 'globalavgpool' }, {
      group: ['classifier'],
    }),
    named('classifier.0', dense(classes), { group: ['classifier'] }),
  ];
  const id = options.id ?? `vgg_style_s${stages}x${convs}_w${width}${options.bn ? '_bn' : ''}`;
  return finish({
    id,
    name: `VGG-style, ${stages}×${convs} convs${options.bn ? ', BN' : ''}, ${options.activation}`,
    inputShape: options.inputShape,
    layers,
    sources: ['simonyan2015'],
  });
}

export interface ResnetStyleOptions extends CommonOptions {
  /**
   * Weight layers, as He et al. count them: stem conv + 2 per block + fc = 2·blocks + 2, with
   * blocks split evenly over `stages`; so depth = 2·stages·n + 2 (6n + 2 for three stages).
   */
  readonly depth: number;
  /** Shortcut on every block, or one flag per block (length = number of blocks). */
  readonly skip: boolean | readonly boolean[];
  /** Stages of blocks. Default 3 (the CIFAR layout). */
  readonly stages?: number;
  /**
   * Default true: each stage after the first halves h and w (stride-2 first conv) and doubles
   * the width, with a parameter-free option-A shortcut. false: one resolution, one width.
   */
  readonly downsample?: boolean;
}

/**
 * A CIFAR-style residual network (He et al. 2016 §4.2) with sliders: stem k×k conv(width)
 * (+BN) + activation, `stages` stages of basic blocks, global average pooling, dense(classes).
 * Shortcuts are identity or option A (zero parameters), so switching `skip` never changes the
 * parameter count: a block without skip is the plain network's block. Block ids
 * `stage1.block0.conv1`, groups `['stage1', 'stage1.block0']`. [h, w, c] → [classes].
 */
export function resnetStyle(options: ResnetStyleOptions): ModelSpec {
  const depth = positiveInt(options.depth, 'depth');
  const stageCount = positiveInt(options.stages ?? 3, 'stages');
  const width = positiveInt(options.width, 'width');
  const classes = positiveInt(options.classes, 'classes');
  const perStage = (depth - 2) / (2 * stageCount);
  if (!Number.isInteger(perStage) || perStage < 1) {
    const step = 2 * stageCount;
    const lower = Math.max(step + 2, step * Math.floor((depth - 2) / step) + 2);
    throw new SpecError(
      `resnetStyle depth must be ${step}n + 2 for ${stageCount} stage${stageCount === 1 ? '' : 's'} ` +
        `(${step + 2}, ${2 * step + 2}, ${3 * step + 2}, …), got ${depth}; nearest: ${lower} or ${lower + step}`,
    );
  }
  const blocks = perStage * stageCount;
  const skips = typeof options.skip === 'boolean' ? Array<boolean>(blocks).fill(options.skip) : options.skip;
  if (skips.length !== blocks) {
    throw new SpecError(`resnetStyle skip has ${skips.length} flags, but depth ${depth} has ${blocks} blocks`);
  }
  const downsample = options.downsample ?? true;
  const stem = ['stem'];
  const kernel = options.kernel ?? 3;
  if (!Number.isInteger(kernel) || kernel < 1 || kernel % 2 === 0) {
    throw new SpecError(`resnetStyle kernel must be a positive odd integer, got ${kernel}`);
  }
  const act = options.activation;
  const stemLayers: Layer[] = [
    named('stem.conv', conv(width, kernel, { padding: (kernel - 1) / 2, bias: !options.bn }), { group: stem }),
    ...(options.bn ? [named('stem.bn', batchnorm(), { group: stem })] : []),
    named('stem.act', activation(act), { group: stem }),
  ];
  const body = residualStages(
    'stem.act',
    width,
    Array.from({ length: stageCount }, (_, s) => {
      const w = downsample ? stageWidth(width, s) : width;
      return { name: `stage${s + 1}`, blocks: perStage, width: w, outChannels: w, stride: downsample && s > 0 ? 2 : 1 };
    }),
    {
      block: 'basic',
      bn: options.bn,
      activation: act,
      kernel,
      shortcut: (i) => (skips[i] === true ? 'padding' : 'none'),
      blockId: (stage, b) => `${stage}.block${b}`,
    },
  );
  const allSkip = skips.every(Boolean);
  const noSkip = !skips.some(Boolean);
  const id = options.id ?? `${allSkip ? 'resnet' : noSkip ? 'plain' : 'mixed'}_style_d${depth}_w${width}`;
  return finish({
    id,
    name: `${allSkip ? 'ResNet' : noSkip ? 'Plain' : 'Partly residual'}-${depth}, width ${width}${options.bn ? ', BN' : ''}, ${act}`,
    inputShape: options.inputShape,
    layers: [
      ...stemLayers,
      ...body.layers,
      named('avgpool', { kind: 'globalavgpool' }, { group: ['head'] }),
      named('fc', dense(classes), { group: ['head'] }),
    ],
    sources: ['he2016'],
  });
}

function stageWidth(width: number, stage: number): number {
  return width * 2 ** Math.min(stage, 3);
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new SpecError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}

function finish(spec: ModelSpec): ModelSpec {
  validateSpec(spec);
  return spec;
}

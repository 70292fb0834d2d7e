/**
 * PyTorch's leaf modules as spec layers: what each printed `Conv2d(…)`, `BatchNorm2d(…)`,
 * `MaxPool2d(…)` … becomes, checked against the shape that reaches it. Argument names and order
 * are those of the modules' constructors and `extra_repr()` (torch/nn/modules/conv.py,
 * batchnorm.py, pooling.py, linear.py, dropout.py, activation.py, flatten.py, normalization.py).
 *
 * A module with no layer of its own (Identity, a Flatten of an already flat tensor, an adaptive
 * pool that is the identity at this size) converts to null.
 */
import type { ActivationKind, Pair, Shape } from '../models/index.ts';
import type { LayerBody } from './spec-builder.ts';
import type { ArgReader, ArgSpec } from './torch-args.ts';

/** What a leaf converter knows besides its arguments. */
export interface LeafInput {
  /** Shape of the tensor reaching the module, [h, w, c] or [features]. */
  readonly shape: Shape;
  /** How messages name the layer, e.g. `layer 7 (Linear, "classifier.1")`. */
  readonly describe: string;
  warn(message: string): void;
}

/** Converts one printed leaf module; null when it adds no layer. */
export type LeafConverter = (args: ArgReader, input: LeafInput) => LayerBody | null;

const arg = (name: string, form: string, index?: number): ArgSpec =>
  index === undefined ? { name, form } : { name, form, index };

const CONV = {
  in: arg('in_channels', 'C', 0),
  out: arg('out_channels', 'C', 1),
  kernel: arg('kernel_size', '(k, k)', 2),
  stride: arg('stride', '(s, s)', 3),
  padding: arg('padding', '(p, p)', 4),
  dilation: arg('dilation', '(d, d)', 5),
  groups: arg('groups', 'g', 6),
  bias: arg('bias', 'False'),
  mode: arg('padding_mode', 'zeros'),
};

const NORM = {
  features: arg('num_features', 'C', 0),
  eps: arg('eps', '1e-05', 1),
  affine: arg('affine', 'True'),
  bias: arg('bias', 'True'),
};

const POOL = {
  kernel: arg('kernel_size', 'k', 0),
  stride: arg('stride', 's', 1),
  padding: arg('padding', 'p', 2),
  dilation: arg('dilation', '1', 3),
  ceil: arg('ceil_mode', 'False'),
};

const LINEAR = { in: arg('in_features', 'n', 0), out: arg('out_features', 'n', 1), bias: arg('bias', 'True') };

const p = (value: Pair): readonly [number, number] => (typeof value === 'number' ? [value, value] : value);
const isDefault = (value: Pair, fallback: number): boolean => p(value)[0] === fallback && p(value)[1] === fallback;

/** A spatial [h, w, c] input, or an error naming the module. */
function spatial(input: LeafInput, module: string, args: ArgReader): readonly [number, number, number] {
  if (input.shape.length === 3) return input.shape;
  return args.fail(
    `${input.describe} needs an [h, w, c] input, gets flat [${input.shape.join(', ')}]`,
    undefined,
    `${module} needs a feature map; the tensor is already flat after a Linear, a Flatten or pooling to 1×1`,
  );
}

function conv2d(args: ArgReader, input: LeafInput): LayerBody {
  const [, , channels] = spatial(input, 'Conv2d', args);
  const inChannels = args.int(CONV.in);
  const filters = args.int(CONV.out);
  if (inChannels !== channels) {
    args.fail(`${input.describe} expects ${inChannels} input channels, gets ${channels}`, args.get(CONV.in));
  }
  const kernel = args.pair(CONV.kernel);
  const stride = args.pair(CONV.stride, 1);
  const dilation = args.pair(CONV.dilation, 1);
  const groups = args.int(CONV.groups, 1);
  const bias = args.bool(CONV.bias, true);
  const mode = args.word(CONV.mode) ?? 'zeros';
  if (mode !== 'zeros') {
    input.warn(
      `${input.describe}: padding_mode=${mode} is drawn and counted as zero padding (same shapes, parameters and MACs)`,
    );
  }
  const padding = convPadding(args, kernel, stride, dilation);
  return {
    kind: 'conv',
    filters,
    kernel,
    ...(isDefault(stride, 1) ? {} : { stride }),
    ...(isDefault(padding, 0) ? {} : { padding }),
    ...(isDefault(dilation, 1) ? {} : { dilation }),
    ...(groups === 1 ? {} : { groups }),
    ...(bias ? {} : { bias: false }),
  };
}

/** Conv2d's padding: a pair, or `valid` (none) or `same` (stride 1, kept size: symmetric only). */
function convPadding(args: ArgReader, kernel: Pair, stride: Pair, dilation: Pair): Pair {
  const word = args.word(CONV.padding);
  if (word === undefined) return args.pair(CONV.padding, 0);
  if (word === 'valid') return 0;
  if (word !== 'same')
    return args.fail(
      `unknown padding "${word}"`,
      args.get(CONV.padding),
      'expected `padding=(p, p)`, `same` or `valid`',
    );
  if (!isDefault(stride, 1)) return args.fail('padding=same needs stride 1', args.get(CONV.padding));
  const total = [0, 1].map((a) => (p(dilation)[a] ?? 1) * ((p(kernel)[a] ?? 1) - 1));
  const [h = 0, w = 0] = total;
  if (h % 2 !== 0 || w % 2 !== 0) {
    return args.fail(
      'padding=same with an even kernel pads one side more than the other, which a spec cannot express',
      args.get(CONV.padding),
      'use an odd kernel or explicit padding',
    );
  }
  return h === w ? h / 2 : [h / 2, w / 2];
}

function batchnorm(dims: 1 | 2): LeafConverter {
  return (args, input) => {
    if (dims === 2) spatial(input, 'BatchNorm2d', args);
    else if (input.shape.length !== 1)
      args.fail(
        `${input.describe} needs a flat input, gets [${input.shape.join(', ')}]`,
        undefined,
        'use BatchNorm2d on feature maps',
      );
    const features = args.int(NORM.features);
    const channels = input.shape[input.shape.length - 1];
    if (features !== channels)
      args.fail(`${input.describe} expects ${features} channels, gets ${channels}`, args.get(NORM.features));
    if (!args.bool(NORM.affine, true) || !args.bool(NORM.bias, true)) {
      args.fail(
        'batch norm without its learned scale and shift is not supported',
        args.get(NORM.affine) ?? args.get(NORM.bias),
        'expected `affine=True, bias=True`',
      );
    }
    const eps = args.number(NORM.eps, 1e-5);
    if (!(eps > 0)) args.fail('eps must be positive', args.get(NORM.eps));
    return eps === 1e-5 ? { kind: 'batchnorm' } : { kind: 'batchnorm', epsilon: eps };
  };
}

function pool(kind: 'maxpool' | 'avgpool'): LeafConverter {
  return (args, input) => {
    spatial(input, kind === 'maxpool' ? 'MaxPool2d' : 'AvgPool2d', args);
    const kernel = args.pair(POOL.kernel);
    const stride = args.pair(POOL.stride, kernel);
    const padding = args.pair(POOL.padding, 0);
    if (!isDefault(args.pair(POOL.dilation, 1), 1))
      args.fail('dilated pooling is not supported', args.get(POOL.dilation), 'expected `dilation=1`');
    const ceil = args.bool(POOL.ceil, false);
    return {
      kind,
      kernel,
      ...(stride === kernel || (p(stride)[0] === p(kernel)[0] && p(stride)[1] === p(kernel)[1]) ? {} : { stride }),
      ...(isDefault(padding, 0) ? {} : { padding }),
      ...(ceil ? { ceil } : {}),
    };
  };
}

/**
 * AdaptiveAvgPool2d / AdaptiveMaxPool2d to output size (oh, ow) (None keeps that side): the
 * identity when the map already has that size, global average pooling for an average to 1×1,
 * and otherwise a plain pooling with kernel = stride = input / output, which is exactly what
 * adaptive pooling computes when the sizes divide. Other sizes pool windows of varying size,
 * which no spec layer expresses.
 */
function adaptive(kind: 'maxpool' | 'avgpool'): LeafConverter {
  return (args, input) => {
    const [h, w] = spatial(input, kind === 'maxpool' ? 'AdaptiveMaxPool2d' : 'AdaptiveAvgPool2d', args);
    const spec = arg('output_size', '(h, w)', 0);
    const value = args.get(spec) ?? args.fail('missing output_size', undefined, 'expected `output_size=(h, w)`');
    const items = value.type === 'tuple' ? value.items : [value, value];
    const side = (item: (typeof items)[number] | undefined, size: number): number =>
      item?.type === 'none'
        ? size
        : item?.type === 'number' && Number.isInteger(item.value) && item.value >= 1
          ? item.value
          : args.fail('bad output_size', item ?? value, 'expected `output_size=(h, w)`');
    if (items.length !== 2) args.fail('bad output_size', value, 'expected `output_size=(h, w)`');
    const [oh, ow] = [side(items[0], h), side(items[1], w)];
    if (oh === h && ow === w) return null;
    if (kind === 'avgpool' && oh === 1 && ow === 1) return { kind: 'globalavgpool' };
    if (h % oh !== 0 || w % ow !== 0) {
      return args.fail(
        `${input.describe} pools a ${h}×${w} map to ${oh}×${ow}, with windows of varying size, which no spec layer expresses`,
        value,
        `choose an input size that makes this map a multiple of ${oh}×${ow}`,
      );
    }
    const kernel: Pair = h / oh === w / ow ? h / oh : [h / oh, w / ow];
    return { kind, kernel };
  };
}

function linear(args: ArgReader, input: LeafInput): LayerBody {
  const features =
    input.shape.length === 1
      ? input.shape[0]
      : args.fail(`${input.describe} needs a flat input`, undefined, 'flatten first');
  const inFeatures = args.int(LINEAR.in);
  if (inFeatures !== features)
    args.fail(`${input.describe} expects ${inFeatures} inputs, gets ${features}`, args.get(LINEAR.in));
  const units = args.int(LINEAR.out);
  return args.bool(LINEAR.bias, true) ? { kind: 'dense', units } : { kind: 'dense', units, bias: false };
}

function flatten(args: ArgReader, input: LeafInput): LayerBody | null {
  const start = args.int(arg('start_dim', '1', 0), 1, true);
  const end = args.int(arg('end_dim', '-1', 1), -1, true);
  if (start !== 1 || (end !== -1 && end !== 3))
    args.fail(
      'only flattening everything but the batch is supported',
      args.get(arg('start_dim', '1', 0)),
      'expected `start_dim=1, end_dim=-1`',
    );
  return input.shape.length === 3 ? { kind: 'flatten' } : null;
}

function dropout(args: ArgReader): LayerBody {
  return { kind: 'dropout', rate: args.number(arg('p', '0.5', 0), 0.5) };
}

function activation(kind: ActivationKind): LeafConverter {
  return () => ({ kind: 'activation', activation: kind });
}

/** nn.LocalResponseNorm divides its alpha by size; the spec's alpha multiplies the sum itself. */
function localResponseNorm(args: ArgReader, input: LeafInput): LayerBody {
  spatial(input, 'LocalResponseNorm', args);
  const size = args.int(arg('size', 'n', 0));
  const alpha = args.number(arg('alpha', '0.0001', 1), 1e-4);
  return {
    kind: 'lrn',
    size,
    alpha: alpha / size,
    beta: args.number(arg('beta', '0.75', 2), 0.75),
    k: args.number(arg('k', '1.0', 3), 1),
  };
}

/** Leaf modules by class name. */
export const leafConverters: Readonly<Record<string, LeafConverter>> = {
  Conv2d: conv2d,
  BatchNorm2d: batchnorm(2),
  BatchNorm1d: batchnorm(1),
  ReLU: activation('relu'),
  ReLU6: activation('relu6'),
  Tanh: activation('tanh'),
  Sigmoid: activation('sigmoid'),
  MaxPool2d: pool('maxpool'),
  AvgPool2d: pool('avgpool'),
  AdaptiveAvgPool2d: adaptive('avgpool'),
  AdaptiveMaxPool2d: adaptive('maxpool'),
  Linear: linear,
  Flatten: flatten,
  Dropout: dropout,
  Dropout2d: dropout,
  LocalResponseNorm: localResponseNorm,
  Identity: () => null,
};

/**
 * Parameter-free modules that keep their input's shape but have no spec layer: left out, with a
 * warning (shapes, parameters and MACs are unaffected; the live effective receptive field runs
 * without them).
 */
export const unmodelledModules: ReadonlySet<string> = new Set([
  'LeakyReLU',
  'ELU',
  'SELU',
  'CELU',
  'GELU',
  'SiLU',
  'Mish',
  'Hardswish',
  'Hardsigmoid',
  'Hardtanh',
  'Softplus',
  'Softsign',
  'Tanhshrink',
  'Threshold',
  'LogSigmoid',
  'Softmax',
  'LogSoftmax',
  'Softmax2d',
  'AlphaDropout',
  'FeatureAlphaDropout',
  'Dropout1d',
  'Dropout3d',
]);

/** torch.nn modules that change shapes or carry parameters in ways no spec layer expresses. */
export const unsupportedModules: ReadonlySet<string> = new Set([
  'Conv1d',
  'Conv3d',
  'ConvTranspose1d',
  'ConvTranspose2d',
  'ConvTranspose3d',
  'LazyConv2d',
  'BatchNorm3d',
  'GroupNorm',
  'LayerNorm',
  'RMSNorm',
  'InstanceNorm1d',
  'InstanceNorm2d',
  'InstanceNorm3d',
  'PReLU',
  'Embedding',
  'EmbeddingBag',
  'RNN',
  'LSTM',
  'GRU',
  'MultiheadAttention',
  'Transformer',
  'TransformerEncoder',
  'TransformerDecoder',
  'TransformerEncoderLayer',
  'TransformerDecoderLayer',
  'Upsample',
  'UpsamplingNearest2d',
  'UpsamplingBilinear2d',
  'PixelShuffle',
  'PixelUnshuffle',
  'MaxUnpool2d',
  'ZeroPad2d',
  'ConstantPad2d',
  'ReflectionPad2d',
  'ReplicationPad2d',
  'CircularPad2d',
  'Bilinear',
  'Unflatten',
  'FractionalMaxPool2d',
  'LPPool2d',
  'MaxPool1d',
  'MaxPool3d',
  'AvgPool1d',
  'AvgPool3d',
  'AdaptiveAvgPool1d',
  'AdaptiveMaxPool1d',
  'AdaptiveAvgPool3d',
  'AdaptiveMaxPool3d',
  'Fold',
  'Unfold',
  'ChannelShuffle',
]);

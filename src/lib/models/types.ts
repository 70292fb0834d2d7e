/**
 * The spec format: one declarative description of a network, from which the analysis
 * (shapes, parameters, MACs, receptive fields), the diagrams, the code listings and the
 * runnable TF.js networks are all derived.
 *
 * Conventions used throughout:
 * - Tensors are NHWC (batch, height, width, channels), as in TF.js. Shapes in this module
 *   omit the batch dimension: `[height, width, channels]` for feature maps, `[features]`
 *   after flatten/dense/global pooling.
 * - Layer ids are unique within a spec and, where torchvision has the model, follow
 *   torchvision's module names (`features.0`, `layer1.0.conv1`, `fc`).
 * - A spec is a DAG in topological order: every layer's inputs appear before it.
 */

/** A kernel, stride, padding or dilation: one number for both axes, or `[height, width]`. */
export type Pair = number | readonly [number, number];

/**
 * Non-linearities. `scaled_tanh` is LeNet-5's squashing function f(a) = 1.7159·tanh(2a/3);
 * `relu6` is min(max(a, 0), 6), MobileNetV2's non-linearity (PyTorch's `nn.ReLU6`).
 */
export type ActivationKind = 'relu' | 'relu6' | 'tanh' | 'sigmoid' | 'scaled_tanh';

interface LayerBase {
  /** Unique id within the spec (torchvision's module name where one exists). */
  readonly id: string;
  /**
   * Ids of the layers feeding this one. Omitted: the previous layer in `layers`
   * (or the network input for the first layer). `add` takes exactly two, `concat` two or more.
   */
  readonly inputs?: readonly string[];
  /**
   * Where the layer sits in the model's hierarchy, outermost first, e.g.
   * `['layer1', 'layer1.0']` for torchvision's first residual block. Diagrams collapse
   * and expand by it; residual blocks are the groups that end in an `add`.
   */
  readonly group?: readonly string[];
  /** Short human label for diagrams, e.g. "conv3-256"; derived when omitted. */
  readonly label?: string;
}

/** 2-D convolution (cross-correlation), PyTorch semantics. */
export interface ConvLayer extends LayerBase {
  readonly kind: 'conv';
  /** Output channels. */
  readonly filters: number;
  readonly kernel: Pair;
  /** Default 1. */
  readonly stride?: Pair;
  /** Explicit zero padding on each side, in pixels. Default 0. */
  readonly padding?: Pair;
  /** Default 1. */
  readonly dilation?: Pair;
  /** Grouped convolution (AlexNet's two towers). Default 1. */
  readonly groups?: number;
  /** Default true. */
  readonly bias?: boolean;
  /**
   * Partial connection table (LeNet-5's C3, LeCun et al. 1998 Table I):
   * `connections[out][in]` is true when output map `out` reads input map `in`.
   * Shape [filters][inputChannels]. Omitted: full connection (within groups).
   */
  readonly connections?: readonly (readonly boolean[])[];
}

/** Max or average pooling, PyTorch semantics (floor mode unless `ceil`). */
export interface PoolLayer extends LayerBase {
  readonly kind: 'maxpool' | 'avgpool';
  readonly kernel: Pair;
  /** Default: equal to the kernel. */
  readonly stride?: Pair;
  /** Default 0. */
  readonly padding?: Pair;
  /** Use ceil instead of floor for the output size. Default false. */
  readonly ceil?: boolean;
}

/**
 * LeNet-5's trainable subsampling (S2, S4): each output is
 * coefficient·(sum of a 2×2 window) + bias, one coefficient and one bias per channel,
 * followed by the layer's own activation in the spec.
 */
export interface SubsampleLayer extends LayerBase {
  readonly kind: 'subsample';
  readonly kernel: Pair;
  /** Default: equal to the kernel. */
  readonly stride?: Pair;
}

/** Batch normalisation over channels: γ and β trainable, running mean and var not. */
export interface BatchNormLayer extends LayerBase {
  readonly kind: 'batchnorm';
  /** Default 1e-5 (PyTorch). */
  readonly epsilon?: number;
}

export interface ActivationLayer extends LayerBase {
  readonly kind: 'activation';
  readonly activation: ActivationKind;
}

export interface DropoutLayer extends LayerBase {
  readonly kind: 'dropout';
  /** Probability of zeroing a unit during training, in [0, 1). */
  readonly rate: number;
}

/** Local response normalisation across channels (Krizhevsky et al. 2012 §3.3). */
export interface LrnLayer extends LayerBase {
  readonly kind: 'lrn';
  /** Number of adjacent channels summed over (n = 5 in AlexNet). */
  readonly size: number;
  /**
   * α as in Krizhevsky et al. 2012 §3.3, b = a / (k + α·Σ a²)^β: it multiplies the sum itself.
   * (PyTorch's nn.LocalResponseNorm divides its alpha by `size`: its equivalent is α·size.)
   */
  readonly alpha: number;
  readonly beta: number;
  readonly k: number;
}

/** [h, w, c] → [h·w·c]. */
export interface FlattenLayer extends LayerBase {
  readonly kind: 'flatten';
}

/** Fully connected layer on a flat input. */
export interface DenseLayer extends LayerBase {
  readonly kind: 'dense';
  readonly units: number;
  /** Default true. */
  readonly bias?: boolean;
}

/**
 * LeNet-5's output layer: Euclidean radial basis units, y_i = Σ_j (x_j − w_ij)².
 * Its parameters are fixed (chosen by hand, LeCun et al. 1998 §II.B), so they count as
 * connections but not as trainable parameters.
 */
export interface RbfLayer extends LayerBase {
  readonly kind: 'rbf';
  readonly units: number;
}

/** Global average pooling: [h, w, c] → [c]. */
export interface GlobalAvgPoolLayer extends LayerBase {
  readonly kind: 'globalavgpool';
}

/**
 * Parameter-free shortcut of He et al. 2016 §4.2, option A: subsample by `stride`
 * (take every stride-th pixel) and zero-pad the channels up to `filters`.
 */
export interface PadShortcutLayer extends LayerBase {
  readonly kind: 'padshortcut';
  readonly stride: number;
  readonly filters: number;
}

/**
 * Element-wise sum of two branches: `inputs[0]` is the residual branch F(x),
 * `inputs[1]` the shortcut. `shortcut` says how the shortcut was formed, for diagrams.
 */
export interface AddLayer extends LayerBase {
  readonly kind: 'add';
  readonly inputs: readonly [string, string];
  readonly shortcut: 'identity' | 'projection' | 'padding';
}

/**
 * Channel concatenation, `torch.cat(inputs, 1)` (the last axis in NHWC): inputs of equal height
 * and width, their channels stacked in `inputs` order. Joins Inception branches, Fire modules'
 * expand paths and DenseNet's growing feature maps.
 */
export interface ConcatLayer extends LayerBase {
  readonly kind: 'concat';
  readonly inputs: readonly string[];
}

export type Layer =
  | ConvLayer
  | PoolLayer
  | SubsampleLayer
  | BatchNormLayer
  | ActivationLayer
  | DropoutLayer
  | LrnLayer
  | FlattenLayer
  | DenseLayer
  | RbfLayer
  | GlobalAvgPoolLayer
  | PadShortcutLayer
  | AddLayer
  | ConcatLayer;

export type LayerKind = Layer['kind'];

/** Feature-map shape without the batch: [height, width, channels], or [features] when flat. */
export type Shape = readonly [number, number, number] | readonly [number];

/** A whole network. */
export interface ModelSpec {
  /** torchvision's id where it has the model (`vgg16_bn`), else ours (`resnet20`, `plain20`). */
  readonly id: string;
  /** Display name, e.g. "VGG-16 (BN)". */
  readonly name: string;
  /** Default input [height, width, channels]: 224×224×3 ImageNet, 32×32×3 CIFAR, 32×32×1 LeNet. */
  readonly inputShape: readonly [number, number, number];
  readonly layers: readonly Layer[];
  /** Keys into the bibliography for where the architecture is defined. */
  readonly sources: readonly string[];
}

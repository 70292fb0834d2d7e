/**
 * `planWeights(spec)`: every weight tensor a built network allocates, without allocating.
 *
 * Shapes follow TF.js layouts (NHWC activations): conv kernels [kh, kw, cin/groups, cout], dense
 * kernels [in, out]. Each entry says how many of its values count as parameters in
 * `analyze()`'s sense (torchvision's `sum(p.numel() for p in model.parameters())`), so that
 * Σ params = analyze(spec).params and Σ params over trainable entries = analyze(spec).trainableParams:
 * - batch-norm running mean and variance are allocated but count 0 (they are buffers);
 * - a conv with a partial connection table (LeNet-5's C3) allocates its full kernel, which the
 *   network multiplies by a fixed 0/1 mask built from the table, but counts only the connected
 *   kh·kw·(connected input maps) weights of each filter;
 * - LeNet-5's RBF prototypes count, but are not trainable (as in analyze()).
 */
import { analyze, type Analysis, type LayerAnalysis } from '../models/analyze.ts';
import { pair } from '../models/pair.ts';
import type { ModelSpec } from '../models/types.ts';

/** Which role a weight tensor plays; initialisation and counting depend on it. */
export type WeightName =
  'kernel' | 'bias' | 'gamma' | 'beta' | 'movingMean' | 'movingVariance' | 'coefficient' | 'centers';

/** One weight tensor of a network. */
export interface PlannedWeight {
  /** `${layerId}/${name}`: unique within a network, the key of `Network.weights`. */
  readonly key: string;
  readonly layerId: string;
  readonly name: WeightName;
  /** TF.js shape of the tensor (no batch dimension). */
  readonly shape: readonly number[];
  /** Number of values allocated: the product of `shape`. */
  readonly size: number;
  /** How many of those values count as parameters in analyze() (see the module comment). */
  readonly params: number;
  /** Updated by training (false for running statistics and fixed RBF prototypes). */
  readonly trainable: boolean;
  /**
   * Inputs feeding one output unit through this tensor (PyTorch's fan_in: kh·kw·cin/groups for
   * a conv, `in` for a dense layer, kh·kw for a subsampling coefficient). With a partial
   * connection table: the mean over filters of kh·kw·(connected input maps). 0 for
   * batch-norm tensors.
   */
  readonly fanIn: number;
  /** PyTorch's fan_out: kh·kw·cout for a conv, `out` for a dense layer. 0 for batch norm. */
  readonly fanOut: number;
}

/**
 * The weight tensors of `spec` at `inputShape` ([height, width, channels], default the spec's),
 * in spec order. Pure: no TF.js, no allocation. Throws SpecError when analyze() would.
 */
export function planWeights(spec: ModelSpec, inputShape?: readonly [number, number, number]): PlannedWeight[] {
  return planFromAnalysis(analyze(spec, inputShape));
}

/** {@link planWeights} for an analysis already at hand. */
export function planFromAnalysis(analysis: Analysis): PlannedWeight[] {
  return analysis.layers.flatMap(planLayer);
}

/** Σ `params` over a plan; equals analyze().params. */
export function countParams(plan: readonly PlannedWeight[], only: 'all' | 'trainable' = 'all'): number {
  return plan.reduce((total, w) => total + (only === 'all' || w.trainable ? w.params : 0), 0);
}

function planLayer(entry: LayerAnalysis): PlannedWeight[] {
  const { layer } = entry;
  const inShape = entry.inputShapes[0] ?? [];
  const channels = inShape[inShape.length - 1] ?? 0;
  const make = (
    name: WeightName,
    shape: readonly number[],
    extra: { params?: number; trainable?: boolean; fanIn?: number; fanOut?: number } = {},
  ): PlannedWeight => {
    const size = shape.reduce((a, b) => a * b, 1);
    return {
      key: `${layer.id}/${name}`,
      layerId: layer.id,
      name,
      shape,
      size,
      params: extra.params ?? size,
      trainable: extra.trainable ?? true,
      fanIn: extra.fanIn ?? 0,
      fanOut: extra.fanOut ?? 0,
    };
  };
  switch (layer.kind) {
    case 'conv': {
      const [kh, kw] = pair(layer.kernel);
      const groups = layer.groups ?? 1;
      const perGroup = channels / groups;
      const connected =
        layer.connections?.reduce((n, row) => n + row.filter(Boolean).length, 0) ?? layer.filters * perGroup;
      const fans = { fanIn: (kh * kw * connected) / layer.filters, fanOut: kh * kw * layer.filters };
      const kernel = make('kernel', [kh, kw, perGroup, layer.filters], { ...fans, params: kh * kw * connected });
      return (layer.bias ?? true) ? [kernel, make('bias', [layer.filters], fans)] : [kernel];
    }
    case 'dense': {
      const fans = { fanIn: channels, fanOut: layer.units };
      const kernel = make('kernel', [channels, layer.units], fans);
      return (layer.bias ?? true) ? [kernel, make('bias', [layer.units], fans)] : [kernel];
    }
    case 'subsample': {
      const [kh, kw] = pair(layer.kernel);
      const fans = { fanIn: kh * kw, fanOut: kh * kw };
      return [make('coefficient', [channels], fans), make('bias', [channels], fans)];
    }
    case 'batchnorm':
      return [
        make('gamma', [channels]),
        make('beta', [channels]),
        make('movingMean', [channels], { params: 0, trainable: false }),
        make('movingVariance', [channels], { params: 0, trainable: false }),
      ];
    case 'rbf':
      return [make('centers', [channels, layer.units], { trainable: false, fanIn: channels, fanOut: layer.units })];
    case 'maxpool':
    case 'avgpool':
    case 'activation':
    case 'dropout':
    case 'lrn':
    case 'flatten':
    case 'globalavgpool':
    case 'padshortcut':
    case 'add':
    case 'concat':
      return [];
  }
}

/**
 * The gradient-flow explorer's network: a stack of k×k convolutions at one width and one
 * resolution, in pre-activation order ([BN →] activation → conv), with an identity shortcut
 * around every `skipEvery` convolutions. With the shortcuts switched off (build's `skips`) the
 * same spec and the same weights are its plain twin.
 *
 * Pre-activation units (He, Zhang, Ren, Sun 2016b, "Identity mappings in deep residual
 * networks") keep the shortcut a pure identity: nothing sits on the path from a unit's input to
 * the next unit's input, so x_L = x_l + Σ F_i and ∂loss/∂x_l = ∂loss/∂x_L · (1 + ∂ΣF/∂x_l). That
 * is the effect the explorer shows, for any activation, sigmoid included.
 */
import { validateSpec } from './analyze.ts';
import { activation, batchnorm, conv, dense, named } from './layer-factories.ts';
import { SpecError } from './spec-error.ts';
import type { ActivationKind, Layer, ModelSpec } from './types.ts';

export interface GradientFlowNetOptions {
  /**
   * Weight layers, counted as He et al. count them: convolutions plus the final dense layer.
   * 2…MAX_GRADIENT_FLOW_DEPTH; the network has depth − 1 convolutions.
   */
  readonly depth: number;
  /** Channels of every convolution. */
  readonly width: number;
  readonly activation: ActivationKind;
  readonly bn: boolean;
  /**
   * Convolutions per residual unit (1…8): the shortcut skips this many. The units start after
   * the first convolution; when depth − 2 is not a multiple, the last unit is shorter.
   */
  readonly skipEvery: number;
  /** [height, width, channels] of the input. */
  readonly inputShape: readonly [number, number, number];
  /** Stride of the first convolution (1 or 2): 2 halves the resolution the stack runs at. */
  readonly stemStride?: number;
  readonly classes: number;
}

/** Deepest network the family builds (ResNet-110 is the deepest CIFAR net of He et al. §4.2). */
export const MAX_GRADIENT_FLOW_DEPTH = 110;

/** One convolution of the stack, as the explorer plots it. */
export interface FlowLayer {
  /** 1-based position among the weight layers. */
  readonly index: number;
  /** The convolution's id (`conv3`); its kernel is `${conv}/kernel`. */
  readonly conv: string;
  /**
   * The layer whose output is h_index, the signal after this convolution: the unit's `add`
   * when the convolution ends a residual unit, else the convolution itself. With the shortcut
   * off the add passes its residual branch through, so the id stays valid in the plain twin.
   */
  readonly output: string;
}

/**
 * The network: conv1 (stride `stemStride`), then depth − 2 convolutions each preceded by
 * [BN →] activation and grouped into units `unitU` that end in an identity add, then
 * [BN →] activation → global average pooling → dense(classes).
 * [h, w, c] → [classes]. Throws SpecError for an impossible configuration.
 */
export function gradientFlowNet(options: GradientFlowNetOptions): ModelSpec {
  const depth = intIn(options.depth, 2, MAX_GRADIENT_FLOW_DEPTH, 'depth');
  const width = intIn(options.width, 1, 256, 'width');
  const every = intIn(options.skipEvery, 1, 8, 'skipEvery');
  const stride = intIn(options.stemStride ?? 1, 1, 2, 'stemStride');
  const classes = intIn(options.classes, 1, 1000, 'classes');
  const preActivation = (id: string, group: readonly string[]): Layer[] => [
    ...(options.bn ? [named(`${id}.bn`, batchnorm(), { group })] : []),
    named(`${id}.act`, activation(options.activation), { group }),
  ];
  const spatial = conv(width, 3, { padding: 1, bias: !options.bn });
  const layers: Layer[] = [named('conv1', conv(width, 3, { padding: 1, stride, bias: !options.bn }))];
  let stream = 'conv1';
  for (let first = 2; first <= depth - 1; first += every) {
    const last = Math.min(depth - 1, first + every - 1);
    const unit = `unit${Math.ceil((first - 1) / every)}`;
    const group = [unit];
    for (let l = first; l <= last; l++) {
      layers.push(...preActivation(`conv${l}`, group), named(`conv${l}`, spatial, { group }));
    }
    layers.push(
      named(`${unit}.add`, { kind: 'add', inputs: [`conv${last}`, stream], shortcut: 'identity' }, { group }),
    );
    stream = `${unit}.add`;
  }
  layers.push(
    ...preActivation('final', ['head']),
    named('avgpool', { kind: 'globalavgpool' }, { group: ['head'] }),
    named('fc', dense(classes), { group: ['head'] }),
  );
  const spec: ModelSpec = {
    id: `flow_d${depth}_w${width}_k${every}_${options.activation}${options.bn ? '_bn' : ''}`,
    name: `${depth}-layer pre-activation stack, width ${width}, shortcut every ${every}`,
    inputShape: options.inputShape,
    layers,
    sources: ['he2016identity'],
  };
  validateSpec(spec);
  return spec;
}

/**
 * The explorer's layers 1…depth − 1 (the convolutions) of a gradientFlowNet spec, with the
 * layer whose output is each h_l.
 */
export function flowLayers(spec: ModelSpec): FlowLayer[] {
  const addAfter = new Map<string, string>();
  for (const layer of spec.layers) if (layer.kind === 'add') addAfter.set(layer.inputs[0], layer.id);
  return spec.layers
    .filter((layer) => layer.kind === 'conv')
    .map((layer, i) => ({ index: i + 1, conv: layer.id, output: addAfter.get(layer.id) ?? layer.id }));
}

function intIn(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SpecError(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

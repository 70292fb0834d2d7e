/**
 * Small factories for layer bodies (a layer without its id), so the model builders read like
 * the PyTorch code they mirror. `named`/`numbered` attach ids and groups.
 */
import type { ActivationKind, ConvLayer, DenseLayer, Layer, LrnLayer, Pair, PoolLayer } from './types.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A layer without its id. */
export type LayerBody = DistributiveOmit<Layer, 'id'>;

type ConvOptions = Partial<Pick<ConvLayer, 'stride' | 'padding' | 'dilation' | 'groups' | 'bias' | 'connections'>>;

/** Conv2d with `filters` output channels; options as in `ConvLayer` (PyTorch defaults). */
export function conv(filters: number, kernel: Pair, options: ConvOptions = {}): LayerBody {
  return { kind: 'conv', filters, kernel, ...options };
}

/** Max pooling; stride defaults to the kernel, as in PyTorch; `ceil` rounds the output size up. */
export function maxpool(kernel: Pair, stride?: Pair, padding?: Pair, ceil = false): LayerBody {
  return pool('maxpool', kernel, stride, padding, ceil);
}

/** Average pooling; arguments as for `maxpool`. */
export function avgpool(kernel: Pair, stride?: Pair, padding?: Pair, ceil = false): LayerBody {
  return pool('avgpool', kernel, stride, padding, ceil);
}

function pool(kind: PoolLayer['kind'], kernel: Pair, stride?: Pair, padding?: Pair, ceil = false): LayerBody {
  const layer: Omit<PoolLayer, 'id'> = { kind, kernel };
  return {
    ...layer,
    ...(stride === undefined ? {} : { stride }),
    ...(padding === undefined ? {} : { padding }),
    ...(ceil ? { ceil } : {}),
  };
}

export function activation(kind: ActivationKind): LayerBody {
  return { kind: 'activation', activation: kind };
}

/** Batch norm; `epsilon` only when it differs from PyTorch's 1e-5 (GoogLeNet's 0.001). */
export function batchnorm(epsilon?: number): LayerBody {
  return epsilon === undefined ? { kind: 'batchnorm' } : { kind: 'batchnorm', epsilon };
}

/** Channel concatenation of `inputs` (layer ids), in that order. */
export function concat(inputs: readonly string[]): LayerBody {
  return { kind: 'concat', inputs };
}

export function dropout(rate: number): LayerBody {
  return { kind: 'dropout', rate };
}

export function flatten(): LayerBody {
  return { kind: 'flatten' };
}

export function dense(units: number, options: Partial<Pick<DenseLayer, 'bias'>> = {}): LayerBody {
  return { kind: 'dense', units, ...options };
}

/** Krizhevsky et al. 2012 §3.3 response normalisation; defaults are the paper's (k=2, n=5, α=1e-4, β=0.75). */
export function lrn(options: Partial<Pick<LrnLayer, 'size' | 'alpha' | 'beta' | 'k'>> = {}): LayerBody {
  return { kind: 'lrn', size: 5, alpha: 1e-4, beta: 0.75, k: 2, ...options };
}

/** Give a body its id, and optionally its group and explicit inputs. */
export function named(
  id: string,
  body: LayerBody,
  extra: { readonly group?: readonly string[]; readonly inputs?: readonly string[] } = {},
): Layer {
  return { ...body, id, ...extra } as Layer;
}

/** A layer id with its body, before it is placed in a chain. */
export type Entry = readonly [id: string, body: LayerBody];

/**
 * Layers in a row, in `group` (none when empty), each reading the layer before it in the spec;
 * the first reads `input` when given (a branch), else whatever precedes it in the spec. The last
 * is the chain's output.
 */
export function chain(entries: readonly Entry[], group: readonly string[] = [], input?: string): Layer[] {
  const grouped = group.length === 0 ? {} : { group };
  return entries.map(([id, body], i) =>
    named(id, body, i === 0 && input !== undefined ? { ...grouped, inputs: [input] } : grouped),
  );
}

/** Id of the last layer of a non-empty run of layers (a chain's or a block's output). */
export function outputOf(layers: readonly Layer[]): string {
  const last = layers[layers.length - 1];
  if (last === undefined) throw new Error('empty run of layers');
  return last.id;
}

/**
 * conv → batch norm → activation with ids `ids` [conv, norm, activation]: torchvision's
 * BasicConv2d (GoogLeNet) and Conv2dNormActivation (MobileNetV2). The conv has no bias, as
 * batch norm's β takes its place.
 */
export function convNormAct(
  ids: readonly [string, string, string],
  filters: number,
  kernel: Pair,
  options: ConvOptions & { readonly activation: ActivationKind; readonly epsilon?: number },
): Entry[] {
  const { activation: act, epsilon, ...convOptions } = options;
  return [
    [ids[0], conv(filters, kernel, { ...convOptions, bias: false })],
    [ids[1], batchnorm(epsilon)],
    [ids[2], activation(act)],
  ];
}

/** Ids `${prefix}.0`, `${prefix}.1`, … as in a torch `nn.Sequential` named `prefix`. */
export function numbered(prefix: string, bodies: readonly LayerBody[], group: readonly string[] = [prefix]): Layer[] {
  return bodies.map((body, i) => named(`${prefix}.${i}`, body, { group }));
}

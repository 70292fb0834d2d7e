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

/** Max pooling; stride defaults to the kernel, as in PyTorch. */
export function maxpool(kernel: Pair, stride?: Pair, padding?: Pair): LayerBody {
  const layer: Omit<PoolLayer, 'id'> = { kind: 'maxpool', kernel };
  return { ...layer, ...(stride === undefined ? {} : { stride }), ...(padding === undefined ? {} : { padding }) };
}

export function activation(kind: ActivationKind): LayerBody {
  return { kind: 'activation', activation: kind };
}

export function batchnorm(): LayerBody {
  return { kind: 'batchnorm' };
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

/** Ids `${prefix}.0`, `${prefix}.1`, … as in a torch `nn.Sequential` named `prefix`. */
export function numbered(prefix: string, bodies: readonly LayerBody[], group: readonly string[] = [prefix]): Layer[] {
  return bodies.map((body, i) => named(`${prefix}.${i}`, body, { group }));
}

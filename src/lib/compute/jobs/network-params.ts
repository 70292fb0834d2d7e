/**
 * The parameters every network job shares, and the cached network they name.
 */
import type { BackendName } from '../backend.ts';
import type { InitScheme } from '../init.ts';
import type { ModelCache } from '../model-cache.ts';
import { specFromSource, type ModelSource } from '../model-source.ts';
import { build, type Network } from '../network.ts';
import { gaussianImages } from '../synthetic-data.ts';
import * as tf from '../tf.ts';

/** Which network, initialised how. */
export interface NetworkParams {
  readonly model: ModelSource;
  /** Default 'he'. */
  readonly init?: InitScheme;
  /** Weight seed. Default 0. */
  readonly seed?: number;
  /** σ of the 'normal' init. */
  readonly normalStd?: number;
  /** Input [h, w, c]; default the spec's. */
  readonly inputShape?: readonly [number, number, number];
}

/** The input batch of a job: explicit pixels, or seeded N(0, 1) noise. */
export interface InputParams {
  /** Examples in the batch. Default 1. */
  readonly batch?: number;
  /** Seed of the synthetic batch when `pixels` is absent. Default 1. */
  readonly dataSeed?: number;
  /** [batch, h, w, c] row-major pixels; overrides the synthetic batch. */
  readonly pixels?: Float32Array;
}

/** Cache key: the backend plus everything that determines the initial weights. */
export function networkKey(backend: BackendName, p: NetworkParams): string {
  return `${backend}|${JSON.stringify([p.model, p.init ?? 'he', p.seed ?? 0, p.normalStd ?? null, p.inputShape ?? null])}`;
}

/** The network `p` names on `backend`, from the cache or freshly built. */
export async function networkFor(cache: ModelCache, backend: BackendName, p: NetworkParams): Promise<Network> {
  const spec = await specFromSource(p.model);
  return cache.get(networkKey(backend, p), () =>
    build(spec, {
      ...(p.init === undefined ? {} : { init: p.init }),
      ...(p.seed === undefined ? {} : { seed: p.seed }),
      ...(p.normalStd === undefined ? {} : { normalStd: p.normalStd }),
      ...(p.inputShape === undefined ? {} : { inputShape: p.inputShape }),
    }),
  );
}

/** The job's input batch as a tensor the caller disposes: [batch, h, w, c]. */
export function inputBatch(net: Network, p: InputParams): tf.Tensor4D {
  const batch = p.batch ?? 1;
  if (!Number.isInteger(batch) || batch < 1 || batch > 256) throw new Error(`batch must be 1…256, got ${batch}`);
  const shape = [batch, ...net.inputShape] as [number, number, number, number];
  const size = shape.reduce((a, b) => a * b, 1);
  if (p.pixels !== undefined && p.pixels.length !== size) {
    throw new Error(`pixels hold ${p.pixels.length} values; [${shape.join(', ')}] needs ${size}`);
  }
  return tf.tensor4d(p.pixels ?? gaussianImages(p.dataSeed ?? 1, batch, net.inputShape), shape);
}

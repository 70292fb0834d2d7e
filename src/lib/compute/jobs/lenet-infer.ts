/**
 * Job 'lenet-infer': one drawn (already MNIST-preprocessed) digit through a shipped LeNet-5,
 * returning its class probabilities and the feature maps of every stage, C1 … F6, as plain
 * arrays for the drawing-pad widget. The weight files are fetched once per model and base URL;
 * the built network stays in the worker's network cache between calls.
 */
import { MNIST_PIXELS } from '../../data/mnist.ts';
import type { FetchBytes } from '../../data/mnist-fetch.ts';
import { lenetInput } from '../../data/lenet-input.ts';
import { decodeWeights, parseWeightsManifest } from '../../data/weights-file.ts';
import { lenet5, lenet5_modern } from '../../models/lenet.ts';
import type { ModelSpec } from '../../models/types.ts';
import type { ModelCache } from '../model-cache.ts';
import { build, type Network, type WeightValues } from '../network.ts';
import * as tf from '../tf.ts';
import { hasEnergyOutput } from '../training/loss.ts';
import type { JobDefinition } from './job.ts';

/** The LeNet-5 variants whose weights ship in public/weights/. */
export type LenetModel = 'lenet5' | 'lenet5_modern';
const specs = { lenet5, lenet5_modern } as const;

/** LeNet-5's stages whose outputs the widget shows, in network order. */
export const LENET_STAGES = ['C1', 'S2', 'C3', 'S4', 'C5', 'F6'] as const;
/** One of {@link LENET_STAGES}. */
export type LenetStage = (typeof LENET_STAGES)[number];

/** What the widget sends: which network, where its weights are, and the prepared digit. */
export interface LenetInferParams {
  readonly model: LenetModel;
  /** Base URL of the weight files, ending in '/', e.g. '/weights/' (public/weights/). */
  readonly weightsUrl: string;
  /** The digit: 784 bytes [28, 28] row-major, 0 = background … 255 = ink (see prepareDigit). */
  readonly pixels: Uint8Array;
  /**
   * Read the digit with the current weights of the reader's training run of this id ('lenet-train')
   * instead of the shipped ones; `model` must be the model that run trains.
   */
  readonly trained?: string;
}

/** What 'lenet-infer' needs of the training store: a run's model, step and weights. */
export interface TrainedWeightsSource {
  (runId: string): Promise<{ readonly model: LenetModel; readonly step: number; weights(): WeightValues }>;
}

/** One stage's output, map by map. */
export interface FeatureMaps {
  /** The layer read: the stage's activation (`C1.act`) where it has one, else the stage (`S2` of lenet5_modern). */
  readonly layerId: string;
  /** Number of maps (channels): C1 6, S2 6, C3 16, S4 16, C5 120 (each 1×1); F6 is flat, its 84 units count as 84 1×1 maps. */
  readonly maps: number;
  /** Rows of each map (C1 28, S2 14, C3 10, S4 5, C5 and F6 1). */
  readonly height: number;
  /** Columns of each map. */
  readonly width: number;
  /** Activations [maps, height, width] row-major: map k is values[k·h·w … (k+1)·h·w). Unitless. */
  readonly values: Float32Array;
  /** [maps] each map's smallest value, for scaling it to grey levels. */
  readonly min: Float32Array;
  /** [maps] each map's largest value. */
  readonly max: Float32Array;
  /** [smallest, largest] over the whole stage, for one shared scale (1×1 maps). */
  readonly range: readonly [number, number];
}

/** What the job returns: plain arrays only, safe to post to the main thread. */
export interface LenetInference {
  readonly model: LenetModel;
  /** [10] class scores: the output layer's values, or −energy for lenet5's RBF units. */
  readonly logits: Float32Array;
  /** [10] softmax of the logits, summing to 1. */
  readonly probabilities: Float32Array;
  /** The class 0–9 with the highest probability. */
  readonly predicted: number;
  /** Every stage's maps, by stage name. */
  readonly stages: Readonly<Record<LenetStage, FeatureMaps>>;
}

/** The spec of a shipped LeNet-5 variant; throws for any other name. */
export function lenetSpec(model: string): ModelSpec {
  if (!Object.hasOwn(specs, model)) {
    throw new Error(`no shipped weights for model "${model}"; expected ${Object.keys(specs).join(' or ')}`);
  }
  return specs[model as LenetModel];
}

/**
 * A LeNet-5 variant's weight values from its files: `manifest` (the parsed `<model>.json`) and
 * `bin` (the bytes of the `.bin` it names). Checks both (format, model, length, checksum).
 */
export function lenetWeightsFromFiles(model: LenetModel, manifest: unknown, bin: Uint8Array): WeightValues {
  const parsed = parseWeightsManifest(manifest, `${model}.json`);
  if (parsed.model !== model) throw new Error(`${model}.json holds weights of "${parsed.model}", not "${model}"`);
  return decodeWeights(parsed, bin);
}

/**
 * Fetches `${base}${model}.json` and the binary file it names (relative to `base`) with
 * `fetchBytes`, and decodes them. Fails with the URL and HTTP status of a missing file.
 */
export async function fetchLenetWeights(
  model: LenetModel,
  base: string,
  fetchBytes: FetchBytes = fetch,
): Promise<WeightValues> {
  const load = async (url: string): Promise<Uint8Array> => {
    const response = await fetchBytes(url);
    if (!response.ok) throw new Error(`could not load ${url} (HTTP ${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const manifestUrl = `${base}${model}.json`;
  const manifest: unknown = JSON.parse(new TextDecoder().decode(await load(manifestUrl)));
  const bin = (manifest as { bin?: unknown }).bin;
  if (typeof bin !== 'string' || bin.includes('/')) throw new Error(`${manifestUrl} names no binary file next to it`);
  return lenetWeightsFromFiles(model, manifest, await load(`${base}${bin}`));
}

/** `model` built and loaded with `weights`; the caller disposes it. */
export function lenetNetwork(model: LenetModel, weights: WeightValues): Network {
  const net = build(lenetSpec(model));
  try {
    net.setWeights(weights);
  } catch (error) {
    net.dispose();
    throw error;
  }
  return net;
}

/** The layer a stage's maps are read from: its activation when it has one. */
function stageLayer(net: Network, stage: LenetStage): string {
  return net.analysis.layers.some((l) => l.id === `${stage}.act`) ? `${stage}.act` : stage;
}

/**
 * Runs `pixels` (784 bytes, [28, 28], 0…255) through `net` (a LeNet-5 variant) with LeNet-5's
 * input preprocessing (lenetInput: padded to 32×32, −0.1 … 1.175). Leaves no tensors behind.
 */
export async function inferLenet(net: Network, pixels: ArrayLike<number>): Promise<LenetInference> {
  const model = lenetSpec(net.spec.id).id as LenetModel;
  if (pixels.length !== MNIST_PIXELS) throw new Error(`a digit has ${MNIST_PIXELS} pixels, got ${pixels.length}`);
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i] as number;
    if (!(Number.isInteger(v) && v >= 0 && v <= 255)) throw new Error(`pixel ${i} is ${v}, not a byte 0…255`);
  }
  const ids = LENET_STAGES.map((stage) => stageLayer(net, stage));
  const x = tf.tensor4d(lenetInput(pixels), [1, ...net.inputShape]);
  let result: ReturnType<Network['forward']>;
  try {
    result = net.forward(x, { outputs: ids });
  } finally {
    x.dispose();
  }
  const tensors = [result.output, ...Object.values(result.activations)];
  try {
    const [output = new Float32Array(), ...outputs] = await Promise.all(
      tensors.map((t) => t.data() as Promise<Float32Array>),
    );
    const logits = hasEnergyOutput(net) ? output.map((e) => -e) : Float32Array.from(output);
    const probabilities = softmax(logits);
    const stages = Object.fromEntries(
      LENET_STAGES.map((stage, i) => {
        const tensor = result.activations[ids[i] as string] as tf.Tensor;
        return [stage, featureMaps(ids[i] as string, tensor.shape, outputs[i] as Float32Array)];
      }),
    ) as Record<LenetStage, FeatureMaps>;
    return { model, logits, probabilities, predicted: argMax(probabilities), stages };
  } finally {
    tf.dispose(tensors);
  }
}

/** A stage's values, [1, h, w, c] or [1, units] channels-last, regrouped map by map. */
function featureMaps(layerId: string, shape: readonly number[], data: Float32Array): FeatureMaps {
  const [height, width, maps] = shape.length === 4 ? shape.slice(1) : [1, 1, shape[1]];
  const [h, w, c] = [height as number, width as number, maps as number];
  const values = new Float32Array(data.length);
  const min = new Float32Array(c).fill(Infinity);
  const max = new Float32Array(c).fill(-Infinity);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < c; k++) {
      const v = data[p * c + k] as number;
      values[k * h * w + p] = v;
      if (v < (min[k] as number)) min[k] = v;
      if (v > (max[k] as number)) max[k] = v;
    }
  }
  return { layerId, maps: c, height: h, width: w, values, min, max, range: [Math.min(...min), Math.max(...max)] };
}

/** softmax(z) computed stably (shifted by max z). */
function softmax(logits: Float32Array): Float32Array {
  const top = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

function argMax(values: Float32Array): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] as number)) best = i;
  });
  return best;
}

/**
 * The job over the worker's network cache. Weights are fetched once per model and base URL
 * (a failed fetch is retried on the next call); the network is cached per backend under
 * `${backend}|lenet-infer|…`, so a backend reset rebuilds it from the kept weights.
 */
export function lenetInferJob(
  cache: ModelCache,
  fetchBytes: FetchBytes = fetch,
  trainedWeights?: TrainedWeightsSource,
): JobDefinition<LenetInferParams, LenetInference> {
  /** A copy of the trained run's weights on this job's backend, rebuilt when the run moved on. */
  let trained: { key: string; net: Network } | null = null;
  const trainedNet = async (params: LenetInferParams, backend: string): Promise<Network> => {
    if (trainedWeights === undefined) throw new Error('this worker has no training runs');
    const run = await trainedWeights(params.trained as string);
    if (run.model !== params.model) throw new Error(`the training run trains ${run.model}, not ${params.model}`);
    const key = JSON.stringify([backend, params.trained, run.step]);
    if (trained?.key !== key || trained.net.isDisposed) {
      if (trained && !trained.net.isDisposed) trained.net.dispose();
      trained = null;
      trained = { key, net: lenetNetwork(run.model, run.weights()) };
    }
    return trained.net;
  };
  const weights = new Map<string, Promise<WeightValues>>();
  const weightsFor = (model: LenetModel, base: string): Promise<WeightValues> => {
    const key = JSON.stringify([model, base]);
    let pending = weights.get(key);
    if (pending === undefined) {
      pending = fetchLenetWeights(model, base, fetchBytes);
      pending.catch(() => weights.delete(key));
      weights.set(key, pending);
    }
    return pending;
  };
  return {
    async run(params, context) {
      const spec = lenetSpec(params.model);
      if (params.trained !== undefined) return inferLenet(await trainedNet(params, context.backend), params.pixels);
      const values = await weightsFor(params.model, params.weightsUrl);
      const key = `${context.backend}|lenet-infer|${JSON.stringify([spec.id, params.weightsUrl])}`;
      const net = cache.get(key, () => lenetNetwork(params.model, values));
      return inferLenet(net, params.pixels);
    },
  };
}

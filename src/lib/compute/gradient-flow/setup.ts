/**
 * What the gradient-flow jobs share: the network options a reader controls, the seeded batch
 * they measure on, and whether the backend can give weight gradients.
 */
import type { GradientFlowNetOptions } from '../../models/gradient-flow-net.ts';
import type { BackendName } from '../backend.ts';
import type { InitScheme } from '../init.ts';
import { build, type Network } from '../network.ts';
import { gradientFlowNet } from '../../models/gradient-flow-net.ts';
import { gaussianImages, randomLabels } from '../synthetic-data.ts';
import * as tf from '../tf.ts';

/** The reader's settings, without the depth (a sweep varies it). */
export interface FlowSettings {
  readonly width: number;
  readonly activation: GradientFlowNetOptions['activation'];
  readonly bn: boolean;
  readonly skipEvery: number;
  readonly init: InitScheme;
  /** σ of the 'normal' (naive) init. Default 0.01. */
  readonly normalStd?: number;
  /** Input [h, w, c]. */
  readonly inputShape: readonly [number, number, number];
  /** Stride of the first convolution. Default 1. */
  readonly stemStride?: number;
  readonly classes: number;
  /** Weight seed. Default 0. */
  readonly seed?: number;
}

/** The batch the norms are measured on: explicit pixels and labels, or seeded N(0, 1) images. */
export interface FlowBatch {
  /** Examples, 2…256 (batch norm needs two). */
  readonly batch: number;
  /** Seed of the generated images and labels when `pixels` is absent. Default 1. */
  readonly dataSeed?: number;
  /** [batch, h, w, c] row-major, e.g. MNIST digits. */
  readonly pixels?: Float32Array;
  /** [batch] class labels for `pixels`. */
  readonly labels?: Int32Array;
}

/** A fresh network of `depth` layers with `settings` (the caller disposes it). */
export function flowNetwork(settings: FlowSettings, depth: number): Network {
  const spec = gradientFlowNet({
    depth,
    width: settings.width,
    activation: settings.activation,
    bn: settings.bn,
    skipEvery: settings.skipEvery,
    inputShape: settings.inputShape,
    stemStride: settings.stemStride ?? 1,
    classes: settings.classes,
  });
  return build(spec, {
    init: settings.init,
    seed: settings.seed ?? 0,
    ...(settings.normalStd === undefined ? {} : { normalStd: settings.normalStd }),
  });
}

/** The batch as a tensor [batch, h, w, c] (the caller disposes it) and its labels [batch]. */
export function flowBatch(settings: FlowSettings, data: FlowBatch): { x: tf.Tensor4D; labels: Int32Array } {
  const { batch } = data;
  if (!Number.isInteger(batch) || batch < 2 || batch > 256) throw new Error(`batch must be 2…256, got ${batch}`);
  const shape = [batch, ...settings.inputShape] as [number, number, number, number];
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.pixels !== undefined && data.pixels.length !== size) {
    throw new Error(`pixels hold ${data.pixels.length} values; [${shape.join(', ')}] needs ${size}`);
  }
  if (data.labels !== undefined && data.labels.length !== batch) {
    throw new Error(`labels hold ${data.labels.length} values; the batch has ${batch}`);
  }
  const seed = data.dataSeed ?? 1;
  return {
    x: tf.tensor4d(data.pixels ?? gaussianImages(seed, batch, settings.inputShape), shape),
    labels: data.labels ?? randomLabels(seed, batch, settings.classes),
  };
}

/** Whether `backend` has Conv2DBackpropFilter, i.e. can give ∂L/∂W of a convolution. */
export function hasWeightGradients(backend: BackendName): boolean {
  return tf.getKernel('Conv2DBackpropFilter', backend) !== undefined;
}

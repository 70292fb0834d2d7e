import type { Analysis } from '../models/analyze.ts';
import { initialValues, type InitOptions } from './init.ts';
import { connectionMask, tileMask } from './masks.ts';
import * as tf from './tf.ts';
import type { PlannedWeight } from './weight-plan.ts';

/** The tensors a network owns. */
export interface AllocatedWeights {
  /** One variable per planned weight, by key; trainable as planned. */
  readonly variables: Map<string, tf.Variable>;
  /** Connection masks [1, 1, cin, cout] by conv layer id (partial tables only). */
  readonly masks: Map<string, tf.Tensor>;
  /** For masked kernels: how many entries are connected (the parameters they count). */
  readonly connected: Map<string, number>;
}

/**
 * Creates the weight variables of `plan` with their initial values (see init.ts) and the fixed
 * connection masks. Unconnected kernel entries start at 0. The caller disposes every tensor.
 */
export function allocateWeights(
  analysis: Analysis,
  plan: readonly PlannedWeight[],
  init: InitOptions,
): AllocatedWeights {
  const maskValues = new Map<string, Float32Array>();
  for (const entry of analysis.layers) {
    if (entry.layer.kind !== 'conv') continue;
    const inShape = entry.inputShapes[0] ?? [];
    const mask = connectionMask(entry.layer, inShape[inShape.length - 1] ?? 0);
    if (mask !== undefined) maskValues.set(entry.id, mask);
  }
  const variables = new Map<string, tf.Variable>();
  const masks = new Map<string, tf.Tensor>();
  const connected = new Map<string, number>();
  tf.tidy(() => {
    for (const w of plan) {
      const mask = w.name === 'kernel' ? maskValues.get(w.layerId) : undefined;
      const full = mask === undefined ? undefined : tileMask(mask, w.size / mask.length);
      variables.set(w.key, tf.keep(tf.variable(tf.tensor(initialValues(w, init, full), [...w.shape]), w.trainable)));
      if (mask !== undefined && full !== undefined) {
        const [, , cin = 0, cout = 0] = w.shape;
        masks.set(w.layerId, tf.keep(tf.tensor4d(mask, [1, 1, cin, cout])));
        connected.set(
          w.key,
          full.reduce((n, v) => n + v, 0),
        );
      }
    }
  });
  return { variables, masks, connected };
}

/**
 * Effective receptive fields (Luo et al. 2016): how strongly each input pixel moves one unit.
 */
import type { Network } from './network.ts';
import type { RunOptions } from './graph.ts';
import * as tf from './tf.ts';

/** One unit of a layer's [h, w, c] output. */
export interface UnitSelector {
  readonly layerId: string;
  /** Row of the unit in the layer's output map. */
  readonly y: number;
  /** Column of the unit in the layer's output map. */
  readonly x: number;
  /** Channel; omitted: the sum over the layer's channels. */
  readonly channel?: number;
}

export interface UnitGradientOptions extends RunOptions {
  /** Sum |∂unit/∂x| instead of ∂unit/∂x over channels and batch (no cancellation). Default false. */
  readonly absolute?: boolean;
}

/**
 * Throws unless `unit` names a spatial layer of `net` and lies inside its output map; returns
 * that map's [h, w, c].
 */
export function checkUnit(net: Network, unit: UnitSelector): readonly [number, number, number] {
  const entry = net.analysis.layers.find((l) => l.id === unit.layerId);
  if (entry === undefined) throw new Error(`no layer "${unit.layerId}" in network "${net.spec.id}"`);
  const shape = entry.outputShape;
  if (shape.length !== 3) throw new Error(`layer "${unit.layerId}" is flat; pick a spatial layer`);
  const [h, w, c] = shape;
  const inRange = (v: number, n: number): boolean => Number.isInteger(v) && v >= 0 && v < n;
  if (!inRange(unit.y, h) || !inRange(unit.x, w) || (unit.channel !== undefined && !inRange(unit.channel, c))) {
    throw new Error(
      `unit (${unit.y}, ${unit.x}, ${unit.channel ?? 'all'}) is outside layer "${unit.layerId}" [${h}, ${w}, ${c}]`,
    );
  }
  return shape;
}

/**
 * ∂unit/∂input for x: [batch, h, w, c], summed over input channels and over the batch (each
 * example's unit depends only on that example, so with a batch of random inputs this is Luo
 * et al.'s average effective receptive field, times the batch size).
 * Returns a Float32Array of length h·w, row-major; units: output per input unit.
 */
export async function inputGradientOfUnit(
  net: Network,
  x: tf.Tensor4D,
  unit: UnitSelector,
  options: UnitGradientOptions = {},
): Promise<Float32Array> {
  const [, , c] = checkUnit(net, unit);
  const [batch] = x.shape;
  const channels = unit.channel === undefined ? c : 1;
  const result = net.gradients(
    x,
    (outputs) => {
      const activation = outputs[unit.layerId] as tf.Tensor4D;
      const picked = tf.slice(activation, [0, unit.y, unit.x, unit.channel ?? 0], [batch, 1, 1, channels]);
      return tf.sum(picked);
    },
    { ...options, wrt: 'input', of: [unit.layerId] },
  );
  try {
    const map = tf.tidy(() => {
      const g = result.input as tf.Tensor4D;
      return tf.sum(options.absolute === true ? tf.abs(g) : g, [0, 3]);
    });
    const values = (await map.data()) as Float32Array;
    map.dispose();
    return values;
  } finally {
    result.dispose();
  }
}

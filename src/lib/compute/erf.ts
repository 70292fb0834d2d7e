/**
 * Effective receptive fields of several units in one backward pass (Luo et al. 2016).
 *
 * The input image is repeated once per unit, and copy k's part of the loss is unit k alone.
 * Each copy's output depends only on that copy (no layer mixes the batch in inference mode),
 * so the input gradient of copy k is exactly ∂unit_k/∂input: K maps for one forward and one
 * backward pass at batch K, instead of K passes.
 */
import type { Network } from './network.ts';
import { checkUnit, type UnitSelector } from './receptive-field.ts';
import * as tf from './tf.ts';

/**
 * |∂unit/∂x| of every unit in `units`, for one image x: [1, h, w, c]. A unit without a channel
 * is the sum over its layer's channels. Returns one Float32Array of h·w per unit (row-major,
 * summed over input channels), in the order of `units`. Allocates nothing that outlives it.
 */
export async function unitGradientMaps(
  net: Network,
  x: tf.Tensor4D,
  units: readonly UnitSelector[],
): Promise<Float32Array[]> {
  if (x.shape[0] !== 1) throw new Error(`unitGradientMaps takes one image, got a batch of ${x.shape[0]}`);
  if (units.length === 0) return [];
  units.forEach((unit) => checkUnit(net, unit));
  // A unit asked for twice (the chosen unit is often also a chart probe) costs one copy.
  const keyOf = (u: UnitSelector): string => `${u.layerId}|${u.y}|${u.x}|${u.channel ?? ''}`;
  const distinct = [...new Map(units.map((u) => [keyOf(u), u])).values()];
  const slot = new Map(distinct.map((u, k) => [keyOf(u), k]));
  const channelsOf = (unit: UnitSelector): number => {
    const shape = net.analysis.layers.find((l) => l.id === unit.layerId)!.outputShape;
    return unit.channel === undefined ? (shape[2] ?? 1) : 1;
  };
  const [, h, w] = x.shape;
  const batch = tf.tile(x, [distinct.length, 1, 1, 1]);
  try {
    const result = net.gradients(
      batch,
      (outputs) =>
        tf.addN(
          distinct.map((unit, k) =>
            tf.sum(
              tf.slice(
                outputs[unit.layerId] as tf.Tensor4D,
                [k, unit.y, unit.x, unit.channel ?? 0],
                [1, 1, 1, channelsOf(unit)],
              ),
            ),
          ),
        ) as tf.Scalar,
      { wrt: 'input', of: [...new Set(distinct.map((u) => u.layerId))] },
    );
    try {
      const maps = tf.tidy(() => tf.sum(tf.abs(result.input as tf.Tensor4D), 3));
      let values: Float32Array;
      try {
        values = (await maps.data()) as Float32Array; // may reject (a lost context)
      } finally {
        maps.dispose();
      }
      return units.map((unit) => {
        const k = slot.get(keyOf(unit))!;
        return values.slice(k * h * w, (k + 1) * h * w);
      });
    } finally {
      result.dispose();
    }
  } finally {
    batch.dispose();
  }
}

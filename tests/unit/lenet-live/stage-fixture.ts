import type { FeatureMaps } from '../../../src/lib/compute/jobs/lenet-infer.ts';

/** A stage of `maps` maps h×w with values v(k, p) (p: the unit's index in its map, row-major). */
export function stage(maps: number, h: number, w: number, v: (k: number, p: number) => number): FeatureMaps {
  const values = new Float32Array(maps * h * w);
  for (let k = 0; k < maps; k++) for (let p = 0; p < h * w; p++) values[k * h * w + p] = v(k, p);
  const min = Float32Array.from({ length: maps }, (_, k) => Math.min(...values.subarray(k * h * w, (k + 1) * h * w)));
  const max = Float32Array.from({ length: maps }, (_, k) => Math.max(...values.subarray(k * h * w, (k + 1) * h * w)));
  return { layerId: 'X', maps, height: h, width: w, values, min, max, range: [Math.min(...min), Math.max(...max)] };
}

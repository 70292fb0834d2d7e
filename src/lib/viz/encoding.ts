/**
 * What a box's width encodes, as the reader chooses: the size of the layer's output (h·w·c
 * values), its parameters, or its multiply-accumulates. Widths are √-scaled so small layers stay
 * visible next to VGG's 102,760,448-weight fc6 while the order is kept.
 */
import { scaleSqrt } from 'd3-scale';

export { encodings, isEncoding, type Encoding } from '../models/encodings.ts';
import type { Encoding } from '../models/encodings.ts';

/** The three encoded quantities of one node: output values (count), parameters, MACs. */
export type EncodedValues = readonly [shape: number, params: number, macs: number];

/** Position of `encoding` in `EncodedValues` and in a node's `widths`. */
export function encodingIndex(encoding: Encoding): 0 | 1 | 2 {
  return encoding === 'shape' ? 0 : encoding === 'params' ? 1 : 2;
}

/** The largest value of each encoding over `values`: the common domain of a diagram or comparison. */
export function encodingMaxima(values: Iterable<EncodedValues>): [number, number, number] {
  const max: [number, number, number] = [0, 0, 0];
  for (const v of values) for (const i of [0, 1, 2] as const) max[i] = Math.max(max[i], v[i]);
  return max;
}

/**
 * Box widths in px, one per encoding, for `values` against `maxima`: a √ scale from
 * [0, max] onto [minWidth, maxWidth] (all minWidth when the max is 0).
 */
export function encodedWidths(
  values: EncodedValues,
  maxima: readonly [number, number, number],
  minWidth: number,
  maxWidth: number,
): [number, number, number] {
  const width = (i: 0 | 1 | 2): number => {
    const scale = scaleSqrt()
      .domain([0, Math.max(maxima[i], 1)])
      .range([minWidth, maxWidth])
      .clamp(true);
    return Math.round(scale(values[i]) * 10) / 10;
  };
  return [width(0), width(1), width(2)];
}

import type { Pair } from './types.ts';

/** A kernel/stride/padding/dilation `Pair` as `[height, width]`. */
export function pair(value: Pair): readonly [number, number] {
  return typeof value === 'number' ? [value, value] : value;
}

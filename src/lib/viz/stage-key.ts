/**
 * Stages by output resolution, as He et al. 2016 Table 1 groups layers ("output size" 112×112,
 * 56×56, …): a layer belongs to the stage of its output's spatial size, and every flat output
 * (after flatten or global pooling) to one last "flat" stage. Keys are comparable across models,
 * so comparisons align and sum by them.
 */
import type { Shape } from '../models/types.ts';
import { diagramStrings as t } from './strings.ts';

/** Key of the stage a layer with output `shape` belongs to: h·100000 + w, or 0 when flat. */
export function stageKey(shape: Shape): number {
  return shape.length === 3 ? shape[0] * 100_000 + shape[1] : 0;
}

/** "56×56", or "flat" for key 0. */
export function stageLabel(key: number): string {
  if (key === 0) return t.flat;
  return `${Math.floor(key / 100_000)}×${key % 100_000}`;
}

/** Orders stage keys as a network visits them: larger resolutions first, flat last. */
export function compareStageKeys(a: number, b: number): number {
  if (a === b) return 0;
  if (a === 0) return 1;
  if (b === 0) return -1;
  return b - a;
}

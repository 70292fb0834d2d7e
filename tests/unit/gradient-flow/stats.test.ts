import { describe, expect, test } from 'vitest';
import { firstDepthBelow, firstLastRatio } from '../../../src/lib/compute/gradient-flow/stats.ts';

describe('gradient-flow summary numbers', () => {
  test('firstLastRatio divides the first layer’s norm by the last’s', () => {
    expect(firstLastRatio([1e-6, 0.5, 2])).toBeCloseTo(5e-7, 12);
    expect(firstLastRatio([3])).toBe(1);
    expect(firstLastRatio([])).toBeNaN();
  });

  test('firstDepthBelow finds the first depth of a sweep under the threshold, or null', () => {
    expect(firstDepthBelow([2, 4, 8, 16], [1, 0.1, 1e-4, 1e-9], 1e-3)).toBe(8);
    expect(firstDepthBelow([2, 4], [1, 0.5], 1e-3)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { currentHeadingIndex } from '../../../src/components/toc/current-heading.ts';

describe('currentHeadingIndex', () => {
  it('is the last heading at or above the reading line', () => {
    expect(currentHeadingIndex([-900, -300, 80, 700], 100)).toBe(2);
    expect(currentHeadingIndex([-900, -300, 120, 700], 100)).toBe(1);
  });

  it('counts a heading sitting on the line (a jump lands it there, give or take a pixel)', () => {
    expect(currentHeadingIndex([-40, 100.6], 100)).toBe(1);
  });

  it('is -1 before the first section and for a page without headings', () => {
    expect(currentHeadingIndex([300, 900], 100)).toBe(-1);
    expect(currentHeadingIndex([], 100)).toBe(-1);
  });

  it('is the last section when every heading has scrolled past', () => {
    expect(currentHeadingIndex([-3000, -2000, -10], 100)).toBe(2);
  });
});

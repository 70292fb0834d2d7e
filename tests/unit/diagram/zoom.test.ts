/** The diagram's zoom and pan arithmetic. */
import { describe, expect, test } from 'vitest';
import {
  centreFraction,
  clampZoom,
  isPan,
  PAN_THRESHOLD,
  scrollToCentre,
  ZOOM_MAX,
  ZOOM_MIN,
} from '../../../src/components/diagram/diagram-zoom.ts';

describe('zoom', () => {
  test('clampZoom keeps the zoom within its limits', () => {
    expect(clampZoom(1.5)).toBe(1.5);
    expect(clampZoom(100)).toBe(ZOOM_MAX);
    expect(clampZoom(0.01)).toBe(ZOOM_MIN);
  });

  test('what is at the middle of the view stays there when the content grows', () => {
    // A 400 px view scrolled to 300 px of 1000 px content: the middle is at 500 px, half way.
    const f = centreFraction(300, 400, 1000);
    expect(f).toBe(0.5);
    // Zoomed ×2 the content is 2000 px: half way is 1000 px, so scroll to 800.
    expect(scrollToCentre(f, 400, 2000)).toBe(800);
    expect(centreFraction(scrollToCentre(0.3, 400, 2000), 400, 2000)).toBeCloseTo(0.3);
  });

  test('an empty box counts as 1 px (no division by zero)', () => {
    expect(centreFraction(0, 0, 0)).toBe(0);
  });
});

test('a press becomes a pan only after the pointer travels PAN_THRESHOLD px', () => {
  expect(isPan(PAN_THRESHOLD - 1, 0)).toBe(false);
  expect(isPan(3, 3)).toBe(true);
  expect(isPan(0, -PAN_THRESHOLD)).toBe(true);
});

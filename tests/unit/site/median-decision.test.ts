import { describe, expect, it } from 'vitest';
import { medianDecision } from '../../../scripts/checks/median-decision.ts';

describe('medianDecision (median of three performance runs against a bar of 95)', () => {
  it('waits for a second run, and for a third when the first two disagree', () => {
    expect(medianDecision([], 95, 3)).toBeNull();
    expect(medianDecision([97], 95, 3)).toBeNull();
    expect(medianDecision([97, 90], 95, 3)).toBeNull();
  });

  it('is decided by two runs on the same side of the bar', () => {
    expect(medianDecision([95, 99], 95, 3)).toBe(true);
    expect(medianDecision([94, 80], 95, 3)).toBe(false);
  });

  it('is the median of three: one noisy run neither fails nor passes a page', () => {
    expect(medianDecision([97, 78, 96], 95, 3)).toBe(true);
    expect(medianDecision([94, 99, 93], 95, 3)).toBe(false);
  });

  it('counts a run Lighthouse could not score as below the bar', () => {
    expect(medianDecision([null, 98], 95, 3)).toBeNull();
    expect(medianDecision([null, 98, null], 95, 3)).toBe(false);
  });
});

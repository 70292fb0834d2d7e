import { describe, expect, it } from 'vitest';
import {
  DEGRADATION_MIN_GAP,
  degradationVerdict,
  trainingTails,
  type StepRecord,
} from '../../../src/lib/compute/experiments/degradation/verdict.ts';
import { DEFAULT_LAB_CONFIG } from '../../../src/lib/compute/lab/config.ts';
import { CANDIDATES, CHOSEN_CANDIDATE, candidateConfig } from '../../../scripts/experiments/degradation-candidates.ts';

/** A step whose three nets have these losses (accuracy 1 − loss/4, so errors follow losses). */
const step = (shallow: number, plain: number, residual: number): StepRecord => {
  const net = (loss: number) => ({ loss, accuracy: 1 - loss / 4 });
  return { nets: { shallow: net(shallow), plain: net(plain), residual: net(residual) } };
};

describe('trainingTails', () => {
  it('averages the last 10% of steps (20 of 200), not the whole run', () => {
    const steps = [
      ...Array.from({ length: 180 }, () => step(2, 2, 2)),
      ...Array.from({ length: 20 }, (_, i) => step(0.2 + i / 100, 0.6, 0.1)),
    ];
    const tails = trainingTails(steps);
    expect(tails.shallow.trainLoss).toBeCloseTo(0.2 + 0.095, 10);
    expect(tails.plain.trainLoss).toBeCloseTo(0.6, 10);
    expect(tails.plain.trainError).toBeCloseTo(0.15, 10);
  });

  it('takes at least one step from a short run', () => {
    expect(trainingTails([step(1, 2, 3), step(0.5, 0.7, 0.4)]).residual.trainLoss).toBe(0.4);
  });

  it('refuses an empty run', () => {
    expect(() => trainingTails([])).toThrow(/at least one training step/);
  });
});

describe('degradationVerdict', () => {
  const tails = (shallow: number, plain: number, residual: number) => trainingTails([step(shallow, plain, residual)]);

  it.each([
    [0.3, 0.3 + DEGRADATION_MIN_GAP + 1e-9, 0.3, 'reproduced'], // just clear of the gap; residual level
    [0.3, 0.6, 0.1, 'reproduced'],
    [0.3, 0.3 + DEGRADATION_MIN_GAP / 2, 0.1, 'not reproduced'], // the deep plain net is not clearly worse
    [0.3, 0.6, 0.31, 'not reproduced'], // the residual net trains worse than the shallow one
    [0.3, 0.2, 0.1, 'not reproduced'], // deeper plain trains better: no degradation
  ])('shallow %f, plain %f, residual %f → %s', (shallow, plain, residual, verdict) => {
    const result = degradationVerdict(tails(shallow, plain, residual));
    expect(result.verdict).toBe(verdict);
    expect(result.plainGap).toBeCloseTo(plain - shallow, 10);
    expect(result.residualGap).toBeCloseTo(residual - shallow, 10);
  });
});

describe('the degradation search (docs/experiments/degradation.md)', () => {
  it('the candidate it chose is the lab’s default, at seed 1', () => {
    expect(candidateConfig(CANDIDATES[CHOSEN_CANDIDATE]!, 1)).toEqual(DEFAULT_LAB_CONFIG);
  });
});

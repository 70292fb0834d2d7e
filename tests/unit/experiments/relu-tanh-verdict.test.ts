import { describe, expect, it } from 'vitest';
import {
  reluTanhVerdict,
  stepsToTarget,
  type ReluTanhRecord,
} from '../../../src/lib/compute/experiments/relu-tanh/verdict.ts';

/** A run whose nets' batch accuracies rise linearly from 0 to 1 over `reluSteps` and `tanhSteps` steps. */
const run = (length: number, reluSteps: number, tanhSteps: number): ReluTanhRecord[] =>
  Array.from({ length }, (_, i) => ({
    nets: {
      relu: { accuracy: Math.min(1, (i + 1) / reluSteps) },
      tanh: { accuracy: Math.min(1, (i + 1) / tanhSteps) },
    },
  }));

describe('stepsToTarget (smoothed as the widget’s curves)', () => {
  it('counts the step at which the moving average of the error first reaches the target, later than the raw batch does', () => {
    const steps = run(200, 50, 100);
    const smoothed = stepsToTarget(steps, 'relu', 0.1);
    expect(smoothed).toBeGreaterThan(45); // the raw error is at 10% at step 45
    expect(smoothed).toBeLessThan(60);
  });

  it('is null when the net never gets there', () => {
    expect(stepsToTarget(run(20, 50, 100), 'tanh', 0.1)).toBeNull();
  });
});

describe('reluTanhVerdict', () => {
  it('reproduced when ReLU needs at most half of tanh’s steps', () => {
    const verdict = reluTanhVerdict(run(300, 40, 120), 0.1);
    expect(verdict.verdict).toBe('reproduced');
    expect(verdict.speedup).toBeGreaterThan(2);
  });

  it('not reproduced at a small gap', () => {
    const verdict = reluTanhVerdict(run(300, 90, 100), 0.1);
    expect(verdict.verdict).toBe('not reproduced');
    expect(verdict.speedup).toBeLessThan(1.5);
  });

  it('tanh not reaching the target within the run counts when ReLU got there in half the run', () => {
    expect(reluTanhVerdict(run(100, 30, 1000), 0.1).verdict).toBe('reproduced');
    expect(reluTanhVerdict(run(100, 60, 1000), 0.1).verdict).toBe('not reproduced');
  });

  it('not reproduced when ReLU never reaches the target', () => {
    const verdict = reluTanhVerdict(run(50, 1000, 1000), 0.1);
    expect(verdict).toMatchObject({
      verdict: 'not reproduced',
      speedup: null,
      stepsToTarget: { relu: null, tanh: null },
    });
  });
});

import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import {
  BatchNormHistory,
  batchNormConfig,
  batchNormSummary,
  checkRows,
  modeChart,
} from '../../../src/components/batch-norm/plan.ts';
import { batchNormConfigProblems } from '../../../src/lib/compute/batch-norm/config.ts';
import { batchNormVerdict } from '../../../src/lib/compute/experiments/batch-norm/verdict.ts';
import { defaultState, parseState } from '../../../src/lib/state/schema.ts';
import { batchNormSchema } from '../../../src/lib/state/schemas/batch-norm.ts';

const state = defaultState(batchNormSchema);

/**
 * A history of `errors.plain.length` steps whose raw training errors are `errors.plain[i]` and
 * `errors.bn[i]`, with a held-out check at every step listed in `gaps` (train − eval accuracy).
 */
function historyOf(
  errors: { plain: readonly number[]; bn: readonly number[] },
  gaps: Readonly<Record<number, number>>,
): BatchNormHistory {
  const history = new BatchNormHistory();
  errors.plain.forEach((plain, i) => {
    const step = i + 1;
    const bn = errors.bn[i]!;
    const gap = gaps[step];
    const held = (accuracy: number) => ({ accuracy, loss: 1 - accuracy });
    history.push({
      step,
      ms: 10,
      learningRate: 0.5,
      nets: { plain: { loss: plain, accuracy: 1 - plain }, bn: { loss: bn, accuracy: 1 - bn } },
      ...(gap === undefined ? {} : { check: { plain: held(0.5), bnEval: held(0.8), bnTrain: held(0.8 + gap) } }),
    });
  });
  return history;
}

const steps = (n: number, error: (i: number) => number) => Array.from({ length: n }, (_, i) => error(i));

describe('the batch-norm URL state', () => {
  test('the default state gives a valid run configuration', () => {
    expect(batchNormConfigProblems(batchNormConfig(state))).toEqual([]);
  });

  test('hostile address values are clamped or ignored with a notice each', () => {
    const { state: parsed, notices } = parseState(batchNormSchema, 'lr=1e9&batch=-4&seed=%3Cb%3E&steps=NaN');
    expect(parsed.lr).toBe(5);
    expect(parsed.batch).toBe(2);
    expect(parsed.seed).toBe(state.seed);
    expect(parsed.steps).toBe(state.steps);
    expect(notices).toHaveLength(4);
  });
});

describe('the verdict, from the streamed steps', () => {
  test('batch norm at the target in far fewer steps and a gap that closes: reproduced, in words with the numbers', () => {
    // BN's error drops at once, the plain net's stays at 90%; the gap is 18 points at the first check, 1 at the last.
    const history = historyOf(
      { plain: steps(100, () => 0.9), bn: steps(100, (i) => (i < 5 ? 0.9 : 0.05)) },
      { 20: 0.18, 40: 0.05, 60: 0.01, 80: -0.01, 100: 0.01 },
    );
    const verdict = batchNormVerdict(history.records);
    expect(verdict.faster).toBe(true);
    expect(verdict.stepsToTarget.plain).toBeNull();
    expect(verdict.earlyGap).toBeCloseTo(0.18);
    expect(verdict.finalGap).toBeCloseTo(0.01);
    expect(verdict.verdict).toBe('reproduced');
    const summary = batchNormSummary(en.batchNorm, history, { ...state, steps: 100 });
    expect(summary).toMatch(/^Reproduced: batch norm reached 15% training error at step \d+; the plain net has not/);
    expect(summary).toContain('+18.0 points at step 20, +1.0 points at the end');
    expect(checkRows(history)[0]).toEqual(['20', '50.0%', '80.0%', '98.0%', '+18.0']);
  });

  test('a gap that stays open (small batches) is not reproduced at the end of the run, and says so', () => {
    const history = historyOf(
      { plain: steps(100, () => 0.9), bn: steps(100, (i) => (i < 5 ? 0.9 : 0.05)) },
      { 20: -0.1, 40: -0.12, 60: -0.11, 80: -0.12, 100: -0.12 },
    );
    expect(batchNormVerdict(history.records).gapCloses).toBe(false);
    expect(batchNormSummary(en.batchNorm, history, { ...state, steps: 100 })).toMatch(
      /^Not reproduced at these settings: .* −10\.0 points at step 20, −12\.0 points at the end/,
    );
    expect(batchNormSummary(en.batchNorm, history, { ...state, steps: 600 })).toMatch(/^Not yet: /);
  });

  test('both nets equally fast is not faster', () => {
    const history = historyOf({ plain: steps(60, () => 0.05), bn: steps(60, () => 0.05) }, { 20: 0.2, 40: 0.0 });
    const verdict = batchNormVerdict(history.records);
    expect(verdict.speedup).toBe(1);
    expect(verdict.faster).toBe(false);
    expect(verdict.verdict).toBe('not reproduced');
  });

  test('the mode chart draws one dotted series per mode, from the checks', () => {
    const history = historyOf({ plain: steps(40, () => 0.5), bn: steps(40, () => 0.5) }, { 20: 0.1, 40: 0 });
    const svg = modeChart(en.batchNorm, history, state);
    for (const mode of ['bnTrain', 'bnEval', 'plain']) expect(svg).toContain(`bnx-${mode}`);
  });
});

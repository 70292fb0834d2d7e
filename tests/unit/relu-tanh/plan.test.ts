import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import {
  errorSeries,
  reluTanhConfig,
  reluTanhHistoryRows,
  reluTanhSummary,
  stepsToTarget,
  summaryRows,
  type ReluTanhHistory,
} from '../../../src/components/relu-tanh/plan.ts';
import { SideBySideHistory } from '../../../src/components/widget/training-history.ts';
import { RELU_TANH_NETS, reluTanhConfigProblems } from '../../../src/lib/compute/relu-tanh/config.ts';
import { defaultState, parseState } from '../../../src/lib/state/schema.ts';
import { reluTanhSchema } from '../../../src/lib/state/schemas/relu-tanh.ts';

/** A history whose raw training errors per step are `relu[i]` and `tanh[i]`. */
function historyOf(relu: readonly number[], tanh: readonly number[]): ReluTanhHistory {
  const history = new SideBySideHistory(RELU_TANH_NETS);
  relu.forEach((error, i) =>
    history.push({
      step: i + 1,
      ms: 50,
      learningRate: 0.01,
      nets: {
        relu: { loss: 2 * error, accuracy: 1 - error },
        tanh: { loss: 2 * (tanh[i] ?? 1), accuracy: 1 - (tanh[i] ?? 1) },
      },
    }),
  );
  return history;
}

const state = defaultState(reluTanhSchema);

describe('the ReLU-vs-tanh URL state', () => {
  test('the default state gives a valid run configuration with a 10% target', () => {
    expect(reluTanhConfigProblems(reluTanhConfig(state))).toEqual([]);
    expect(state.target).toBe(10);
    expect(state.dropout).toBe(false);
  });

  test('bad values fall back or clamp, with notices', () => {
    const { state: parsed, notices } = parseState(
      reluTanhSchema,
      new URLSearchParams('width=999&dropout=maybe&target=-3'),
    );
    expect(parsed.width).toBe(16);
    expect(parsed.dropout).toBe(false);
    expect(parsed.target).toBe(1);
    expect(notices).toHaveLength(3);
  });
});

describe('steps to the target training error, from the smoothed curves', () => {
  test('with no steps the summary invites training', () => {
    expect(reluTanhSummary(en.reluTanh, historyOf([], []), state)).toMatch(/^Press Train/);
  });

  test('the first step whose smoothed error is at most the target, for each net, and the ratio', () => {
    // Constant raw errors: the moving average equals them from the first step.
    const relu = [...Array(10).fill(0.5), ...Array(20).fill(0.05)];
    const tanh = [...Array(30).fill(0.5), ...Array(30).fill(0.05)];
    const history = historyOf([...relu, ...Array(30).fill(0.05)], tanh);
    const steps = stepsToTarget(history, 10);
    // EMA from 0.5 towards 0.05 with weight 0.1: ≤ 0.1 after ⌈ln(0.05/0.45)/ln 0.9⌉ = 21 steps.
    expect(steps).toEqual({ relu: 10 + 21, tanh: 30 + 21 });
    expect(reluTanhSummary(en.reluTanh, history, state)).toBe(
      "Not yet: ReLU reached 10% training error at step 31, tanh at step 51: ReLU needed 1.6× fewer steps. The claim counts as reproduced when ReLU needs at most half of tanh's steps; Krizhevsky et al. saw six times fewer steps to 25% on CIFAR-10 (Fig. 1).",
    );
    expect(summaryRows(en.reluTanh, history, state)).toEqual([
      ['ReLU', '31'],
      ['tanh', '51'],
    ]);
  });

  test('a net that has not reached the target is said so, with the steps it has had', () => {
    const history = historyOf(Array(40).fill(0.05), Array(40).fill(0.3));
    expect(reluTanhSummary(en.reluTanh, history, { ...state, dropout: true })).toBe(
      'Reproduced: ReLU + dropout reached 10% training error at step 1; tanh + dropout has not reached it in 40 steps.',
    );
    expect(summaryRows(en.reluTanh, history, state)[1]).toEqual(['tanh', 'not reached']);
    expect(reluTanhSummary(en.reluTanh, historyOf(Array(5).fill(0.5), Array(5).fill(0.5)), state)).toMatch(
      /^Neither net has reached 10% training error in 5 steps/,
    );
  });

  test('the verdict is the experiment’s rule applied to the live numbers', () => {
    // ReLU at step 22, tanh at step 51: 2.3× ⇒ reproduced; a finished run below 2× is "not reproduced".
    const fast = historyOf([0.5, ...Array(59).fill(0.05)], [...Array(30).fill(0.5), ...Array(30).fill(0.05)]);
    expect(reluTanhSummary(en.reluTanh, fast, state)).toMatch(
      /^Reproduced: ReLU reached 10% training error at step 22, tanh at step 51: ReLU needed 2\.3× fewer steps/,
    );
    const close = historyOf(
      [...Array(10).fill(0.5), ...Array(30).fill(0.05)],
      [...Array(15).fill(0.5), ...Array(25).fill(0.05)],
    );
    expect(reluTanhSummary(en.reluTanh, close, { ...state, steps: 40 })).toMatch(
      /^Not reproduced: ReLU reached 10% training error at step 31, tanh at step 36: ReLU needed 1\.2× fewer steps/,
    );
    // Only tanh got there: never reproduced.
    expect(reluTanhSummary(en.reluTanh, historyOf(Array(40).fill(0.3), Array(40).fill(0.05)), state)).toMatch(
      /^Not yet: tanh reached/,
    );
    // ReLU got there in the second half of the steps so far, tanh not at all: not yet.
    expect(
      reluTanhSummary(
        en.reluTanh,
        historyOf([...Array(20).fill(0.5), ...Array(25).fill(0.05)], Array(45).fill(0.5)),
        state,
      ),
    ).toMatch(/^Not yet: ReLU reached 10% training error at step 41; tanh has not reached it in 45 steps/);
  });

  test('the curves plot training error, and the table lists every 10th step', () => {
    const history = historyOf(Array(20).fill(0.25), Array(20).fill(0.5));
    const [relu, tanh] = errorSeries(en.reluTanh, history, false);
    expect(relu?.points[0]).toEqual([1, 0.25]);
    expect(tanh?.points.at(-1)).toEqual([20, 0.5]);
    expect(reluTanhHistoryRows(history)).toEqual([
      ['10', '25.0%', '0.500', '50.0%', '1.00'],
      ['20', '25.0%', '0.500', '50.0%', '1.00'],
    ]);
  });
});

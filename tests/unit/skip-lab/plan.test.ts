import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { TrainingHistory, MAX_POINTS } from '../../../src/components/skip-lab/history.ts';
import {
  degradationSummary,
  historyRows,
  labBlocks,
  labConfig,
  VERDICT_MIN_STEPS,
} from '../../../src/components/skip-lab/plan.ts';
import type { LabTrainProgress } from '../../../src/lib/compute/jobs/lab.ts';
import { labConfigProblems } from '../../../src/lib/compute/lab/config.ts';
import { residualBlocks } from '../../../src/lib/compute/skips.ts';
import { labSpec } from '../../../src/lib/compute/lab/spec.ts';
import { defaultState, parseState } from '../../../src/lib/state/schema.ts';
import { skipLabSchema } from '../../../src/lib/state/schemas/skip-lab.ts';

/** A step where each net has the given loss and accuracy 0.5, taking `ms`. */
function step(n: number, losses: [number, number, number], ms = 100): LabTrainProgress {
  const [shallow, plain, residual] = losses;
  return {
    step: n,
    ms,
    learningRate: 0.1,
    nets: {
      shallow: { loss: shallow, accuracy: 0.5 },
      plain: { loss: plain, accuracy: 0.5 },
      residual: { loss: residual, accuracy: 0.5 },
    },
  };
}

describe('the lab’s URL state', () => {
  test('the default state gives a valid run configuration', () => {
    const { config, notices } = labConfig(en.skipLab, defaultState(skipLabSchema));
    expect(notices).toEqual([]);
    expect(labConfigProblems(config)).toEqual([]);
  });

  test('a depth off the 6n + 2 grid snaps to the nearest one, with a notice', () => {
    const { state, notices } = parseState(skipLabSchema, new URLSearchParams('depth=17&shallow=999'));
    expect(state.depth).toBe(20);
    expect(state.shallow).toBe(50);
    expect(notices[0]).toBe('Clamped depth="17" to 20: it must be one of 8, 14, … 56 (steps of 6).');
  });

  test('a baseline not shallower than the deep nets becomes depth − 6, and says so', () => {
    const { config, notices } = labConfig(en.skipLab, { ...defaultState(skipLabSchema), depth: 20, shallow: 26 });
    expect(config.shallowDepth).toBe(14);
    expect(notices[0]).toMatch(/fewer layers than the deep nets; using plain-14/);
  });

  test('a warm-up as long as the run ends one step before it, and says so; the config passes validation', () => {
    const { config, notices } = labConfig(en.skipLab, { ...defaultState(skipLabSchema), warmup: 500, steps: 100 });
    expect(config.warmupSteps).toBe(99);
    expect(notices).toEqual(['The warm-up must end before the run does; using 99 warm-up steps for a run of 100.']);
    expect(labConfigProblems(config)).toEqual([]);
  });

  test('labBlocks lists the block ids the worker’s spec has, in order', () => {
    for (const depth of [14, 20, 56]) {
      const config = labConfig(en.skipLab, { ...defaultState(skipLabSchema), depth }).config;
      expect(labBlocks(config)).toEqual(residualBlocks(labSpec(config, 'plain')).map((b) => b.block));
    }
  });
});

describe('TrainingHistory', () => {
  test('smooths each net’s loss with an exponential moving average and keeps every step', () => {
    const history = new TrainingHistory();
    history.push(step(1, [2, 2, 2]));
    history.push(step(2, [1, 2, 3]));
    expect(history.length).toBe(2);
    const latest = history.latest?.values;
    expect(latest?.shallow.loss).toBeCloseTo(1.9, 10);
    expect(latest?.plain.loss).toBeCloseTo(2, 10);
    expect(latest?.residual.loss).toBeCloseTo(2.1, 10);
  });

  test('a diverged step (NaN loss) does not poison the curve', () => {
    const history = new TrainingHistory();
    history.push(step(1, [2, 2, 2]));
    history.push(step(2, [Number.NaN, 2, 2]));
    expect(history.latest?.values.shallow.loss).toBe(2);
  });

  test('thins long curves to at most MAX_POINTS points, always keeping the last step', () => {
    const history = new TrainingHistory();
    for (let i = 1; i <= 1000; i++) history.push(step(i, [1, 1, 1]));
    const points = history.points('plain', 'loss');
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS + 1);
    expect(points.at(-1)?.[0]).toBe(1000);
    expect(historyRows(history, 100)).toHaveLength(10);
  });

  test('steps/s comes from the recent steps’ durations', () => {
    const history = new TrainingHistory();
    for (let i = 1; i <= 30; i++) history.push(step(i, [1, 1, 1], i <= 10 ? 1000 : 250));
    expect(history.stepsPerSecond()).toBeCloseTo(4, 10);
  });
});

describe('degradationSummary (the experiment’s own rule, read off the live steps)', () => {
  const config = labConfig(en.skipLab, { ...defaultState(skipLabSchema), depth: 56, shallow: 20, steps: 200 }).config;
  const run = (losses: [number, number, number], steps = VERDICT_MIN_STEPS): TrainingHistory => {
    const history = new TrainingHistory();
    for (let i = 1; i <= steps; i++) history.push(step(i, losses));
    return history;
  };

  test('asks for more steps while the curves are short', () => {
    expect(degradationSummary(en.skipLab, new TrainingHistory(), config)).toMatch(/Press Train/);
    expect(degradationSummary(en.skipLab, run([1, 2, 1], 5), config)).toMatch(/still too short/);
  });

  test('says reproduced, with both gaps, when the deep plain net ends clearly above the shallow one and ResNet does not', () => {
    const text = degradationSummary(en.skipLab, run([0.5, 0.9, 0.3]), config);
    expect(text).toMatch(
      /^Reproduced at step 30: plain-56 is 0\.40 nats above plain-20 in training loss \(0\.900 against 0\.500/,
    );
    expect(text).toContain('ResNet-56 is 0.20 nats below it (0.300)');
    expect(degradationSummary(en.skipLab, run([0.5, 0.9, 0.3], 200), config)).toMatch(
      /^Reproduced at step 200: plain-56 ends 0\.40 nats above .* ResNet-56 ends 0\.20 nats below it/,
    );
  });

  test('judges the last 10% of steps, not the smoothed curve: a late collapse of the deep plain net counts', () => {
    const history = new TrainingHistory();
    for (let i = 1; i <= 100; i++) history.push(step(i, i <= 90 ? [0.5, 0.4, 0.3] : [0.5, 1.5, 0.3]));
    expect(degradationSummary(en.skipLab, history, config)).toMatch(
      /^Reproduced at step 100: plain-56 is 1\.00 nats above/,
    );
  });

  test('says "not yet" while running and "not reproduced" at the end, with what it needs', () => {
    expect(degradationSummary(en.skipLab, run([0.9, 0.5, 0.3]), config)).toMatch(
      /^Not yet at step 30: plain-56 is 0\.40 nats below plain-20 .* needs plain-56 at least 0\.05 above plain-20 and ResNet-56 no higher than plain-20\.$/,
    );
    expect(degradationSummary(en.skipLab, run([0.5, 0.9, 0.6], 200), config)).toMatch(
      /^Not reproduced at step 200: .*Try more depth or more steps\.$/,
    );
  });
});

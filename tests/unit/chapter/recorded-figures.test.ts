import { describe, expect, test } from 'vitest';
import { recordedFigure } from '../../../src/components/chapter/recorded-figures.ts';

// The chapters print the recorded runs' results through <RecordedResult>; these are the figures
// of the committed files, judged by each experiment's rule.
describe('figures of the recorded runs', () => {
  test('ReLU vs tanh: the steps each net needed, and their ratio as printed', () => {
    const relu = recordedFigure('relu-tanh', 'reluSteps');
    const tanh = recordedFigure('relu-tanh', 'tanhSteps');
    const speedup = recordedFigure('relu-tanh', 'speedup');
    expect(relu.value).toBeGreaterThan(0);
    expect(speedup.value).toBeCloseTo(tanh.value! / relu.value!, 10);
    expect(speedup.text).toBe(`${speedup.value!.toFixed(1)}×`);
    expect(speedup.value).toBeGreaterThanOrEqual(2); // the chapter says ReLU wins clearly
    expect(recordedFigure('relu-tanh', 'target').text).toBe('10%');
  });

  test('degradation: the plain net ends above the shallow one, the residual net below it', () => {
    expect(recordedFigure('degradation', 'plainGap').value).toBeGreaterThan(0.05);
    expect(recordedFigure('degradation', 'residualBelow').value).toBeGreaterThanOrEqual(0);
    expect(recordedFigure('degradation', 'steps').text).toBe('300');
  });

  test('an unknown figure fails the build, naming the ones there are', () => {
    expect(() => recordedFigure('degradation', 'speedup')).toThrow(
      'no recorded figure "speedup" for degradation: use one of steps, plainGap, residualBelow',
    );
  });
});

import { describe, expect, test } from 'vitest';
import { EXPERIMENTS } from '../../../scripts/experiments/registry.ts';

// The real experiment, end to end as `npm run experiment -- batch-norm --steps 300 --json` runs it
// (the widget's own session and verdict, on WASM in this process, on the MNIST asset), at seed 4,
// which the defaults were not chosen at, and for half the widget's steps to keep the suite short.
describe('the batch-norm experiment at the widget’s defaults', () => {
  test('reproduces Ioffe & Szegedy: BN reaches the target error several times sooner, and its train/eval gap opens early and closes', async () => {
    const { json } = await EXPERIMENTS['batch-norm']!.run(
      { name: 'batch-norm', seed: 4, steps: 300, backend: 'wasm', json: true },
      () => {},
    );
    expect(json['verdict'], JSON.stringify(json)).toBe('reproduced');
    expect(json['speedup']).toBeGreaterThanOrEqual(2);
    expect(json['earlyGap']).toBeGreaterThanOrEqual(0.05);
    expect(Math.abs(json['finalGap'] as number)).toBeLessThan(0.03);
    // Eval mode (running statistics) describes the trained net: within a few points of train mode at batch 60.
    const bn = (json['nets'] as { bn: { testAccuracyEval: number; testAccuracyTrain: number } }).bn;
    expect(bn.testAccuracyEval).toBeGreaterThan(0.85);
    expect(Math.abs(bn.testAccuracyEval - bn.testAccuracyTrain)).toBeLessThan(0.03);
  }, 180_000);
});

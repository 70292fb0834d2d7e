import { describe, expect, test } from 'vitest';
import { runDegradation } from '../../../src/lib/compute/experiments/degradation/run.ts';
import { DEFAULT_LAB_CONFIG, LAB_NETS } from '../../../src/lib/compute/lab/config.ts';
import { labData } from '../../../src/lib/compute/lab/data.ts';
import { mnistSplit } from '../../../scripts/mnist-asset.ts';
import { trainOnWasm } from '../compute/training-setup.ts';

// The real experiment: the lab's default run on the WASM backend, as the widget's worker runs it
// and as `npm run experiment -- degradation` prints it (about a minute on a 2-core machine).
trainOnWasm();

describe('the degradation experiment at the lab’s defaults', () => {
  test('reproduces He et al.’s Figs. 1 and 6 at seed 1: the deep plain net ends clearly above the shallow one, the residual net not above it; inference-mode test error tracks training error', async () => {
    const run = await runDegradation(DEFAULT_LAB_CONFIG, labData(mnistSplit()));
    expect(run.steps).toBe(DEFAULT_LAB_CONFIG.totalSteps);
    expect(run.verdict, JSON.stringify(run.nets)).toBe('reproduced');
    // Batch norm recalibrated before testing: a stale running average put test error near 90% while training error fell.
    for (const net of LAB_NETS) {
      expect(Math.abs(run.nets[net].testError - run.nets[net].trainError), net).toBeLessThan(0.15);
    }
  }, 300_000);
});

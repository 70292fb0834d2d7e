import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXPERIMENTS, TRAINING_EXPERIMENTS } from '../../../scripts/experiments/registry.ts';
import type { ExperimentBackend } from '../../../scripts/experiments/args.ts';
import { RECORD_LENGTH, recordedCurves } from '../../../src/lib/data/recorded-run.ts';
import { parseRecordedRun } from '../../../src/lib/data/recorded-run-file.ts';
import { DEFAULT_LAB_CONFIG, LAB_NETS } from '../../../src/lib/compute/lab/config.ts';
import { DEFAULT_RELU_TANH_CONFIG, RELU_TANH_NETS } from '../../../src/lib/compute/relu-tanh/config.ts';
import { BATCH_NORM_NETS, DEFAULT_BATCH_NORM_CONFIG } from '../../../src/lib/compute/batch-norm/config.ts';

// The recorded reference runs the widgets draw (public/runs/, written by `npm run record`) are
// runs of today's default configurations, show the experiments' results, and are what the code
// trains: the first steps, re-run here on the recorded backend, give the recorded numbers.
const RERUN_STEPS = 8;
const defaults: Record<string, { config: object; nets: readonly string[] }> = {
  degradation: { config: DEFAULT_LAB_CONFIG, nets: LAB_NETS },
  'relu-tanh': { config: DEFAULT_RELU_TANH_CONFIG, nets: RELU_TANH_NETS },
  'batch-norm': { config: DEFAULT_BATCH_NORM_CONFIG, nets: BATCH_NORM_NETS },
};

describe.each(TRAINING_EXPERIMENTS)('the recorded %s run', (name) => {
  const file = new URL(`../../../public/runs/${name}.json`, import.meta.url);
  const { config, nets } = defaults[name]!;
  const run = parseRecordedRun(JSON.parse(readFileSync(file, 'utf8')), name, nets);

  test('records the default configuration, twice as long as the default run, and reproduces the paper', () => {
    // On a mismatch: `npm run record -- <name>` after changing a default.
    expect(run.config).toEqual(config);
    expect(run.steps).toBe(RECORD_LENGTH * EXPERIMENTS[name]!.defaultSteps!);
    expect(run.verdict).toBe('reproduced');
  });

  test(`its first ${RERUN_STEPS} steps are what the code trains today`, async () => {
    const args = { name, seed: null, steps: RERUN_STEPS, backend: run.backend as ExperimentBackend, json: false };
    const report = await EXPERIMENTS[name]!.run(args, () => {});
    const again = recordedCurves(report.recording!.history, nets);
    for (const net of nets) {
      // Accuracies are counts of a batch: exact. Losses: equal to the recorded digits.
      expect(again[net]!.accuracy).toEqual(run.curves[net]!.accuracy.slice(0, RERUN_STEPS));
      again[net]!.loss.forEach((loss, i) => expect(loss).toBeCloseTo(run.curves[net]!.loss[i]!, 4));
    }
  }, 120_000);
});

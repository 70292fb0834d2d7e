/**
 * The batch-norm experiment away from its defaults, for docs/experiments/batch-norm.md: runs
 * the experiment's own code (runBatchNorm) with the given fields changed and prints one JSON
 * line with the verdict's numbers and the last check.
 *
 *   node scripts/experiments/batch-norm-probe.ts --lr 0.5 --batch 8 --seed 1 --steps 600
 */
import { parseArgs } from 'node:util';
import { readMnistSplit, startNodeBackend } from './node-compute.ts';

const { values: o } = parseArgs({
  options: {
    lr: { type: 'string' },
    batch: { type: 'string' },
    seed: { type: 'string' },
    steps: { type: 'string' },
  },
});
await startNodeBackend('wasm');
const { DEFAULT_BATCH_NORM_CONFIG, BATCH_NORM_TEST_COUNT } = await import('../../src/lib/data/batch-norm-settings.ts');
const { labData } = await import('../../src/lib/compute/lab/data.ts');
const { runBatchNorm } = await import('../../src/lib/compute/experiments/batch-norm/run.ts');
const given = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
const d = DEFAULT_BATCH_NORM_CONFIG;
const config = {
  ...d,
  learningRate: given(o.lr, d.learningRate),
  batch: given(o.batch, d.batch),
  seed: given(o.seed, d.seed),
  totalSteps: given(o.steps, d.totalSteps),
};
const started = performance.now();
const run = await runBatchNorm(config, labData(await readMnistSplit(), BATCH_NORM_TEST_COUNT));
const last = run.history.flatMap((s) => (s.check ? [s.check] : [])).at(-1);
console.log(
  JSON.stringify({
    lr: config.learningRate,
    batch: config.batch,
    seed: config.seed,
    steps: config.totalSteps,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    stepsToTarget: run.stepsToTarget,
    speedup: run.speedup,
    earlyGap: run.earlyGap,
    finalGap: run.finalGap,
    last,
    verdict: run.verdict,
  }),
);

/**
 * The search for a ReLU-vs-tanh configuration in which ReLU reaches the widget's target training
 * error at least twice as fast as tanh (Krizhevsky et al. 2012 Fig. 1: six times) at every seed.
 * Each candidate changes a few fields of the widget's default from before the search; each runs
 * at every seed with the experiment's own code (runReluTanh) and appends one JSON line per run
 * to docs/experiments/relu-tanh-search.jsonl.
 *
 *   node scripts/experiments/relu-tanh-search.ts --candidates lr003 --seeds 1,2,3
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ReluTanhConfig } from '../../src/lib/compute/relu-tanh/config.ts';
import { readMnistSplit, startNodeBackend } from './node-compute.ts';

/** The widget's default before the search. */
export const RELU_TANH_SEARCH_BASE: ReluTanhConfig = {
  width: 8,
  batch: 32,
  learningRate: 0.01,
  momentum: 0.9,
  dropout: false,
  totalSteps: 300,
  seed: 1,
};

/** Fields changed from RELU_TANH_SEARCH_BASE, by name. */
export const RELU_TANH_CANDIDATES: Readonly<Record<string, Partial<ReluTanhConfig>>> = {
  base: {},
  lr003: { learningRate: 0.003 },
  'lr05-m0': { learningRate: 0.05, momentum: 0 },
  'lr02-m0': { learningRate: 0.02, momentum: 0 },
  lr002: { learningRate: 0.002, totalSteps: 400 },
  'lr001-s600': { learningRate: 0.001, totalSteps: 600 },
  'lr001-s600-w16': { learningRate: 0.001, totalSteps: 600, width: 16 },
  'lr001-s600-w12': { learningRate: 0.001, totalSteps: 600, width: 12 },
};

const { values: options } = parseArgs({
  options: { candidates: { type: 'string' }, seeds: { type: 'string', default: '1,2,3,4,5' } },
});
const names = (options.candidates ?? Object.keys(RELU_TANH_CANDIDATES).join(',')).split(',');
const unknown = names.filter((name) => !(name in RELU_TANH_CANDIDATES));
if (unknown.length > 0) {
  console.error(`no candidate ${unknown.join(', ')} (there are: ${Object.keys(RELU_TANH_CANDIDATES).join(', ')})`);
  process.exit(2);
}
await startNodeBackend('wasm');
const { lenetExamples } = await import('../../src/lib/data/lenet-examples.ts');
const { runReluTanh } = await import('../../src/lib/compute/experiments/relu-tanh/run.ts');
const train = lenetExamples((await readMnistSplit()).train);
const TARGET = 0.1; // the widget's default target, 10% training error
for (const name of names) {
  for (const seed of options.seeds.split(',').map(Number)) {
    const config: ReluTanhConfig = { ...RELU_TANH_SEARCH_BASE, ...RELU_TANH_CANDIDATES[name], seed };
    const started = performance.now();
    const run = await runReluTanh(config, train, TARGET);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const logged = {
      candidate: name,
      seed,
      config,
      seconds,
      stepsToTarget: run.stepsToTarget,
      speedup: run.speedup,
      verdict: run.verdict,
    };
    appendFileSync(
      new URL('../../docs/experiments/relu-tanh-search.jsonl', import.meta.url),
      `${JSON.stringify(logged)}\n`,
    );
    console.log(
      `${name} seed ${seed}: ${seconds} s, ReLU ${run.stepsToTarget.relu}, tanh ${run.stepsToTarget.tanh} → ${run.verdict}`,
    );
  }
}

/**
 * `npm run experiment -- relu-tanh`: the ReLU-vs-tanh widget's default run (Krizhevsky et al.
 * 2012 Fig. 1), headless. Prints the steps each net needed to reach the widget's default target
 * training error, the speed-up, and the verdict.
 */
import type { ExperimentRunner } from './registry.ts';
import { readMnistSplit, startNodeBackend } from './node-compute.ts';
import { stepReporter } from './progress.ts';

export const reluTanh: ExperimentRunner = async (args, progress) => {
  await startNodeBackend(args.backend);
  const { DEFAULT_RELU_TANH_CONFIG, RELU_TANH_NETS } = await import('../../src/lib/compute/relu-tanh/config.ts');
  const { defaultState } = await import('../../src/lib/state/schema.ts');
  const { reluTanhSchema } = await import('../../src/lib/state/schemas/relu-tanh.ts');
  const { lenetExamples } = await import('../../src/lib/data/lenet-examples.ts');
  const { runReluTanh } = await import('../../src/lib/compute/experiments/relu-tanh/run.ts');
  const config = { ...DEFAULT_RELU_TANH_CONFIG, ...(args.seed === null ? {} : { seed: args.seed }) };
  const steps = args.steps ?? config.totalSteps;
  const targetPercent = defaultState(reluTanhSchema).target;
  const train = lenetExamples((await readMnistSplit()).train);
  const run = await runReluTanh(config, train, targetPercent / 100, {
    steps,
    onStep: stepReporter(progress, steps, (step) => {
      const acc = (net: 'relu' | 'tanh') => `${net} ${(100 * step.nets[net].accuracy).toFixed(0)}%`;
      return `batch accuracy ${acc('relu')}, ${acc('tanh')}`;
    }),
  });
  const reached = (n: number | null) => (n === null ? `not within ${steps} steps` : `${n} steps`);
  const text = [
    `relu-tanh · seed ${config.seed} · ${args.backend} · ${steps} steps · target: ${targetPercent}% training error (smoothed)`,
    `ReLU  reached it in ${reached(run.stepsToTarget.relu)}`,
    `tanh  reached it in ${reached(run.stepsToTarget.tanh)}`,
    `${run.verdict}: ReLU ${run.speedup === null ? 'did not reach the target' : `${run.stepsToTarget.tanh === null ? 'over ' : ''}${run.speedup.toFixed(1)}× faster`} (needs ≥ 2×)`,
  ].join('\n');
  return {
    text,
    json: {
      seed: config.seed,
      backend: args.backend,
      steps,
      config,
      target: run.target,
      nets: { relu: { stepsToTarget: run.stepsToTarget.relu }, tanh: { stepsToTarget: run.stepsToTarget.tanh } },
      speedup: run.speedup,
      verdict: run.verdict,
    },
    recording: { config, nets: RELU_TANH_NETS, history: run.history, verdict: run.verdict },
  };
};

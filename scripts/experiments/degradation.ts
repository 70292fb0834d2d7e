/**
 * `npm run experiment -- degradation`: the skip-connection lab's default run (He et al. 2016
 * Figs. 1 and 6), headless. Prints each net's training loss and error over the last 10% of
 * steps, its test error, and the verdict.
 */
import type { LabNet } from '../../src/lib/compute/lab/config.ts';
import type { ExperimentRunner } from './registry.ts';
import { readMnistSplit, startNodeBackend } from './node-compute.ts';
import { stepReporter } from './progress.ts';

export const degradation: ExperimentRunner = async (args, progress) => {
  await startNodeBackend(args.backend);
  const { DEFAULT_LAB_CONFIG, LAB_NETS } = await import('../../src/lib/compute/lab/config.ts');
  const { labData } = await import('../../src/lib/compute/lab/data.ts');
  const { runDegradation } = await import('../../src/lib/compute/experiments/degradation/run.ts');
  const config = { ...DEFAULT_LAB_CONFIG, ...(args.seed === null ? {} : { seed: args.seed }) };
  const steps = args.steps ?? config.totalSteps;
  const data = labData(await readMnistSplit());
  const run = await runDegradation(config, data, {
    steps,
    onStep: stepReporter(progress, steps, (step) => {
      const losses = LAB_NETS.map((net: LabNet) => `${net} ${step.nets[net].loss.toFixed(3)}`).join(', ');
      return `batch loss ${losses}`;
    }),
  });
  const row = (net: LabNet): string => {
    const n = run.nets[net];
    const name = `${net === 'residual' ? 'ResNet' : 'plain'}-${n.depth}`;
    return `${name.padEnd(10)} train loss ${n.trainLoss.toFixed(3)}  train error ${(100 * n.trainError).toFixed(1)}%  test error ${(100 * n.testError).toFixed(1)}%`;
  };
  const sign = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  const text = [
    `degradation · seed ${config.seed} · ${args.backend} · ${steps} steps (loss and train error: mean of the last 10%)`,
    ...LAB_NETS.map(row),
    `${run.verdict}: plain-${config.depth} − plain-${config.shallowDepth} ${sign(run.plainGap)} nats, ResNet-${config.depth} − plain-${config.shallowDepth} ${sign(run.residualGap)} nats`,
  ].join('\n');
  return {
    text,
    json: {
      seed: config.seed,
      backend: args.backend,
      steps,
      config,
      nets: run.nets,
      plainGap: run.plainGap,
      residualGap: run.residualGap,
      verdict: run.verdict,
    },
    recording: { config, nets: LAB_NETS, history: run.history, verdict: run.verdict },
  };
};

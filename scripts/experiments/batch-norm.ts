/**
 * `npm run experiment -- batch-norm`: the batch-norm widget's default run (Ioffe & Szegedy 2015
 * §4.1 and Algorithm 2), headless. Prints the steps each net needed to reach the target training
 * error, the held-out accuracy of the batch-norm net in train and eval mode early and late, and
 * the verdict.
 */
import type { ExperimentRunner } from './registry.ts';
import { readMnistSplit, startNodeBackend } from './node-compute.ts';
import { stepReporter } from './progress.ts';

export const batchNorm: ExperimentRunner = async (args, progress) => {
  await startNodeBackend(args.backend);
  const { DEFAULT_BATCH_NORM_CONFIG, BATCH_NORM_NETS, BATCH_NORM_TEST_COUNT } =
    await import('../../src/lib/data/batch-norm-settings.ts');
  const { labData } = await import('../../src/lib/compute/lab/data.ts');
  const { runBatchNorm } = await import('../../src/lib/compute/experiments/batch-norm/run.ts');
  const { BATCH_NORM_TARGET_ERROR, modeGaps } = await import('../../src/lib/compute/experiments/batch-norm/verdict.ts');
  const config = { ...DEFAULT_BATCH_NORM_CONFIG, ...(args.seed === null ? {} : { seed: args.seed }) };
  const steps = args.steps ?? config.totalSteps;
  const data = labData(await readMnistSplit(), BATCH_NORM_TEST_COUNT);
  const run = await runBatchNorm(config, data, {
    steps,
    onStep: stepReporter(progress, steps, (step) => {
      const acc = (net: 'plain' | 'bn') => `${net} ${(100 * step.nets[net].accuracy).toFixed(0)}%`;
      return `batch accuracy ${acc('plain')}, ${acc('bn')}`;
    }),
  });
  const checks = run.history.flatMap((s) => (s.check ? [{ step: s.step, ...s.check }] : []));
  const first = checks[0];
  const last = checks.at(-1);
  const pct = (x: number | null | undefined) => (x == null ? '—' : `${(100 * x).toFixed(1)}%`);
  const points = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`);
  const reached = (n: number | null) => (n === null ? `not within ${steps} steps` : `${n} steps`);
  const text = [
    `batch-norm · seed ${config.seed} · ${args.backend} · ${steps} steps · batch ${config.batch} · η ${config.learningRate} · target: ${100 * BATCH_NORM_TARGET_ERROR}% training error (smoothed)`,
    `plain       reached it in ${reached(run.stepsToTarget.plain)}`,
    `batch norm  reached it in ${reached(run.stepsToTarget.bn)}`,
    `held-out accuracy of the BN net, train mode / eval mode: step ${first?.step ?? '—'} ${pct(first?.bnTrain.accuracy)} / ${pct(first?.bnEval.accuracy)}; step ${last?.step ?? '—'} ${pct(last?.bnTrain.accuracy)} / ${pct(last?.bnEval.accuracy)}`,
    `${run.verdict}: ${run.faster ? 'faster' : 'not faster'} (${run.speedup === null ? 'BN did not reach the target' : `${run.stepsToTarget.plain === null ? 'over ' : ''}${run.speedup.toFixed(1)}×`}, needs ≥ 2×); train − eval gap ${points(run.earlyGap)} points early, ${points(run.finalGap)} at the end (${run.gapCloses ? 'closed' : 'not closed'})`,
  ].join('\n');
  return {
    text,
    json: {
      seed: config.seed,
      backend: args.backend,
      steps,
      config,
      target: BATCH_NORM_TARGET_ERROR,
      nets: {
        plain: { stepsToTarget: run.stepsToTarget.plain, testAccuracy: last?.plain.accuracy ?? null },
        bn: {
          stepsToTarget: run.stepsToTarget.bn,
          testAccuracyEval: last?.bnEval.accuracy ?? null,
          testAccuracyTrain: last?.bnTrain.accuracy ?? null,
        },
      },
      speedup: run.speedup,
      faster: run.faster,
      earlyGap: run.earlyGap,
      finalGap: run.finalGap,
      gapCloses: run.gapCloses,
      gaps: modeGaps(run.history),
      verdict: run.verdict,
    },
    recording: { config, nets: BATCH_NORM_NETS, history: run.history, verdict: run.verdict },
  };
};

/**
 * `npm run experiment -- shattering`: the gradient-flow explorer's depth sweep of shattered
 * gradients (Balduzzi et al. 2017), headless, with its own job, in the chapter's setting (ReLU,
 * He initialisation, batch norm): per depth, the correlation of neighbouring inputs' gradients
 * for the plain net and its residual twin.
 */
import type { GradientFlowState } from '../../src/lib/state/schemas/gradient-flow.ts';
import type { ExperimentRunner } from './registry.ts';
import { nodeJobContext, startNodeBackend } from './node-compute.ts';

/** The chapter's Try-this on shattering: He et al.'s plain networks (ReLU, He weights, BN). */
const BALDUZZI_SETTING: Partial<GradientFlowState> = { activation: 'relu', init: 'he', bn: true, skips: true };

export const shattering: ExperimentRunner = async (args, progress) => {
  await startNodeBackend(args.backend);
  const { defaultState } = await import('../../src/lib/state/schema.ts');
  const { gradientFlowSchema } = await import('../../src/lib/state/schemas/gradient-flow.ts');
  const { flowSettings, FLOW_BATCH, SWEEP_DEPTHS } = await import('../../src/components/gradient-flow/plan.ts');
  const { gradientSweepJob } = await import('../../src/lib/compute/jobs/gradient-sweep.ts');
  const { shatteringVerdict } = await import('../../src/lib/compute/experiments/shattering/verdict.ts');
  const state = { ...defaultState(gradientFlowSchema), ...BALDUZZI_SETTING };
  const settings = flowSettings(state);
  const seed = args.seed ?? settings.seed ?? 0;
  const context = await nodeJobContext<{ depths: readonly number[] }>((p) =>
    progress(`depth ${p.depths.at(-1)} (${p.depths.length}/${SWEEP_DEPTHS.length})`),
  );
  const sweep = await gradientSweepJob().run({ ...settings, seed, batch: FLOW_BATCH, depths: SWEEP_DEPTHS }, context);
  const judged = shatteringVerdict(sweep.depths, sweep.plain.correlation, sweep.residual.correlation);
  const row = (values: readonly number[]) => values.map((v) => v.toFixed(2).padStart(5)).join(' ');
  const text = [
    `shattering · seed ${seed} · ${args.backend} · ${state.activation}, ${state.init} weights, batch norm, a shortcut every ${state.every}`,
    `depth    ${sweep.depths.map((d) => String(d).padStart(5)).join(' ')}`,
    `plain    ${row(sweep.plain.correlation)}`,
    `residual ${row(sweep.residual.correlation)}`,
    `${judged.verdict}: plain mean |correlation| from depth 24 on ${judged.plainDeep.toFixed(3)} (needs < 0.1), residual lowest ${judged.residualMin.toFixed(2)} (needs ≥ 0.3)`,
  ].join('\n');
  return {
    text,
    json: {
      seed,
      backend: args.backend,
      depths: sweep.depths,
      nets: { plain: { correlation: sweep.plain.correlation }, residual: { correlation: sweep.residual.correlation } },
      plainDeep: judged.plainDeep,
      residualMin: judged.residualMin,
      verdict: judged.verdict,
    },
  };
};

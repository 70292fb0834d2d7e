/**
 * `npm run experiment -- gradient-flow`: the gradient-flow explorer's default measurement,
 * headless, with its own job: per-layer gradient norms ‖∂L/∂h_l‖ of the plain net and its
 * residual twin at random initialisation, and each net's first-to-last ratio.
 */
import type { LayerNorms } from '../../src/lib/compute/gradient-flow/norms.ts';
import type { ExperimentRunner } from './registry.ts';
import { nodeJobContext, startNodeBackend } from './node-compute.ts';

export const gradientFlow: ExperimentRunner = async (args, progress) => {
  await startNodeBackend(args.backend);
  const { defaultState } = await import('../../src/lib/state/schema.ts');
  const { gradientFlowSchema } = await import('../../src/lib/state/schemas/gradient-flow.ts');
  const { flowParams } = await import('../../src/components/gradient-flow/plan.ts');
  const { gradientFlowJob } = await import('../../src/lib/compute/jobs/gradient-flow.ts');
  const { firstLastRatio } = await import('../../src/lib/compute/gradient-flow/stats.ts');
  const { gradientFlowVerdict } = await import('../../src/lib/compute/experiments/gradient-flow/verdict.ts');
  const { scientific } = await import('../../src/lib/viz/scientific.ts');
  const state = defaultState(gradientFlowSchema);
  const params = { ...flowParams(state), twins: ['plain', 'residual'] as const };
  const seed = args.seed ?? params.seed ?? 0;
  progress(`depth ${state.depth}: one batch forward and backward through both nets`);
  const result = await gradientFlowJob().run({ ...params, seed }, await nodeJobContext());
  const net = (norms: LayerNorms | null) => ({
    layers: norms!.layers,
    norms: norms!.activation,
    ratio: firstLastRatio(norms!.activation),
  });
  const nets = { plain: net(result.plain), residual: net(result.residual) };
  const judged = gradientFlowVerdict(nets.plain.ratio, nets.residual.ratio);
  const show = (value: number) => (value === 0 ? '0' : scientific(value)); // 0: float32 underflowed
  const text = [
    `gradient-flow · seed ${seed} · ${args.backend} · ${state.depth} layers, ${state.activation}, ${state.init} weights, batch norm ${state.bn ? 'on' : 'off'}, a shortcut every ${state.every}`,
    ...(['plain', 'residual'] as const).map(
      (key) =>
        `${key.padEnd(8)} ‖∂L/∂h_1‖ / ‖∂L/∂h_${nets[key].layers.at(-1)}‖ = ${show(nets[key].ratio)}   per layer from 1: ${nets[key].norms.map(show).join(' ')}`,
    ),
    `${judged.verdict}: the plain net's gradient ${judged.plainVanished ? 'vanishes' : 'does not vanish'} towards layer 1, the residual twin's ${judged.residualKept ? 'stays within 10× of the last layer’s' : 'does not stay within 10×'}`,
  ].join('\n');
  return { text, json: { seed, backend: args.backend, state, nets, verdict: judged.verdict } };
};

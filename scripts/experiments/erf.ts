/**
 * `npm run experiment -- erf`: the receptive-field explorer's growth measurement (Luo et al. 2016
 * §2), headless, with the explorer's own networks and job: σ of the plain and residual stacks'
 * effective fields against depth, the theoretical field beside it, and the fitted exponent of σ.
 * Runs the explorer's default state and the chapter's deepest plain stack (depth 63).
 */
import type { ErfResult } from '../../src/lib/compute/jobs/erf.ts';
import type { RfExplorerState } from '../../src/lib/state/rf-explorer.ts';
import type { ExperimentRunner } from './registry.ts';
import { nodeJobContext, startNodeBackend } from './node-compute.ts';

/** The chapter's Try-this whose exponent it quotes: "comes out at 0.5". */
const DEEPEST: Partial<RfExplorerState> = { depth: 63, nets: 'plain' };

/** One network's growth: per measured depth, σ and the theoretical side (input pixels). */
interface Growth {
  readonly depths: number[];
  readonly sigma: number[];
  readonly theoretical: number[];
  readonly slope: number;
}

export const erf: ExperimentRunner = async (args, progress) => {
  await startNodeBackend(args.backend);
  const { DEFAULT_RF_STATE } = await import('../../src/lib/state/rf-explorer.ts');
  const { explorerNets, erfParamsFor } = await import('../../src/components/rf-explorer/nets.ts');
  const { erfJob } = await import('../../src/lib/compute/jobs/erf.ts');
  const { erfVerdict } = await import('../../src/lib/compute/experiments/erf/verdict.ts');
  const seed = args.seed ?? 0;

  const measure = async (state: RfExplorerState) => {
    const plans = explorerNets(state);
    const context = await nodeJobContext<{ done: number; total: number }>((p) =>
      progress(`depth ${state.depth}: pass ${p.done}/${p.total}`),
    );
    const result: ErfResult = await erfJob().run({ ...erfParamsFor(state, plans), seed }, context);
    const nets: Record<string, Growth> = {};
    plans.forEach((plan, i) => {
      const probes = result.targets[i]!.probes;
      const depths = probes.map((p) => plan.layers.find((l) => l.layerId === p.unit.layerId)!.depth);
      const sigma = probes.map((p) => p.stats.sigmaRms);
      const points = depths.map((depth, k) => ({ depth, sigma: sigma[k]! }));
      nets[plan.key] = {
        depths,
        sigma,
        theoretical: probes.map((p) => p.field.size[0]),
        slope: erfVerdict(points).slope,
      };
    });
    const plain = nets['plain']!;
    return {
      state,
      inits: result.inits,
      nets,
      ...erfVerdict(plain.depths.map((d, k) => ({ depth: d, sigma: plain.sigma[k]! }))),
    };
  };

  const runs = [await measure(DEFAULT_RF_STATE), await measure({ ...DEFAULT_RF_STATE, ...DEEPEST })];
  const verdict = runs.every((r) => r.verdict === 'reproduced') ? 'reproduced' : 'not reproduced';
  const lines = runs.flatMap((run) => [
    `${run.state.depth} convolutions, ${run.state.init} weights, ${run.inits === 1 ? 'one pass (the seed changes nothing)' : `${run.inits} initialisations`}:`,
    ...Object.entries(run.nets).map(
      ([net, g]) =>
        `  ${net.padEnd(8)} depth ${g.depths.join(' ')} · σ ${g.sigma.map((s) => s.toFixed(2)).join(' ')} · box ${g.theoretical.join(' ')} · exponent ${g.slope.toFixed(3)}`,
    ),
  ]);
  const [first, deepest] = runs;
  const text = [
    `erf · seed ${seed} · ${args.backend}`,
    ...lines,
    `${verdict}: σ ∝ depth^${first!.slope.toFixed(2)} at the default, ^${deepest!.slope.toFixed(2)} at depth ${deepest!.state.depth} (needs 0.5 ± 0.1)`,
  ].join('\n');
  return {
    text,
    json: {
      seed,
      backend: args.backend,
      nets: first!.nets,
      slope: first!.slope,
      deepest: { depth: deepest!.state.depth, nets: deepest!.nets, slope: deepest!.slope },
      verdict,
    },
  };
};

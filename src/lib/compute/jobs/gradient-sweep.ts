/**
 * Job 'gradient-sweep': how gradient flow changes with depth, for the reader's settings. For
 * each depth it builds a fresh network and measures, for the plain net and its residual twin,
 * the first-to-last gradient ratio ‖∂L/∂h_1‖ / ‖∂L/∂h_L‖ and the correlation of neighbouring
 * inputs' gradients along a line of inputs (shattering, Balduzzi et al. 2017). Activation and
 * input gradients only, so it runs on every backend.
 */
import { allSkips } from '../skips.ts';
import { flowBatch, flowNetwork, type FlowBatch, type FlowSettings } from '../gradient-flow/setup.ts';
import { layerGradientNorms } from '../gradient-flow/norms.ts';
import { inputLine, neighbourGradientCorrelation } from '../gradient-flow/shattering.ts';
import { firstLastRatio } from '../gradient-flow/stats.ts';
import type { FlowTwin } from './gradient-flow.ts';
import type { JobDefinition } from './job.ts';

export interface GradientSweepParams extends FlowSettings, FlowBatch {
  /** Depths (weight layers) to measure, ascending, each 2…110; at most 32. */
  readonly depths: readonly number[];
  /** Points on the line of inputs, 8…128. Default 32. */
  readonly linePoints?: number;
  /** Seed of the line and of the readout. Default 7. */
  readonly lineSeed?: number;
}

/** One twin's curves, per depth of the sweep. */
export interface SweepCurves {
  /** ‖∂L/∂h_1‖ / ‖∂L/∂h_L‖ (0 when layer 1's gradient underflows float32). */
  readonly ratio: readonly number[];
  /** Mean correlation of neighbouring inputs’ gradient images, −1…1. */
  readonly correlation: readonly number[];
}

export interface GradientSweepResult {
  readonly depths: readonly number[];
  readonly plain: SweepCurves;
  readonly residual: SweepCurves;
}

/** Streamed after each depth: the curves so far. */
export type GradientSweepProgress = GradientSweepResult;

export function gradientSweepJob(): JobDefinition<GradientSweepParams, GradientSweepResult, GradientSweepProgress> {
  return {
    async run(params, context) {
      const depths = params.depths;
      if (depths.length === 0 || depths.length > 32) throw new Error(`a sweep takes 1…32 depths, got ${depths.length}`);
      const points = params.linePoints ?? 32;
      if (!Number.isInteger(points) || points < 8 || points > 128) {
        throw new Error(`linePoints must be 8…128, got ${points}`);
      }
      const line = inputLine(params.lineSeed ?? 7, params.inputShape, points);
      const curves: Record<FlowTwin, { ratio: number[]; correlation: number[] }> = {
        plain: { ratio: [], correlation: [] },
        residual: { ratio: [], correlation: [] },
      };
      const { x, labels } = flowBatch(params, params);
      try {
        for (const depth of depths) {
          const net = flowNetwork(params, depth);
          try {
            const last = depth - 1;
            for (const twin of ['plain', 'residual'] as const) {
              await context.checkpoint();
              const run = { training: true, ...(twin === 'plain' ? { skips: allSkips(net.spec, false) } : {}) };
              const norms = await layerGradientNorms(net, x, labels, { ...run, weights: false, layers: [1, last] });
              curves[twin].ratio.push(firstLastRatio(norms.activation));
              await context.checkpoint();
              curves[twin].correlation.push(
                await neighbourGradientCorrelation(net, line, (params.lineSeed ?? 7) + 1, run),
              );
            }
          } finally {
            net.dispose();
          }
          context.progress({ depths: depths.slice(0, curves.plain.ratio.length), ...copy(curves) });
        }
        return { depths: [...depths], ...copy(curves) };
      } finally {
        x.dispose();
      }
    },
  };
}

function copy(curves: Record<FlowTwin, SweepCurves>): Record<FlowTwin, SweepCurves> {
  return {
    plain: { ratio: [...curves.plain.ratio], correlation: [...curves.plain.correlation] },
    residual: { ratio: [...curves.residual.ratio], correlation: [...curves.residual.correlation] },
  };
}

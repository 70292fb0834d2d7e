/**
 * Job 'gradient-flow': per-layer gradient norms of a plain network and its residual twin (the
 * same weights with the shortcuts on), on one batch from a fresh random initialisation. Weight
 * gradients where the backend has a Conv2DBackpropFilter kernel; activation gradients everywhere.
 */
import { allSkips } from '../skips.ts';
import {
  flowBatch,
  flowNetwork,
  hasWeightGradients,
  type FlowBatch,
  type FlowSettings,
} from '../gradient-flow/setup.ts';
import { layerGradientNorms, type LayerNorms } from '../gradient-flow/norms.ts';
import type { JobDefinition } from './job.ts';

/** Which of the twins to measure. */
export type FlowTwin = 'plain' | 'residual';

export interface GradientFlowParams extends FlowSettings, FlowBatch {
  /** Weight layers, 2…110. */
  readonly depth: number;
  /** Default both. */
  readonly twins?: readonly FlowTwin[];
}

export interface GradientFlowResult {
  readonly depth: number;
  /** Norms per twin measured. */
  readonly plain: LayerNorms | null;
  readonly residual: LayerNorms | null;
  /** False when the backend has no weight gradients: `weight` is then null. */
  readonly weightGradients: boolean;
}

export function gradientFlowJob(): JobDefinition<GradientFlowParams, GradientFlowResult> {
  return {
    async run(params, context) {
      const twins = params.twins ?? ['plain', 'residual'];
      const weights = hasWeightGradients(context.backend);
      const net = flowNetwork(params, params.depth);
      const { x, labels } = flowBatch(params, params);
      try {
        const measure = async (twin: FlowTwin): Promise<LayerNorms | null> => {
          if (!twins.includes(twin)) return null;
          await context.checkpoint();
          return layerGradientNorms(net, x, labels, {
            weights,
            training: true,
            ...(twin === 'plain' ? { skips: allSkips(net.spec, false) } : {}),
          });
        };
        const plain = await measure('plain');
        const residual = await measure('residual');
        return { depth: params.depth, plain, residual, weightGradients: weights };
      } finally {
        x.dispose();
        net.dispose();
      }
    },
  };
}

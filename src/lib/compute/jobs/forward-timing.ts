/**
 * Job 'forward-timing': how long a forward pass of each of several networks takes on the job's
 * backend, timed in turns so the ratios hold on a busy machine. The Inception-cost widget times
 * a module against its naïve version with it.
 */
import { specFromSource, type ModelSource } from '../model-source.ts';
import { build, type Network } from '../network.ts';
import { gaussianImages } from '../synthetic-data.ts';
import * as tf from '../tf.ts';
import { interleavedMedians } from '../timing.ts';
import type { JobDefinition } from './job.ts';

export interface ForwardTimingParams {
  /** The networks to time, each with seeded weights (He initialisation, seed 0). */
  readonly models: readonly ModelSource[];
  /** Timed rounds after one warm-up pass each. Default 9; 1…50. */
  readonly rounds?: number;
  /** Images per pass. Default 1; 1…16. */
  readonly batch?: number;
}

/** Median ms per forward pass (output read back) of each network, in the order given. */
export interface ForwardTimingResult {
  readonly medianMs: readonly number[];
  readonly rounds: number;
  readonly batch: number;
}

function checkedInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be ${min}…${max}, got ${value}`);
  return value;
}

export function forwardTimingJob(): JobDefinition<ForwardTimingParams, ForwardTimingResult> {
  return {
    async run(params, context) {
      const rounds = checkedInt('rounds', params.rounds ?? 9, 1, 50);
      const batch = checkedInt('batch', params.batch ?? 1, 1, 16);
      if (params.models.length < 1 || params.models.length > 4) throw new Error('time 1 to 4 networks');
      const nets: Network[] = [];
      const inputs: tf.Tensor4D[] = [];
      try {
        for (const source of params.models) {
          const net = build(await specFromSource(source), { seed: 0 });
          nets.push(net);
          inputs.push(tf.tensor4d(gaussianImages(1, batch, net.inputShape), [batch, ...net.inputShape]));
        }
        const works = nets.map((net, i) => async (): Promise<void> => {
          const { output } = net.forward(inputs[i]!);
          await output.data();
          output.dispose();
        });
        const medianMs = await interleavedMedians(works, rounds, () => context.checkpoint());
        return { medianMs, rounds, batch };
      } finally {
        tf.dispose(inputs);
        for (const net of nets) net.dispose();
      }
    },
  };
}

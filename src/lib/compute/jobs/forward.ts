/** Job 'forward': the network's output for a batch. */
import type { ModelCache } from '../model-cache.ts';
import { predict, type ArrayResult } from '../readback.ts';
import type { JobDefinition } from './job.ts';
import { inputBatch, networkFor, type InputParams, type NetworkParams } from './network-params.ts';

export type ForwardParams = NetworkParams & InputParams;

/** Output values [batch, ...outputShape]. */
export function forwardJob(cache: ModelCache): JobDefinition<ForwardParams, ArrayResult> {
  return {
    async run(params, context) {
      const net = await networkFor(cache, context.backend, params);
      const x = inputBatch(net, params);
      try {
        return await predict(net, x);
      } finally {
        x.dispose();
      }
    },
  };
}

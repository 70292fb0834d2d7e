/** Job 'input-gradient': one unit's gradient map over the input, its effective receptive field. */
import type { ModelCache } from '../model-cache.ts';
import { inputGradientOfUnit, type UnitSelector } from '../receptive-field.ts';
import type { JobDefinition } from './job.ts';
import { inputBatch, networkFor, type InputParams, type NetworkParams } from './network-params.ts';

export interface InputGradientParams extends NetworkParams, InputParams {
  readonly unit: UnitSelector;
  /** Sum |gradient| over the batch instead of the signed gradient. Default false. */
  readonly absolute?: boolean;
}

/** ∂unit/∂input summed over channels and batch: `map` is [height·width] row-major. */
export interface InputGradientResult {
  readonly map: Float32Array;
  readonly height: number;
  readonly width: number;
}

/** Needs only input gradients, so it runs on every backend, WASM included. */
export function inputGradientJob(cache: ModelCache): JobDefinition<InputGradientParams, InputGradientResult> {
  return {
    async run(params, context) {
      const net = await networkFor(cache, context.backend, params);
      const x = inputBatch(net, params);
      try {
        const map = await inputGradientOfUnit(net, x, params.unit, { absolute: params.absolute ?? false });
        return { map, height: net.inputShape[0], width: net.inputShape[1] };
      } finally {
        x.dispose();
      }
    },
  };
}

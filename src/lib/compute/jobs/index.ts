/**
 * Every job the compute worker runs, by kind. Widgets name a kind and pass plain parameters.
 */
import { ModelCache } from '../model-cache.ts';
import { erfJob } from './erf.ts';
import { forwardJob } from './forward.ts';
import { inputGradientJob } from './input-gradient.ts';
import type { JobRegistry } from './job.ts';
import { peakConvJob } from './peak-conv.ts';
import { trainStepsJob } from './train-steps.ts';

export type { JobContext, JobDefinition, JobNeeds, JobRegistry } from './job.ts';
export { JobCancelled, nextTask } from './job.ts';
export type { ForwardParams } from './forward.ts';
export type { InputGradientParams, InputGradientResult } from './input-gradient.ts';
export type { TrainStepsParams, TrainStepsResult } from './train-steps.ts';
export type { PeakConvParams, PeakConvResult } from './peak-conv.ts';
export type { NetworkParams, InputParams } from './network-params.ts';

/** The job registry over one network cache (shared by the jobs that reuse networks). */
export function createJobs(cache: ModelCache = new ModelCache()): { jobs: JobRegistry; cache: ModelCache } {
  const jobs = {
    forward: forwardJob(cache),
    'input-gradient': inputGradientJob(cache),
    'train-steps': trainStepsJob(),
    'peak-conv': peakConvJob(),
    erf: erfJob(),
  } as unknown as JobRegistry;
  return { jobs, cache };
}

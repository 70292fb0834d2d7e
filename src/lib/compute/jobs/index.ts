/**
 * Every job the compute worker runs, by kind. Widgets name a kind and pass plain parameters.
 * Each job's code is imported the first time it runs, so the worker downloads only the
 * experiments the page actually uses.
 */
import { ModelCache } from '../model-cache.ts';
import type { LabStore } from '../lab/store.ts';
import type * as LabModule from './lab.ts';
import type * as LenetTrainModule from './lenet-train.ts';
import type * as ReluTanhModule from './relu-tanh.ts';
import type { JobNeeds } from './job.ts';
import type { JobKind, JobOf, JobRegistry } from './kinds.ts';

export type { JobContext, JobDefinition, JobNeeds } from './job.ts';
export type { JobKind, JobOf, JobParams, JobProgress, JobRegistry, JobResult, JobTypes } from './kinds.ts';
export { isJobKind } from './kinds.ts';
export { JobCancelled, nextTask } from './job.ts';
export type { ForwardParams } from './forward.ts';
export type { ForwardTimingParams, ForwardTimingResult } from './forward-timing.ts';
export type { InputGradientParams, InputGradientResult } from './input-gradient.ts';
export type { TrainStepsParams, TrainStepsProgress, TrainStepsResult } from './train-steps.ts';
export type { PeakConvParams, PeakConvResult } from './peak-conv.ts';
export type { GradientFlowParams, GradientFlowResult, FlowTwin } from './gradient-flow.ts';
export type { GradientSweepParams, GradientSweepResult, GradientSweepProgress, SweepCurves } from './gradient-sweep.ts';
export type { NetworkParams, InputParams } from './network-params.ts';
export type { LenetInferParams, LenetInference, FeatureMaps, LenetModel, LenetStage } from './lenet-infer.ts';
export type { LenetTrainParams, LenetTrainResult, LenetTrainStep } from './lenet-train.ts';
export type {
  LabTrainParams,
  LabTrainProgress,
  LabTrainResult,
  LabLesionParams,
  LabLesionResult,
  LabLandscapeParams,
  LabLandscapeResult,
  LabFlowParams,
  LabFlowResult,
  LabTwin,
  LandscapeSlices,
  WorkDone,
} from './lab.ts';
export type { ReluTanhTrainParams, ReluTanhTrainProgress, ReluTanhTrainResult } from './relu-tanh.ts';

/** A job whose code loads on first use; `needs` must be known before it loads. */
function lazyJob<K extends JobKind>(needs: JobNeeds, load: () => Promise<JobOf<K>>): JobOf<K> {
  let job: Promise<JobOf<K>> | null = null;
  return {
    needs,
    // A failed import (a chunk missing after a redeploy) is not kept: the next job tries again.
    run: async (params, context) =>
      (
        await (job ??= load().catch((error: unknown) => {
          job = null;
          throw error;
        }))
      ).run(params, context),
  };
}

/**
 * The job registry over one network cache (shared by the jobs that reuse networks) and the
 * training experiments' stores (the skip-connection lab's run, the ReLU-vs-tanh run), kept
 * between their jobs.
 */
export function createJobs(cache: ModelCache = new ModelCache()): {
  jobs: JobRegistry;
  cache: ModelCache;
  forgetTrainingRuns: () => void;
} {
  let store: LabStore | null = null; // created with the lab's code, on its first job
  const labJob = <K extends JobKind>(make: (module: typeof LabModule, store: LabStore) => JobOf<K>, needs: JobNeeds) =>
    lazyJob<K>(needs, async () => {
      const module = await import('./lab.ts');
      store ??= new module.LabStore();
      return make(module, store);
    });
  // LeNet-5 trained by the reader: one store, created with its code, shared with 'lenet-infer'.
  let lenetStore: Promise<{ module: typeof LenetTrainModule; store: LenetTrainModule.LenetTrainStore }> | null = null;
  const lenetTraining = () =>
    (lenetStore ??= import('./lenet-train.ts').then(
      (module) => ({ module, store: new module.LenetTrainStore() }),
      (error: unknown) => {
        lenetStore = null;
        throw error;
      },
    ));
  const trainedWeights = async (runId: string) => {
    const run = (await lenetTraining()).store.get(runId);
    return { model: run.model, step: run.step, weights: () => run.net.getWeights() };
  };
  let reluTanh: ReluTanhModule.ReluTanhStore | null = null; // likewise, for the ReLU-vs-tanh run
  const reluTanhJob = <K extends JobKind>(
    make: (module: typeof ReluTanhModule, store: ReluTanhModule.ReluTanhStore) => JobOf<K>,
    needs: JobNeeds,
  ) =>
    lazyJob<K>(needs, async () => {
      const module = await import('./relu-tanh.ts');
      reluTanh ??= new module.ReluTanhStore();
      return make(module, reluTanh);
    });
  const training = { weightGradients: true };
  const jobs: JobRegistry = {
    forward: lazyJob({}, async () => (await import('./forward.ts')).forwardJob(cache)),
    'forward-timing': lazyJob({}, async () => (await import('./forward-timing.ts')).forwardTimingJob()),
    'input-gradient': lazyJob({}, async () => (await import('./input-gradient.ts')).inputGradientJob(cache)),
    'train-steps': lazyJob({ weightGradients: true }, async () => (await import('./train-steps.ts')).trainStepsJob()),
    'peak-conv': lazyJob({}, async () => (await import('./peak-conv.ts')).peakConvJob()),
    erf: lazyJob({}, async () => (await import('./erf.ts')).erfJob()),
    'gradient-flow': lazyJob({}, async () => (await import('./gradient-flow.ts')).gradientFlowJob()),
    'gradient-sweep': lazyJob({}, async () => (await import('./gradient-sweep.ts')).gradientSweepJob()),
    'lenet-infer': lazyJob({}, async () =>
      (await import('./lenet-infer.ts')).lenetInferJob(cache, fetch, trainedWeights),
    ),
    'lenet-train': lazyJob(training, async () => {
      const { module, store: lenet } = await lenetTraining();
      return module.lenetTrainJob(lenet);
    }),
    'lenet-train-reset': lazyJob({}, async () => {
      const { module, store: lenet } = await lenetTraining();
      return module.lenetTrainResetJob(lenet);
    }),
    'lab-train': labJob((m, lab) => m.labTrainJob(lab), training),
    'lab-lesion': labJob((m, lab) => m.labLesionJob(lab), training),
    'lab-landscape': labJob((m, lab) => m.labLandscapeJob(lab), training),
    'lab-flow': labJob((m, lab) => m.labFlowJob(lab), training),
    'lab-reset': labJob((m, lab) => m.labResetJob(lab), {}),
    'relu-tanh-train': reluTanhJob((m, s) => m.reluTanhTrainJob(s), training),
    'relu-tanh-reset': reluTanhJob((m, s) => m.reluTanhResetJob(s), {}),
  };
  /** A rebuilt backend starts empty: every training run (lab, LeNet-5, ReLU vs tanh) died with the old one. */
  const forgetTrainingRuns = (): void => {
    store?.reset();
    reluTanh?.reset();
    void lenetStore?.then(({ store: lenet }) => lenet.reset());
  };
  return { jobs, cache, forgetTrainingRuns };
}

/**
 * The job protocol's one map: for each job kind, the parameters it takes, the progress it
 * streams and the result it resolves with. The registry (createJobs), the host and the client
 * all read their types from here, so a kind, its parameters and its result cannot drift apart.
 * Types only: nothing here loads a job's code.
 */
import type { ArrayResult } from '../readback.ts';
import type { ErfParams, ErfProgress, ErfResult } from './erf.ts';
import type { ForwardParams } from './forward.ts';
import type { ForwardTimingParams, ForwardTimingResult } from './forward-timing.ts';
import type { GradientFlowParams, GradientFlowResult } from './gradient-flow.ts';
import type { GradientSweepParams, GradientSweepProgress, GradientSweepResult } from './gradient-sweep.ts';
import type { InputGradientParams, InputGradientResult } from './input-gradient.ts';
import type { JobDefinition } from './job.ts';
import type {
  LabFlowParams,
  LabFlowResult,
  LabLandscapeParams,
  LabLandscapeResult,
  LabLesionParams,
  LabLesionResult,
  LabTrainParams,
  LabTrainProgress,
  LabTrainResult,
  WorkDone,
} from './lab.ts';
import type { LenetInferParams, LenetInference } from './lenet-infer.ts';
import type { LenetTrainParams, LenetTrainResult, LenetTrainStep } from './lenet-train.ts';
import type { PeakConvParams, PeakConvResult } from './peak-conv.ts';
import type { ReluTanhTrainParams, ReluTanhTrainProgress, ReluTanhTrainResult } from './relu-tanh.ts';
import type { TrainStepsParams, TrainStepsProgress, TrainStepsResult } from './train-steps.ts';

/** A job that forgets a training run: no parameters, and it says so. */
interface ResetJob {
  params: Record<string, never>;
  progress: never;
  result: { readonly reset: true };
}

/** Every job kind: `params` in, `progress` streamed (never: the job streams none), `result` out. */
export interface JobTypes {
  forward: { params: ForwardParams; progress: never; result: ArrayResult };
  'forward-timing': { params: ForwardTimingParams; progress: never; result: ForwardTimingResult };
  'input-gradient': { params: InputGradientParams; progress: never; result: InputGradientResult };
  'train-steps': { params: TrainStepsParams; progress: TrainStepsProgress; result: TrainStepsResult };
  'peak-conv': { params: PeakConvParams; progress: never; result: PeakConvResult };
  erf: { params: ErfParams; progress: ErfProgress; result: ErfResult };
  'gradient-flow': { params: GradientFlowParams; progress: never; result: GradientFlowResult };
  'gradient-sweep': { params: GradientSweepParams; progress: GradientSweepProgress; result: GradientSweepResult };
  'lenet-infer': { params: LenetInferParams; progress: never; result: LenetInference };
  'lenet-train': { params: LenetTrainParams; progress: LenetTrainStep; result: LenetTrainResult };
  'lenet-train-reset': ResetJob;
  'lab-train': { params: LabTrainParams; progress: LabTrainProgress; result: LabTrainResult };
  'lab-lesion': { params: LabLesionParams; progress: WorkDone; result: LabLesionResult };
  'lab-landscape': { params: LabLandscapeParams; progress: WorkDone; result: LabLandscapeResult };
  'lab-flow': { params: LabFlowParams; progress: never; result: LabFlowResult };
  'lab-reset': ResetJob;
  'relu-tanh-train': { params: ReluTanhTrainParams; progress: ReluTanhTrainProgress; result: ReluTanhTrainResult };
  'relu-tanh-reset': ResetJob;
}

/** A job kind's name, as requests carry it. */
export type JobKind = keyof JobTypes;
/** The parameters job `K` takes. */
export type JobParams<K extends JobKind> = JobTypes[K]['params'];
/** What job `K` streams while it runs. */
export type JobProgress<K extends JobKind> = JobTypes[K]['progress'];
/** What job `K` resolves with. */
export type JobResult<K extends JobKind> = JobTypes[K]['result'];

/** The definition of job `K`: typed parameters, progress and result. */
export type JobOf<K extends JobKind> = JobDefinition<JobParams<K>, JobResult<K>, JobProgress<K>>;

/** Every job, by kind. */
export type JobRegistry = { readonly [K in JobKind]: JobOf<K> };

const KINDS: Record<JobKind, true> = {
  forward: true,
  'forward-timing': true,
  'input-gradient': true,
  'train-steps': true,
  'peak-conv': true,
  erf: true,
  'gradient-flow': true,
  'gradient-sweep': true,
  'lenet-infer': true,
  'lenet-train': true,
  'lenet-train-reset': true,
  'lab-train': true,
  'lab-lesion': true,
  'lab-landscape': true,
  'lab-flow': true,
  'lab-reset': true,
  'relu-tanh-train': true,
  'relu-tanh-reset': true,
};

/** True when `kind` (as read off a request) names a job. */
export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(KINDS, kind);
}

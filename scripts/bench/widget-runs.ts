/**
 * The training widgets' default runs, as the bench replays them: the job each widget sends, with
 * the parameters its client script builds from the widget's default state, chunk by chunk.
 * Pure, so a unit test holds them to the widgets' own defaults.
 */
import { DEFAULT_LAB_CONFIG } from '../../src/lib/compute/lab/config.ts';
import { defaultState } from '../../src/lib/state/schema.ts';
import { lenetLiveSchema } from '../../src/lib/state/schemas/lenet-live.ts';
import { reluTanhSchema } from '../../src/lib/state/schemas/relu-tanh.ts';
import { skipLabSchema } from '../../src/lib/state/schemas/skip-lab.ts';
import { CHUNK_STEPS as LAB_CHUNK_STEPS } from '../../src/components/skip-lab/plan.ts';
import { CHUNK_STEPS as RELU_TANH_CHUNK_STEPS, reluTanhConfig } from '../../src/components/relu-tanh/plan.ts';
import { TRAIN_CHUNK_STEPS, TRAIN_TEST_COUNT, TRAIN_TOTAL_STEPS } from '../../src/components/lenet-live/plan.ts';
import type { JobParams } from '../../src/lib/compute/jobs/kinds.ts';
import type { BenchWidget } from './report.ts';

/** The training jobs the widgets run in chunks, and the jobs that free their runs. */
export type WidgetJob = 'lab-train' | 'relu-tanh-train' | 'lenet-train';
type WidgetResetJob = 'lab-reset' | 'relu-tanh-reset' | 'lenet-train-reset';

/** One widget's default run: its job, the parameters of a chunk, and the job that frees the run. */
export interface WidgetRun {
  readonly widget: BenchWidget;
  readonly job: WidgetJob;
  readonly resetJob: WidgetResetJob;
  /** The default setting in words, for the README. */
  readonly setting: string;
  /** Steps per chunk, as the widget asks for them. */
  readonly chunkSteps: number;
  /** Steps of the whole default run (the bench times only its first chunks). */
  readonly totalSteps: number;
  /** The first chunk's parameters; later chunks are the same with `resume: true`. */
  readonly firstChunk: JobParams<WidgetJob> & { readonly resume: false };
}

/**
 * The default runs of the skip-connection lab, ReLU vs tanh and LeNet-5 training, with data
 * served from `${origin}/data/` as the widgets fetch it. (LeNet-5's training job loads no
 * weights: it starts from seeded initial weights. Nothing here may import TF.js: this runs in
 * Node, outside the worker.)
 */
export function widgetRuns(origin: string): WidgetRun[] {
  const data = { base: `${origin}/data/` };
  const lab = DEFAULT_LAB_CONFIG;
  const labState = defaultState(skipLabSchema);
  const reluTanh = reluTanhConfig(defaultState(reluTanhSchema));
  const lenet = defaultState(lenetLiveSchema);
  return [
    {
      widget: 'skip-lab',
      job: 'lab-train',
      resetJob: 'lab-reset',
      setting: `plain-${lab.depth}, ResNet-${lab.depth} and plain-${lab.shallowDepth}, width ${lab.width}, batch ${lab.batch}`,
      chunkSteps: LAB_CHUNK_STEPS,
      totalSteps: lab.totalSteps,
      firstChunk: {
        runId: 'bench-lab',
        config: lab,
        data,
        steps: LAB_CHUNK_STEPS,
        resume: false,
        identity: labState.identity,
      },
    },
    {
      widget: 'relu-tanh',
      job: 'relu-tanh-train',
      resetJob: 'relu-tanh-reset',
      setting: `ReLU and tanh nets, width ${reluTanh.width}, batch ${reluTanh.batch}${reluTanh.dropout ? ', dropout' : ''}`,
      chunkSteps: RELU_TANH_CHUNK_STEPS,
      totalSteps: reluTanh.totalSteps,
      firstChunk: {
        runId: 'bench-relu-tanh',
        config: reluTanh,
        data,
        steps: RELU_TANH_CHUNK_STEPS,
        resume: false,
      },
    },
    {
      widget: 'lenet-live',
      job: 'lenet-train',
      resetJob: 'lenet-train-reset',
      setting: `${lenet.model}, the job's default batch, tested on ${TRAIN_TEST_COUNT} digits every ${TRAIN_CHUNK_STEPS} steps`,
      chunkSteps: TRAIN_CHUNK_STEPS,
      totalSteps: TRAIN_TOTAL_STEPS,
      firstChunk: {
        runId: 'bench-lenet',
        model: lenet.model,
        data,
        steps: TRAIN_CHUNK_STEPS,
        resume: false,
        testCount: TRAIN_TEST_COUNT,
      },
    },
  ];
}

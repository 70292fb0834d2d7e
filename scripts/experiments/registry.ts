/** The experiments `npm run experiment` can run, by name. */
import type { SideBySideStep } from '../../src/lib/compute/training/side-by-side.ts';
import type { ExperimentArgs } from './args.ts';
import { DEFAULT_LAB_CONFIG } from '../../src/lib/compute/lab/config.ts';
import { DEFAULT_RELU_TANH_CONFIG } from '../../src/lib/compute/relu-tanh/config.ts';
import { DEFAULT_BATCH_NORM_CONFIG } from '../../src/lib/data/batch-norm-settings.ts';
import { batchNorm } from './batch-norm.ts';
import { degradation } from './degradation.ts';
import { erf } from './erf.ts';
import { gradientFlow } from './gradient-flow.ts';
import { reluTanh } from './relu-tanh.ts';
import { shattering } from './shattering.ts';

/** What a run printed: lines for a reader, and the JSON object's fields (seed and backend among them). */
export interface ExperimentReport {
  readonly text: string;
  readonly json: { readonly seed: number; readonly backend: string } & Record<string, unknown>;
  /** A training experiment's run, step by step, for `npm run record`. */
  readonly recording?: ExperimentRecording;
}

/** What a training experiment trained: its configuration, its networks in order, and every step. */
export interface ExperimentRecording {
  readonly config: Readonly<Record<string, unknown>>;
  readonly nets: readonly string[];
  readonly history: readonly SideBySideStep<string>[];
  readonly verdict: string;
}

/** Runs one experiment; `progress` receives a one-line status now and then. */
export type ExperimentRunner = (args: ExperimentArgs, progress: (line: string) => void) => Promise<ExperimentReport>;

export interface Experiment {
  readonly run: ExperimentRunner;
  /** It trains, so --steps applies; the others measure networks at initialisation. */
  readonly trains: boolean;
  /** Steps of its default run (a training experiment's configuration's totalSteps). */
  readonly defaultSteps?: number;
}

export const EXPERIMENTS: Readonly<Record<string, Experiment>> = {
  degradation: { run: degradation, trains: true, defaultSteps: DEFAULT_LAB_CONFIG.totalSteps },
  'relu-tanh': { run: reluTanh, trains: true, defaultSteps: DEFAULT_RELU_TANH_CONFIG.totalSteps },
  erf: { run: erf, trains: false },
  'gradient-flow': { run: gradientFlow, trains: false },
  shattering: { run: shattering, trains: false },
  'batch-norm': { run: batchNorm, trains: true, defaultSteps: DEFAULT_BATCH_NORM_CONFIG.totalSteps },
};

/** The experiments that train (take --steps). */
export const TRAINING_EXPERIMENTS: readonly string[] = Object.keys(EXPERIMENTS).filter((n) => EXPERIMENTS[n]!.trains);

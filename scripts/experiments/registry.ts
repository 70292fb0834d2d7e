/** The experiments `npm run experiment` can run, by name. */
import type { ExperimentArgs } from './args.ts';
import { degradation } from './degradation.ts';
import { erf } from './erf.ts';
import { gradientFlow } from './gradient-flow.ts';
import { reluTanh } from './relu-tanh.ts';
import { shattering } from './shattering.ts';

/** What a run printed: lines for a reader, and the JSON object's fields (seed and backend among them). */
export interface ExperimentReport {
  readonly text: string;
  readonly json: { readonly seed: number; readonly backend: string } & Record<string, unknown>;
}

/** Runs one experiment; `progress` receives a one-line status now and then. */
export type ExperimentRunner = (args: ExperimentArgs, progress: (line: string) => void) => Promise<ExperimentReport>;

export interface Experiment {
  readonly run: ExperimentRunner;
  /** It trains, so --steps applies; the others measure networks at initialisation. */
  readonly trains: boolean;
}

export const EXPERIMENTS: Readonly<Record<string, Experiment>> = {
  degradation: { run: degradation, trains: true },
  'relu-tanh': { run: reluTanh, trains: true },
  erf: { run: erf, trains: false },
  'gradient-flow': { run: gradientFlow, trains: false },
  shattering: { run: shattering, trains: false },
};

/** The experiments that train (take --steps). */
export const TRAINING_EXPERIMENTS: readonly string[] = Object.keys(EXPERIMENTS).filter((n) => EXPERIMENTS[n]!.trains);

/** The experiments `npm run experiment` can run, by name. */
import type { ExperimentArgs } from './args.ts';
import { degradation } from './degradation.ts';
import { reluTanh } from './relu-tanh.ts';

/** What a run printed: lines for a reader, and the JSON object's fields (seed and backend among them). */
export interface ExperimentReport {
  readonly text: string;
  readonly json: { readonly seed: number; readonly backend: string } & Record<string, unknown>;
}

/** Runs one experiment; `progress` receives a one-line status now and then. */
export type ExperimentRunner = (args: ExperimentArgs, progress: (line: string) => void) => Promise<ExperimentReport>;

export const EXPERIMENTS: Readonly<Record<string, ExperimentRunner>> = { degradation, 'relu-tanh': reluTanh };

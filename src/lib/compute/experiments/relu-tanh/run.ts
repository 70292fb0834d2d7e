/**
 * The ReLU-vs-tanh experiment, run: the widget's two nets trained side by side on the same
 * batches, exactly as its worker trains them, then judged by verdict.ts.
 * `npm run experiment -- relu-tanh` runs it headless.
 */
import type { ReluTanhConfig } from '../../relu-tanh/config.ts';
import { ReluTanhSession, type ReluTanhStep } from '../../relu-tanh/session.ts';
import type { ExampleSource } from '../../training/examples.ts';
import { recordSteps } from '../../training/side-by-side.ts';
import { reluTanhVerdict, type ReluTanhVerdict } from './verdict.ts';

export interface ReluTanhRun extends ReluTanhVerdict {
  readonly steps: number;
  /** The target training error, 0–1. */
  readonly target: number;
  readonly history: readonly ReluTanhStep[];
}

/**
 * Trains both nets of `config` on `train` for `steps` steps (default its totalSteps) and returns
 * the steps each needed to reach `targetError` (0–1). Frees every tensor it made.
 */
export async function runReluTanh(
  config: ReluTanhConfig,
  train: ExampleSource,
  targetError: number,
  options: { readonly steps?: number; readonly onStep?: (step: ReluTanhStep) => void } = {},
): Promise<ReluTanhRun> {
  const steps = options.steps ?? config.totalSteps;
  const session = new ReluTanhSession(config, train);
  try {
    const history = await recordSteps(session, steps, options.onStep);
    return { steps, target: targetError, history, ...reluTanhVerdict(history, targetError) };
  } finally {
    session.dispose();
  }
}

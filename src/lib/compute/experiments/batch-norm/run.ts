/**
 * The batch-norm experiment, run: the widget's two nets (plain, batch norm) trained side by
 * side on the same batches, exactly as its worker trains them, with the held-out checks the
 * widget plots, then judged by verdict.ts. `npm run experiment -- batch-norm` runs it headless.
 */
import type { BatchNormConfig } from '../../batch-norm/config.ts';
import { BatchNormSession, type BatchNormStep } from '../../batch-norm/session.ts';
import type { LabData } from '../../lab/session.ts';
import { recordSteps } from '../../training/side-by-side.ts';
import { batchNormVerdict, type BatchNormVerdict } from './verdict.ts';

export interface BatchNormRun extends BatchNormVerdict {
  readonly steps: number;
  /** Every step's record, in order (every `evalEvery`-th with its check). */
  readonly history: readonly BatchNormStep[];
}

/**
 * Trains both nets of `config` on `data.train` for `steps` steps (default its totalSteps),
 * checking them on `data.test` every `evalEvery` steps, and returns the verdict. Frees every
 * tensor it made.
 */
export async function runBatchNorm(
  config: BatchNormConfig,
  data: LabData,
  options: { readonly steps?: number; readonly onStep?: (step: BatchNormStep) => void } = {},
): Promise<BatchNormRun> {
  const steps = options.steps ?? config.totalSteps;
  const session = new BatchNormSession(config, data);
  try {
    const history = await recordSteps(session, steps, options.onStep);
    return { steps, history, ...batchNormVerdict(history) };
  } finally {
    session.dispose();
  }
}

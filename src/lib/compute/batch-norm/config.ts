/**
 * The batch-norm experiment (Ioffe & Szegedy 2015 §4.1, Fig. 1): one fully connected sigmoid
 * net trained twice side by side, once plain and once with batch norm before each sigmoid,
 * from the same seed, on the same batches. Validated here, so a bad configuration fails with a
 * message before any tensor exists. The settings are data (src/lib/data/batch-norm-settings.ts).
 */
import { inRange } from '../lab/config.ts';
import type { BatchNormConfig } from '../../data/batch-norm-settings.ts';

export {
  BATCH_NORM_NETS,
  DEFAULT_BATCH_NORM_CONFIG,
  type BatchNormConfig,
  type BatchNormNet,
} from '../../data/batch-norm-settings.ts';

/** Every problem with `config`, as messages a reader can act on; empty when it is valid. */
export function batchNormConfigProblems(config: BatchNormConfig): string[] {
  return [
    ...inRange('depth', config.depth, 1, 6, true),
    ...inRange('width', config.width, 8, 256, true),
    ...inRange('batch', config.batch, 2, 256, true),
    ...inRange('learning rate', config.learningRate, 1e-5, 10, false),
    ...inRange('total steps', config.totalSteps, 1, 100_000, true),
    ...inRange('evaluation interval', config.evalEvery, 1, 1000, true),
    ...inRange('seed', config.seed, 0, 2 ** 31 - 1, true),
  ];
}

/** Throws one Error listing every problem of `config`. */
export function assertBatchNormConfig(config: BatchNormConfig): void {
  const problems = batchNormConfigProblems(config);
  if (problems.length > 0) throw new Error(`invalid batch-norm configuration: ${problems.join('; ')}`);
}

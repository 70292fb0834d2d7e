/**
 * The batch-norm experiment's run settings as the site ships them (Ioffe & Szegedy 2015 §4.1):
 * the two networks, the fields of a run and the default one. Plain data, so the URL schema, the
 * engine and the headless experiment read the same defaults; the engine validates them
 * (src/lib/compute/batch-norm/config.ts).
 */

/** The two networks of a run: the same layers, one with batch norm before each sigmoid. */
export const BATCH_NORM_NETS = ['plain', 'bn'] as const;
export type BatchNormNet = (typeof BATCH_NORM_NETS)[number];

export interface BatchNormConfig {
  /** Hidden fully connected layers, 1…6. */
  readonly depth: number;
  /** Units per hidden layer, 8…256. */
  readonly width: number;
  /** Examples per step, 2…256. */
  readonly batch: number;
  /** Learning rate η of plain SGD, (0, 10]. */
  readonly learningRate: number;
  /** Length of the run, 1…100,000. */
  readonly totalSteps: number;
  /** Steps between two evaluations on the held-out digits, 1…1,000. */
  readonly evalEvery: number;
  /** Seed of the weights (both nets share them) and of the batch order. */
  readonly seed: number;
}

/**
 * Ioffe & Szegedy §4.1's MNIST network (three hidden layers of 100 sigmoid units), trained
 * with plain SGD. The step budget and η are chosen in docs/experiments/batch-norm.md.
 */
export const DEFAULT_BATCH_NORM_CONFIG: BatchNormConfig = {
  depth: 3,
  width: 100,
  batch: 60,
  learningRate: 0.5,
  totalSteps: 600,
  evalEvery: 20,
  seed: 1,
};

/**
 * Held-out digits each check evaluates (from the split's test digits): 960 divides into whole
 * batches of every power of two up to 64 and of 60, so train mode sees no short last batch.
 */
export const BATCH_NORM_TEST_COUNT = 960;

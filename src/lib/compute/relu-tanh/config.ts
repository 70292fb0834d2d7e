/**
 * The ReLU-vs-tanh experiment (Krizhevsky et al. 2012 §3.1, Fig. 1): one small convolutional
 * net trained twice side by side, once with ReLU and once with tanh units, from the same
 * seed, on the same batches, with the same optimiser. Validated here, so a bad configuration
 * fails with a message before any tensor exists.
 */
import type { InitScheme } from '../init.ts';
import { inRange } from '../lab/config.ts';

/** The two networks of a run: the same layers, only the non-linearity (and its init) differs. */
export const RELU_TANH_NETS = ['relu', 'tanh'] as const;
export type ReluTanhNet = (typeof RELU_TANH_NETS)[number];

/**
 * Each net starts from the initialisation made for its units, drawn from the same seed: He for
 * ReLU, Glorot for tanh. One init for both would handicap one of them (Glorot shrinks a ReLU
 * net's signal by √2 per layer; He drives tanh units into saturation), which is not what Fig. 1
 * is about.
 */
export const RELU_TANH_INIT: Readonly<Record<ReluTanhNet, InitScheme>> = { relu: 'he', tanh: 'glorot' };

/** Dropout probability when dropout is on: AlexNet's 0.5 (Krizhevsky et al. 2012 §4.2). */
export const DROPOUT_RATE = 0.5;

export interface ReluTanhConfig {
  /** Channels of the first conv (the second has twice as many), 2…32. */
  readonly width: number;
  /** Examples per step, 2…128. */
  readonly batch: number;
  /** Learning rate η, (0, 1]. */
  readonly learningRate: number;
  /** Momentum μ, [0, 1). */
  readonly momentum: number;
  /** Dropout (rate {@link DROPOUT_RATE}) before each fully connected layer, in both nets. */
  readonly dropout: boolean;
  /** Length of the run, 1…100,000. */
  readonly totalSteps: number;
  /** Seed of the weights (both nets share them), the batch order and the dropout masks. */
  readonly seed: number;
}

/**
 * Momentum SGD as AlexNet trained (μ 0.9). η is small, 0.001: the search in
 * docs/experiments/relu-tanh.md found that the smaller η is, the more tanh lags (at η 0.01 the
 * two nets reach 10% error within 1.1–1.3× of each other; at 0.001 tanh needs 2–3.6× ReLU's
 * steps), and 600 steps let ReLU get there with room to spare.
 */
export const DEFAULT_RELU_TANH_CONFIG: ReluTanhConfig = {
  width: 8,
  batch: 32,
  learningRate: 0.001,
  momentum: 0.9,
  dropout: false,
  totalSteps: 600,
  seed: 1,
};

/** Every problem with `config`, as messages a reader can act on; empty when it is valid. */
export function reluTanhConfigProblems(config: ReluTanhConfig): string[] {
  return [
    ...inRange('width', config.width, 2, 32, true),
    ...inRange('batch', config.batch, 2, 128, true),
    ...inRange('learning rate', config.learningRate, 1e-5, 1, false),
    ...inRange('momentum', config.momentum, 0, 0.99, false),
    ...inRange('total steps', config.totalSteps, 1, 100_000, true),
    ...inRange('seed', config.seed, 0, 2 ** 31 - 1, true),
    ...(typeof config.dropout === 'boolean' ? [] : [`dropout must be true or false, got ${String(config.dropout)}`]),
  ];
}

/** Throws one Error listing every problem of `config`. */
export function assertReluTanhConfig(config: ReluTanhConfig): void {
  const problems = reluTanhConfigProblems(config);
  if (problems.length > 0) throw new Error(`invalid ReLU-vs-tanh configuration: ${problems.join('; ')}`);
}

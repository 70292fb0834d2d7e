/**
 * The ReLU-vs-tanh experiment's run settings as the site ships them (Krizhevsky et al. 2012
 * §3.1, Fig. 1): the two networks, the fields of a run and the default one. Plain data, so the
 * URL schema, the engine and the headless experiment read the same defaults; the engine
 * validates them (src/lib/compute/relu-tanh/config.ts).
 */

/** The two networks of a run: the same layers, only the non-linearity (and its init) differs. */
export const RELU_TANH_NETS = ['relu', 'tanh'] as const;
export type ReluTanhNet = (typeof RELU_TANH_NETS)[number];

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
 * two nets reach 10% error within 1.1–1.3× of each other; at 0.001 tanh needs about 2–3.6× ReLU's
 * steps), and 600 steps let ReLU get there with room to spare. Width 16, not 8: at width 8 the
 * ratio ranged 1.7–3.6× over seeds and fell below 2 at seed 41; at 16 it held 2.15–4.4× at
 * fifteen seeds, for twice the cost of a step (about 9 steps a second on WASM here, so the
 * verdict shows within about 50 s).
 */
export const DEFAULT_RELU_TANH_CONFIG: ReluTanhConfig = {
  width: 16,
  batch: 32,
  learningRate: 0.001,
  momentum: 0.9,
  dropout: false,
  totalSteps: 600,
  seed: 1,
};

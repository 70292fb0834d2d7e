/**
 * The skip-connection lab's run settings as the site ships them: which three networks train side
 * by side (a plain net, its residual twin and a shallower plain baseline, He et al. 2016 Fig. 1
 * and §4.2), the shared optimiser's fields, and the default run. Plain data, so the URL schema,
 * the engine and the headless experiment all read the same defaults; the engine validates them
 * (src/lib/compute/lab/config.ts).
 */

/** The networks of a run: the deep plain net, its residual twin and the shallow plain baseline. */
export const LAB_NETS = ['shallow', 'plain', 'residual'] as const;
export type LabNet = (typeof LAB_NETS)[number];

/** Learning-rate schedules: constant η; ÷10 at 50% and 75% of the run (He et al. §4.2); cosine. */
export const LAB_SCHEDULES = ['constant', 'step', 'cosine'] as const;
export type LabSchedule = (typeof LAB_SCHEDULES)[number];

/** Depths the lab offers: 6n + 2 (three stages of n basic blocks, as the CIFAR ResNets). */
export const LAB_MIN_DEPTH = 8;
export const LAB_MAX_DEPTH = 56;

export interface LabConfig {
  /** Weight layers of the plain and residual nets, 6n + 2 in 8…56. */
  readonly depth: number;
  /** Weight layers of the shallow plain baseline, 6n + 2, less than `depth`. */
  readonly shallowDepth: number;
  /** Channels of the first stage (doubled per stage), 2…16. */
  readonly width: number;
  /** Examples per step, 2…128. */
  readonly batch: number;
  /** Peak learning rate η, (0, 1]. */
  readonly learningRate: number;
  /** Momentum μ, [0, 1). */
  readonly momentum: number;
  /** L2 weight decay λ, [0, 0.01]. */
  readonly weightDecay: number;
  readonly schedule: LabSchedule;
  /**
   * Steps over which η rises linearly to its peak before the schedule takes over (Goyal et al.
   * 2017 §2.2; He et al. 2016 §4.2 warm up ResNet-110 at 0.01), 0 for none; less than totalSteps.
   */
  readonly warmupSteps: number;
  /** Steps the schedule spans (training may stop earlier), 1…100,000. */
  readonly totalSteps: number;
  /** Seed of the weights (the three nets share it) and of the batch order. */
  readonly seed: number;
}

/**
 * The paper's depths, plain-56 and ResNet-56 against plain-20 (He et al. 2016 Figs. 1 and 6), in
 * miniature so the degradation problem shows in about a minute of WASM training on a 2-core
 * machine: width 4, batch 24, 150 steps, η 0.02 with He et al.'s momentum 0.9 and weight decay 1e-4.
 * (At batch 16, and at η 0.05 or 0.1, ResNet-56 sometimes ended behind plain-20.) Found by the search
 * in docs/experiments/degradation.md, where every configuration tried and its measured gaps are.
 */
export const DEFAULT_LAB_CONFIG: LabConfig = {
  depth: 56,
  shallowDepth: 20,
  width: 4,
  batch: 24,
  learningRate: 0.02,
  momentum: 0.9,
  weightDecay: 1e-4,
  schedule: 'constant',
  warmupSteps: 0,
  totalSteps: 150,
  seed: 1,
};

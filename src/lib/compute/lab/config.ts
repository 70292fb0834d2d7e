/**
 * The skip-connection lab's training run: which three networks train side by side (a plain
 * net, its residual twin and a shallower plain baseline, He et al. 2016 Fig. 1 and §4.2) and
 * the optimiser they share. Validated here, so a bad configuration fails with a message
 * before any tensor exists.
 */
import { cosineLearningRate } from '../training/schedule.ts';

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

function isDepth(value: number): boolean {
  return Number.isInteger(value) && value >= LAB_MIN_DEPTH && value <= LAB_MAX_DEPTH && (value - 2) % 6 === 0;
}

/** A message when `value` is not in low…high (or not whole when `integer`); none when it is. */
export function inRange(name: string, value: number, low: number, high: number, integer: boolean): string[] {
  const ok = Number.isFinite(value) && value >= low && value <= high && (!integer || Number.isInteger(value));
  return ok ? [] : [`${name} must be ${integer ? 'a whole number ' : ''}in ${low}…${high}, got ${String(value)}`];
}

/** Every problem with `config`, as messages a reader can act on; empty when it is valid. */
export function labConfigProblems(config: LabConfig): string[] {
  const problems: string[] = [];
  if (!isDepth(config.depth)) {
    problems.push(`depth must be 6n + 2 in ${LAB_MIN_DEPTH}…${LAB_MAX_DEPTH} (8, 14, 20, …), got ${config.depth}`);
  }
  if (!isDepth(config.shallowDepth) || config.shallowDepth >= config.depth) {
    problems.push(`the shallow baseline must be 6n + 2 and shallower than ${config.depth}, got ${config.shallowDepth}`);
  }
  problems.push(
    ...inRange('width', config.width, 2, 16, true),
    ...inRange('batch', config.batch, 2, 128, true),
    ...inRange('learning rate', config.learningRate, 1e-5, 1, false),
    ...inRange('momentum', config.momentum, 0, 0.99, false),
    ...inRange('weight decay', config.weightDecay, 0, 0.01, false),
    ...inRange('total steps', config.totalSteps, 1, 100_000, true),
    ...inRange('warm-up steps', config.warmupSteps, 0, Math.max(0, config.totalSteps - 1), true),
    ...inRange('seed', config.seed, 0, 2 ** 31 - 1, true),
  );
  if (!LAB_SCHEDULES.includes(config.schedule)) problems.push(`unknown schedule "${String(config.schedule)}"`);
  return problems;
}

/** Throws one Error listing every problem of `config`. */
export function assertLabConfig(config: LabConfig): void {
  const problems = labConfigProblems(config);
  if (problems.length > 0) throw new Error(`invalid lab configuration: ${problems.join('; ')}`);
}

/** η at `step` (0-based): the linear warm-up, then the run's schedule. */
export function labLearningRate(config: LabConfig, step: number): number {
  const { learningRate: peak, totalSteps, warmupSteps } = config;
  if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  switch (config.schedule) {
    case 'constant':
      return peak;
    case 'step':
      return peak / 10 ** ((step >= totalSteps * 0.5 ? 1 : 0) + (step >= totalSteps * 0.75 ? 1 : 0));
    case 'cosine':
      return cosineLearningRate({ peak, warmupSteps, totalSteps }, step);
  }
}

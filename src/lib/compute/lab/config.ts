/**
 * The skip-connection lab's training run, validated (so a bad configuration fails with a
 * message before any tensor exists), and its learning-rate schedule. The settings themselves,
 * with the default run, are data (src/lib/data/lab-settings.ts), re-exported here.
 */
import { cosineLearningRate } from '../training/schedule.ts';

export {
  DEFAULT_LAB_CONFIG,
  LAB_MAX_DEPTH,
  LAB_MIN_DEPTH,
  LAB_NETS,
  LAB_SCHEDULES,
  type LabConfig,
  type LabNet,
  type LabSchedule,
} from '../../data/lab-settings.ts';
import { LAB_MAX_DEPTH, LAB_MIN_DEPTH, LAB_SCHEDULES, type LabConfig } from '../../data/lab-settings.ts';

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

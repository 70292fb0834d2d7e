/**
 * What the explorer asks the worker for and what it keeps of the answer. The growth chart does
 * not depend on the chosen unit, so a job for a new unit reuses the last chart and measures the
 * unit alone. Pure: rf-job.ts runs the job.
 */
import type { ErfParams, ErfResult, ErfTargetResult } from '../../lib/compute/jobs/erf.ts';
import type { RfExplorerState } from '../../lib/state/rf-explorer.ts';
import { erfParamsFor, type NetKey, type NetPlan } from './nets.ts';

/** A finished result and the state (without the unit) it was computed for. */
export interface RfMeasurement {
  /** chartKey() of that state. */
  readonly key: string;
  readonly result: ErfResult;
  /** Each network's target (its chart probes), by network. */
  readonly chart: ReadonlyMap<NetKey, ErfTargetResult>;
}

/** Everything that determines the growth chart, as a string: the state without the unit. */
export function chartKey(state: RfExplorerState): string {
  const { unitY: _y, unitX: _x, ...rest } = state;
  return JSON.stringify(rest);
}

/** `last` if its chart belongs to `state` (the same state but for the unit), else null. */
export function chartOf(last: RfMeasurement | null, state: RfExplorerState): RfMeasurement | null {
  return last?.key === chartKey(state) ? last : null;
}

/** One 'erf' job for the explorer. */
export interface RfJob {
  readonly params: ErfParams;
  /** True when the last measurement holds this state's chart: the job measures the units only (no probes). */
  readonly reusesChart: boolean;
}

/** The job that measures `state` (networks `plans`), given the last finished measurement. */
export function rfJob(state: RfExplorerState, plans: readonly NetPlan[], last: RfMeasurement | null): RfJob {
  const reusesChart = chartOf(last, state) !== null;
  const params = erfParamsFor(state, plans);
  return {
    reusesChart,
    params: reusesChart ? { ...params, targets: params.targets.map((tg) => ({ ...tg, probes: [] })) } : params,
  };
}

/** The measurement `result` of the job for `state` (networks `plans`) that measured the chart too. */
export function measurement(state: RfExplorerState, plans: readonly NetPlan[], result: ErfResult): RfMeasurement {
  return { key: chartKey(state), result, chart: new Map(plans.map((p, i) => [p.key, result.targets[i]!])) };
}

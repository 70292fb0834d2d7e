/** What the explorer asks the worker for, and what it keeps: the chart is measured once per state but for the unit. */
import { describe, expect, test } from 'vitest';
import type { ErfResult } from '../../../src/lib/compute/jobs/erf.ts';
import { erfParamsFor, explorerNets } from '../../../src/components/rf-explorer/nets.ts';
import { chartKey, chartOf, measurement, rfJob } from '../../../src/components/rf-explorer/rf-measurement.ts';
import { DEFAULT_RF_STATE, type RfExplorerState } from '../../../src/lib/state/rf-explorer.ts';

const at = (overrides: Partial<RfExplorerState>): RfExplorerState => ({ ...DEFAULT_RF_STATE, ...overrides });
const plans = explorerNets(DEFAULT_RF_STATE);
/** A finished result as the job returns it: what these tests read is which target is which. */
const resultOf = (tag: string): ErfResult =>
  ({
    height: 48,
    width: 48,
    inits: 1,
    targets: plans.map((p) => ({ modelId: `${tag}-${p.key}` })),
  }) as unknown as ErfResult;

describe('chartKey and chartOf', () => {
  test('the chart key ignores the unit and nothing else', () => {
    expect(chartKey(at({ unitY: 0, unitX: 3 }))).toBe(chartKey(DEFAULT_RF_STATE));
    expect(chartKey(at({ kernel: 5 }))).not.toBe(chartKey(DEFAULT_RF_STATE));
    expect(chartKey(at({ inits: 5 }))).not.toBe(chartKey(DEFAULT_RF_STATE));
  });

  test('chartOf gives the last measurement only for its own state (any unit)', () => {
    const last = measurement(DEFAULT_RF_STATE, plans, resultOf('a'));
    expect(chartOf(last, at({ unitX: 0 }))).toBe(last);
    expect(chartOf(last, at({ depth: 11 }))).toBeNull();
    expect(chartOf(null, DEFAULT_RF_STATE)).toBeNull();
  });
});

describe('rfJob and measurement', () => {
  test('the first job measures the units and the chart probes: erfParamsFor as it is', () => {
    const job = rfJob(DEFAULT_RF_STATE, plans, null);
    expect(job.reusesChart).toBe(false);
    expect(job.params).toEqual(erfParamsFor(DEFAULT_RF_STATE, plans));
    expect(job.params.targets.every((t) => (t.probes?.length ?? 0) > 0)).toBe(true);
  });

  test('a measurement holds each network’s target by key, under the state’s chart key', () => {
    const last = measurement(DEFAULT_RF_STATE, plans, resultOf('chart'));
    expect(last.key).toBe(chartKey(DEFAULT_RF_STATE));
    expect(last.chart.get('plain')).toMatchObject({ modelId: 'chart-plain' });
    expect(last.chart.get('residual')).toMatchObject({ modelId: 'chart-residual' });
  });

  test('a new unit in the same state reuses the chart: the job asks for the units alone', () => {
    const last = measurement(DEFAULT_RF_STATE, plans, resultOf('chart'));
    const moved = at({ unitY: 3, unitX: 40 });
    const job = rfJob(moved, plans, last);
    expect(job.reusesChart).toBe(true);
    expect(job.params.targets.map((t) => t.probes)).toEqual([[], []]);
    expect(job.params.targets.map((t) => t.unit)).toEqual(erfParamsFor(moved, plans).targets.map((t) => t.unit));
  });

  test('another state measures the chart again', () => {
    const last = measurement(DEFAULT_RF_STATE, plans, resultOf('a'));
    const job = rfJob(at({ inits: 2 }), plans, last);
    expect(job.reusesChart).toBe(false);
    expect(job.params).toEqual(erfParamsFor(at({ inits: 2 }), plans));
  });
});

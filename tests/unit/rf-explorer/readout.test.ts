/**
 * rfReadout: the explorer's figure as data, from a real 'erf' job run on the CPU backend (the
 * same job the widget's worker runs), before and after the result.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { ErfResult } from '../../../src/lib/compute/jobs/erf.ts';
import { chartLayers, unitLayer } from '../../../src/components/rf-explorer/nets.ts';
import { chartOf, measurement, rfJob, type RfMeasurement } from '../../../src/components/rf-explorer/rf-measurement.ts';
import { rfReadout } from '../../../src/components/rf-explorer/rf-readout.ts';
import { reduceRf } from '../../../src/components/rf-explorer/rf-reducer.ts';
import { rfExplorer as t } from '../../../src/i18n/en/rf-explorer.ts';
import { DEFAULT_RF_STATE } from '../../../src/lib/state/rf-explorer.ts';
import { runErf, useCpu } from '../erf/helpers.ts';

// Uniform weights on the pattern: one pass, every unit alive, the fields exact.
const model = reduceRf({ ...DEFAULT_RF_STATE, depth: 5 }, {});
let result: ErfResult;
let chart: RfMeasurement;

beforeAll(async () => {
  await useCpu();
  const job = rfJob(model.state, model.plans, null);
  result = await runErf(job.params);
  chart = measurement(model.state, model.plans, result);
});

describe('rfReadout', () => {
  test('before any result: theoretical boxes, blank heat, dashes for what is not measured', () => {
    const readout = rfReadout(model, { maps: [], result: null }, null, t);
    expect(readout.maps).toHaveLength(2);
    for (const [i, map] of readout.maps.entries()) {
      const size = unitLayer(model.plans[i]!).field.size[0];
      expect(map.effective).toBeNull();
      expect(map.field.bottom - map.field.top + 1).toBe(size);
      expect(map.label).toContain(t.notMeasured);
      expect(map.imageHref).toMatch(/^data:image\/bmp;base64,/);
      expect(readout.stats[i]).toBe(`${t.columns.theoretical}: ${size} · ${t.columns.effective}: — · σ: —`);
    }
    expect(readout.series.map((s) => s.points.every((p) => p.effective === null))).toEqual([true, true]);
    expect(readout.reference).toBeNull();
    expect(readout.slope).toBe('');
    expect(readout.layerRows).toHaveLength(model.plans.reduce((n, p) => n + chartLayers(p).length, 0));
    expect(readout.layerRows.every((row) => row.slice(4).every((cell) => cell === '—'))).toBe(true);
    expect(readout.unitRows.map((row) => row.slice(0, 3))).toEqual([
      ['plain', 'features.9', '(24, 24)'],
      ['residual', 'stage1.block1.relu2', '(24, 24)'],
    ]);
    expect(readout.dead).toBeNull();
  });

  test('with the result: effective sizes under the maps, in the tables and on the chart, a √n reference and slopes', () => {
    const readout = rfReadout(model, { maps: [], result }, chartOf(chart, model.state), t);
    result.targets.forEach((target, i) => {
      const { size, sigmaRms, support } = target.unit.stats;
      expect(readout.maps[i]!.effective).toEqual({ centre: [24, 24], size });
      expect(readout.stats[i]).toContain(`${t.columns.effective}: ${size.toFixed(1)} · σ: ${sigmaRms.toFixed(2)}`);
      expect(readout.unitRows[i]!.slice(4)).toEqual([
        size.toFixed(1),
        sigmaRms.toFixed(2),
        `${support!.bottom - support!.top + 1}×${support!.right - support!.left + 1}`,
      ]);
    });
    // Uniform weights: the gradient reaches exactly the theoretical field of every probe.
    for (const row of readout.layerRows) expect(row[6]).toBe(`${row[3]}×${row[3]}`);
    expect(readout.series.flatMap((s) => s.points).every((p) => p.effective !== null)).toBe(true);
    expect(readout.reference).toBeGreaterThan(0);
    expect(readout.slope).toMatch(/^plain: σ ∝ depth\^0\.\d\d · residual: σ ∝ depth\^0\.\d\d$/);
    expect(readout.dead).toEqual([]);
  });

  test('a new unit keeps the chart of its state but has no unit result until its job ends', () => {
    const moved = reduceRf(model.state, { unitY: 3, unitX: 3 });
    const readout = rfReadout(moved, { maps: [], result: null }, chartOf(chart, moved.state), t);
    expect(readout.maps.every((m) => m.effective === null)).toBe(true);
    expect(readout.series.flatMap((s) => s.points).every((p) => p.effective !== null)).toBe(true);
    expect(readout.slope).not.toBe('');
    expect(readout.unitRows.map((row) => row[2])).toEqual(['(3, 3)', '(3, 3)']);
  });

  test('maps streamed before the result colour the image but measure nothing', () => {
    const blank = rfReadout(model, { maps: [], result: null }, null, t);
    const streamed = rfReadout(model, { maps: result.targets.map((x) => x.map), result: null }, null, t);
    expect(streamed.maps[0]!.imageHref).not.toBe(blank.maps[0]!.imageHref);
    expect(streamed.maps[0]!.effective).toBeNull();
    expect(streamed.stats).toEqual(blank.stats);
  });

  test('a unit no gradient reaches (random weights, a dead ReLU) gets a notice and no effective square', async () => {
    // Seeded: with this He initialisation the centre unit of the 3-conv plain net is dead.
    const dead = reduceRf({ ...DEFAULT_RF_STATE, init: 'he', inits: 1, depth: 3, nets: 'plain' }, {});
    const job = rfJob(dead.state, dead.plans, null);
    const deadResult = await runErf(job.params);
    expect(deadResult.targets[0]!.unit.stats.mass).toBe(0);
    const readout = rfReadout(
      dead,
      { maps: [], result: deadResult },
      measurement(dead.state, dead.plans, deadResult),
      t,
    );
    expect(readout.dead).toEqual([t.deadUnit(t.netNames.plain)]);
    expect(readout.maps[0]!.effective).toBeNull();
  });
});

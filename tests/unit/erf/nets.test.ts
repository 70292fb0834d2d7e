import { describe, expect, test } from 'vitest';
import {
  CHART_POINTS,
  chartLayers,
  convDepths,
  erfParamsFor,
  explorerNets,
  fieldCentre,
  netPlan,
  unitAt,
  unitLayer,
} from '../../../src/components/rf-explorer/nets.ts';
import { DEFAULT_RF_STATE, depthOptions, type RfExplorerState } from '../../../src/lib/state/rf-explorer.ts';

const at = (overrides: Partial<RfExplorerState>): RfExplorerState => ({ ...DEFAULT_RF_STATE, ...overrides });

describe("explorer networks from the zoo's families", () => {
  test.each(depthOptions(false))(
    'stride 1, depth %i: both nets end with that many convs and a (k − 1)·depth + 1 field',
    (depth) => {
      for (const kernel of [3, 5, 7] as const) {
        for (const plan of explorerNets(at({ depth, kernel }))) {
          const last = unitLayer(plan);
          expect(last.depth).toBe(depth);
          expect(last.field.size).toEqual([(kernel - 1) * depth + 1, (kernel - 1) * depth + 1]);
          expect(last.grid).toEqual([48, 48]);
        }
      }
    },
  );

  test.each(depthOptions(true))(
    'downsampled, depth %i: residual 6n + 1 convs, plain 6n, both on a 12×12 grid',
    (depth) => {
      const [plain, residual] = explorerNets(at({ depth, downsample: true }));
      expect(unitLayer(residual!).depth).toBe(depth);
      expect(residual!.blocks).toBe((depth - 1) / 2);
      expect(unitLayer(plain!).depth).toBe(depth - 1);
      expect(unitLayer(plain!).grid).toEqual([12, 12]);
      expect(unitLayer(residual!).grid).toEqual([12, 12]);
      expect(unitLayer(residual!).field.jump).toEqual([4, 4]);
    },
  );

  test('measured layers: every conv activation of the plain net, the stem and each block output of the residual one', () => {
    const state = at({ depth: 7 });
    expect(netPlan('plain', state).layers.map((l) => l.depth)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(netPlan('residual', state).layers.map((l) => [l.layerId, l.depth])).toEqual([
      ['stem.act', 1],
      ['stage1.block0.relu2', 3],
      ['stage1.block1.relu2', 5],
      ['stage1.block2.relu2', 7],
    ]);
  });

  test('convDepths counts convolutions on the longest path (the shortcut does not shorten it)', () => {
    const plan = netPlan('residual', at({ depth: 5 }));
    const depths = convDepths(plan.analysis);
    expect(depths.get('stage1.block0.add')).toBe(3);
    expect(depths.get('stage1.block1.relu1')).toBe(4);
  });

  test('nets picks which networks are shown', () => {
    expect(explorerNets(at({ nets: 'both' })).map((p) => p.key)).toEqual(['plain', 'residual']);
    expect(explorerNets(at({ nets: 'plain' })).map((p) => p.key)).toEqual(['plain']);
    expect(explorerNets(at({ nets: 'residual' })).map((p) => p.key)).toEqual(['residual']);
  });

  test('unitAt and fieldCentre: the unit whose field centre is nearest, round trip on every unit', () => {
    for (const downsample of [false, true]) {
      for (const plan of explorerNets(at({ downsample, depth: 7 }))) {
        const layer = unitLayer(plan);
        for (let y = 0; y < layer.grid[0]; y++) {
          const centre = fieldCentre(layer, [y, 0]);
          expect(unitAt(layer, [Math.round(centre[0]), Math.round(centre[1])])).toEqual([y, 0]);
        }
        expect(unitAt(layer, [-100, 1000])).toEqual([0, layer.grid[1] - 1]);
      }
    }
  });

  test('chartLayers spreads up to CHART_POINTS layers over the depth, first and last included', () => {
    const plan = netPlan('plain', at({ depth: 63 }));
    const layers = chartLayers(plan);
    expect(layers).toHaveLength(CHART_POINTS);
    expect(layers[0]!.depth).toBe(1);
    expect(layers.at(-1)!.depth).toBe(63);
    expect(chartLayers(netPlan('residual', at({ depth: 5 })))).toHaveLength(3);
  });

  test('erfParamsFor: one target per net, the reader’s unit in the last layer, centre units as probes', () => {
    const state = at({ unitY: 0, unitX: 47, inits: 5, init: 'uniform', input: 'noise' });
    const params = erfParamsFor(state, explorerNets(state));
    expect(params).toMatchObject({ init: 'uniform', inits: 5, input: 'noise', seed: 0, inputSeed: 1 });
    expect(params.targets.map((t) => t.unit)).toEqual([
      { layerId: 'features.17', y: 0, x: 47 },
      { layerId: 'stage1.block3.relu2', y: 0, x: 47 },
    ]);
    expect(params.targets[1]!.probes!.every((p) => p.y === 24 && p.x === 24)).toBe(true);
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
  });
});

/** The explorer's state reducer: changes in, the next model out (no DOM). */
import { describe, expect, test } from 'vitest';
import { unitLayer } from '../../../src/components/rf-explorer/nets.ts';
import { chosenUnit, controlChange, reduceRf, unitStep } from '../../../src/components/rf-explorer/rf-reducer.ts';
import { ARROW_MOVES } from '../../../src/components/widget/arrow-moves.ts';
import {
  DEFAULT_RF_STATE,
  depthOptions,
  RF_INPUT_SIDE,
  type RfExplorerState,
} from '../../../src/lib/state/rf-explorer.ts';

const at = (overrides: Partial<RfExplorerState>): RfExplorerState => ({ ...DEFAULT_RF_STATE, ...overrides });

describe('reduceRf', () => {
  test('no change: the same state, unchanged, with both networks and a domain holding the image', () => {
    const model = reduceRf(DEFAULT_RF_STATE, {});
    expect(model).toMatchObject({ state: DEFAULT_RF_STATE, changed: false, notices: [], failure: null });
    expect(model.plans.map((p) => p.key)).toEqual(['plain', 'residual']);
    expect(model.domain.lo).toBeLessThanOrEqual(-0.5);
    expect(model.domain.hi).toBeGreaterThanOrEqual(RF_INPUT_SIDE - 0.5);
  });

  test('a change is merged and validated; the networks follow it', () => {
    const model = reduceRf(DEFAULT_RF_STATE, { depth: 13, nets: 'residual' });
    expect(model.changed).toBe(true);
    expect(model.state).toEqual(at({ depth: 13, nets: 'residual' }));
    expect(model.plans.map((p) => p.key)).toEqual(['residual']);
    expect(unitLayer(model.plans[0]!).depth).toBe(13);
  });

  test('turning downsampling on or off keeps the offered depth nearest the current one', () => {
    const on = reduceRf(at({ depth: 11 }), { downsample: true });
    expect(on.state).toMatchObject({ downsample: true, depth: 13 });
    expect(on.notices).toEqual([]);
    expect(reduceRf(on.state, { downsample: false }).state.depth).toBe(13);
    // A depth given with the toggle is taken as given (and snapped only if it is not offered).
    expect(reduceRf(at({ depth: 11 }), { downsample: true, depth: 7 }).state.depth).toBe(7);
  });

  test('an invalid value is replaced, with a notice naming the field, what was given and what is used', () => {
    const model = reduceRf(DEFAULT_RF_STATE, { inits: 99 });
    expect(model.state.inits).toBe(32);
    expect(model.notices).toEqual([{ field: 'inits', given: 99, used: 32 }]);
    expect(model.changed).toBe(true);
  });

  test('a change to the unit alone keeps the networks and moves the domain only as far as the new field needs', () => {
    const centre = reduceRf(DEFAULT_RF_STATE, {});
    const corner = reduceRf(DEFAULT_RF_STATE, { unitY: 0, unitX: 0 });
    expect(corner.plans.map((p) => unitLayer(p).layerId)).toEqual(centre.plans.map((p) => unitLayer(p).layerId));
    expect(corner.domain.lo).toBeLessThan(centre.domain.lo);
  });
});

describe('controlChange', () => {
  test('the depth slider holds an index into the offered depths; an unknown index keeps the depth', () => {
    expect(controlChange(DEFAULT_RF_STATE, 'depth', '0')).toEqual({ depth: depthOptions(false)[0] });
    expect(controlChange(at({ downsample: true, depth: 7 }), 'depth', '2')).toEqual({ depth: 19 });
    expect(controlChange(DEFAULT_RF_STATE, 'depth', '999')).toEqual({ depth: DEFAULT_RF_STATE.depth });
  });

  test('inits and kernel are numbers, the selects’ words stay words, the checkbox a boolean', () => {
    expect(controlChange(DEFAULT_RF_STATE, 'inits', '7')).toEqual({ inits: 7 });
    expect(controlChange(DEFAULT_RF_STATE, 'kernel', '5')).toEqual({ kernel: 5 });
    expect(controlChange(DEFAULT_RF_STATE, 'init', 'he')).toEqual({ init: 'he' });
    expect(controlChange(DEFAULT_RF_STATE, 'nets', 'plain')).toEqual({ nets: 'plain' });
    expect(controlChange(DEFAULT_RF_STATE, 'downsample', true)).toEqual({ downsample: true });
  });
});

describe('unitStep', () => {
  test('stride 1: an arrow moves the unit one pixel, and the change picks exactly that unit', () => {
    const model = reduceRf(DEFAULT_RF_STATE, {});
    const plan = model.plans[0]!;
    const { unit, change } = unitStep(plan, model.state, ARROW_MOVES['ArrowRight']!);
    expect(unit).toEqual([24, 25]);
    expect(change).toEqual({ unitY: 24, unitX: 25 });
    expect(chosenUnit(plan, reduceRf(model.state, change).state).unit).toEqual(unit);
  });

  test('downsampled: an arrow moves one unit of the 12×12 grid, four input pixels', () => {
    const model = reduceRf(at({ downsample: true, depth: 7 }), {});
    const plan = model.plans[1]!;
    const before = chosenUnit(plan, model.state).unit;
    const { unit, change } = unitStep(plan, model.state, ARROW_MOVES['ArrowDown']!);
    expect(unit).toEqual([before[0] + 1, before[1]]);
    expect(chosenUnit(plan, reduceRf(model.state, change).state).unit).toEqual(unit);
    expect(Math.abs(change.unitY - model.state.unitY)).toBeGreaterThanOrEqual(3);
  });

  test('at the edge of the grid the unit stays, and the change stays inside the image', () => {
    const model = reduceRf(at({ unitY: 0, unitX: RF_INPUT_SIDE - 1 }), {});
    for (const plan of model.plans) {
      const up = unitStep(plan, model.state, ARROW_MOVES['ArrowUp']!);
      expect(up.unit).toEqual(chosenUnit(plan, model.state).unit);
      const right = unitStep(plan, model.state, ARROW_MOVES['ArrowRight']!);
      expect(right.change.unitX).toBeLessThanOrEqual(RF_INPUT_SIDE - 1);
      expect(right.unit[1]).toBe(unitLayer(plan).grid[1] - 1);
    }
  });
});

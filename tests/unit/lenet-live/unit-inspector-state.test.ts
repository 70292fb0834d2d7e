import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import type { FeatureMaps, LenetStage } from '../../../src/lib/compute/jobs/lenet-infer.ts';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { lenet5, lenet5_modern } from '../../../src/lib/models/lenet.ts';
import {
  inspect,
  stageLayer,
  unitView,
  type Inspector,
  type InspectorContext,
  type InspectorEvent,
  type MapTarget,
} from '../../../src/components/lenet-live/unit-inspector-state.ts';
import { stage } from './stage-fixture.ts';

// The buttons in page order: two C1 maps (28×28), a C3 map (10×10), and a flat stage of 14 units
// drawn as a 12-wide grid of 2 rows (its second row holds 2 units).
const targets: MapTarget[] = [
  { stage: 'C1', map: 0, height: 28, width: 28 },
  { stage: 'C1', map: 1, height: 28, width: 28 },
  { stage: 'C3', map: 4, height: 10, width: 10 },
  { stage: 'C5', map: 'grid', height: 2, width: 12 },
];
const stages = {
  C1: stage(2, 28, 28, (k, p) => (k === 1 && p === 3 * 28 + 5 ? 9 : 0)),
  S2: stage(1, 1, 1, () => 0),
  C3: stage(5, 10, 10, (k, p) => k + p / 100),
  S4: stage(1, 1, 1, () => 0),
  C5: stage(14, 1, 1, (k) => k / 2),
  F6: stage(1, 1, 1, () => 0),
} satisfies Record<LenetStage, FeatureMaps>;
const before: InspectorContext = { targets, stages: null };
const after: InspectorContext = { targets, stages };

/** Applies `events` in order from nothing shown, keeping the state where an event changes nothing. */
function run(context: InspectorContext, ...events: InspectorEvent[]): Inspector | null {
  return events.reduce<Inspector | null>((state, event) => inspect(state, event, context) ?? state, null);
}

describe('inspect (the unit inspector’s reducer)', () => {
  test('a focused map shows its centre before an inference and its most active unit after one', () => {
    expect(inspect(null, { type: 'map', target: 1 }, before)).toEqual({
      target: 1,
      unit: { stage: 'C1', k: 1, row: 14, col: 14 },
      visible: true,
    });
    expect(inspect(null, { type: 'map', target: 1 }, after)?.unit).toEqual({ stage: 'C1', k: 1, row: 3, col: 5 });
  });

  test('a focused grid shows the stage as a whole (k = -1)', () => {
    expect(inspect(null, { type: 'map', target: 3 }, after)?.unit).toEqual({ stage: 'C5', k: -1, row: 0, col: 0 });
  });

  test('the pointer picks the unit under it; outside the canvas it changes nothing', () => {
    expect(inspect(null, { type: 'pointer', target: 2, row: 7, col: 2 }, after)?.unit).toEqual({
      stage: 'C3',
      k: 4,
      row: 7,
      col: 2,
    });
    expect(inspect(null, { type: 'pointer', target: 2, row: 10, col: 2 }, after)).toBeNull();
    expect(inspect(null, { type: 'pointer', target: 2, row: 0, col: -1 }, after)).toBeNull();
  });

  test('on a grid the pointer picks unit row·12 + col, and past the last unit the grid as a whole', () => {
    expect(inspect(null, { type: 'pointer', target: 3, row: 1, col: 1 }, after)?.unit.k).toBe(13);
    expect(inspect(null, { type: 'pointer', target: 3, row: 1, col: 2 }, after)?.unit.k).toBe(-1);
    // Before an inference the count is unknown: every cell is a unit.
    expect(inspect(null, { type: 'pointer', target: 3, row: 1, col: 2 }, before)?.unit.k).toBe(14);
  });

  test('arrow keys move the unit shown and stop at the map’s edges; other keys are left to the browser', () => {
    const shown = run(after, { type: 'map', target: 1 });
    const key = (k: string): InspectorEvent => ({ type: 'key', target: 1, key: k });
    expect(inspect(shown, key('ArrowRight'), after)?.unit).toEqual({ stage: 'C1', k: 1, row: 3, col: 6 });
    expect(
      run(after, { type: 'pointer', target: 1, row: 0, col: 27 }, key('ArrowUp'), key('ArrowRight'))?.unit,
    ).toEqual({ stage: 'C1', k: 1, row: 0, col: 27 });
    expect(inspect(shown, key('Enter'), after)).toBeNull();
  });

  test('keys act only on the map whose unit is shown', () => {
    const shown = run(after, { type: 'map', target: 1 });
    expect(inspect(shown, { type: 'key', target: 0, key: 'ArrowDown' }, after)).toBeNull();
    expect(inspect(null, { type: 'key', target: 0, key: 'ArrowDown' }, after)).toBeNull();
  });

  test('on a grid the first arrow key shows unit 0, and no key lands past the last unit', () => {
    const key = (k: string): InspectorEvent => ({ type: 'key', target: 3, key: k });
    const grid = run(after, { type: 'map', target: 3 });
    expect(inspect(grid, key('ArrowRight'), after)?.unit.k).toBe(0);
    expect(run(after, { type: 'pointer', target: 3, row: 0, col: 1 }, key('ArrowDown'))?.unit.k).toBe(13);
    expect(run(after, { type: 'pointer', target: 3, row: 0, col: 5 }, key('ArrowDown'))?.unit.k).toBe(5);
    expect(run(after, { type: 'pointer', target: 3, row: 0, col: 11 }, key('ArrowRight'))?.unit.k).toBe(11);
    // Before an inference the grid has no units to move between.
    expect(inspect(run(before, { type: 'map', target: 3 }), key('ArrowRight'), before)).toBeNull();
  });

  test('hide keeps the unit last shown (arrow keys go on from it) and only hides the field', () => {
    expect(inspect(null, { type: 'hide' }, after)).toBeNull();
    const hidden = run(after, { type: 'map', target: 1 }, { type: 'hide' });
    expect(hidden).toEqual({ target: 1, unit: { stage: 'C1', k: 1, row: 3, col: 5 }, visible: false });
    expect(inspect(hidden, { type: 'key', target: 1, key: 'ArrowDown' }, after)).toEqual({
      target: 1,
      unit: { stage: 'C1', k: 1, row: 4, col: 5 },
      visible: true,
    });
  });
});

describe('unitView', () => {
  const t = en.lenetLive;
  const analysis = analyze(lenet5);

  test('a C1 unit sees a 5×5 window of the input, placed as percentages of the 32×32 view', () => {
    const view = unitView(t, analysis, { stage: 'C1', k: 1, row: 3, col: 5 }, false, stages.C1);
    expect(view.window).toBe('3,5,5,5');
    expect(view.box).toEqual({ top: '9.375%', left: '15.625%', height: '15.625%', width: '15.625%' });
    expect(view.info).toBe('C1 map 1, unit (3, 5) = 9.000: it sees input rows 3–7, columns 5–9 (5×5 pixels).');
    expect(view.c3Column).toBeNull();
  });

  test('before an inference the value is a dash', () => {
    expect(unitView(t, analysis, { stage: 'C1', k: 0, row: 0, col: 0 }, false, undefined).info).toContain('= –:');
  });

  test('a C3 map highlights its column of the connection table', () => {
    expect(unitView(t, analysis, { stage: 'C3', k: 4, row: 0, col: 0 }, false, stages.C3).c3Column).toBe(4);
  });

  test('a grid unit sees the whole input; the grid as a whole is named with its unit count', () => {
    const unit = unitView(t, analysis, { stage: 'C5', k: 3, row: 0, col: 0 }, true, stages.C5);
    expect(unit.window).toBe('0,0,32,32');
    expect(unit.info).toBe('C5 unit 3 = 1.500: it sees the whole 32×32 input.');
    expect(unit.c3Column).toBeNull();
    expect(unitView(t, analysis, { stage: 'C5', k: -1, row: 0, col: 0 }, true, stages.C5).info).toBe(
      'C5, all 14 units',
    );
  });

  test('stageLayer reads a stage after its activation where the model has one', () => {
    expect(stageLayer(analysis, 'S2')).toBe('S2.act'); // the 1998 net squashes its subsampling
    expect(stageLayer(analyze(lenet5_modern), 'S2')).toBe('S2'); // max-pooling: no activation after it
    expect(stageLayer(analyze(lenet5_modern), 'C3')).toBe('C3.act');
  });
});

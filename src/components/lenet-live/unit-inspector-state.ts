/**
 * The unit inspector as a pure reducer: which unit of which feature map the reader points at
 * (focus, pointer, arrow keys) and what the widget then shows (the unit's receptive-field window
 * over the 32×32 input, its value, the C3 column it reads). unit-inspector.ts reconciles the DOM
 * with it. No DOM, so it is unit-tested in Node.
 */
import type { LenetLiveStrings } from '../../i18n/strings.ts';
import type { FeatureMaps, LenetStage } from '../../lib/compute/jobs/lenet-infer.ts';
import type { Analysis } from '../../lib/models/analyze.ts';
import { LENET_SIDE } from '../../lib/data/lenet-input.ts';
import { unitInputWindow } from '../../lib/models/unit-input-window.ts';
import { formatValue, moveUnit, strongestUnit, UNIT_GRID_COLUMNS } from './plan.ts';

/** A map button: its stage, its map index (or 'grid': all units of a flat stage), its canvas size in pixels. */
export interface MapTarget {
  readonly stage: LenetStage;
  readonly map: number | 'grid';
  readonly height: number;
  readonly width: number;
}

/**
 * A unit pointed at: unit (`row`, `col`) of map `k`, or on a grid unit `k` (row = col = 0;
 * k = -1: the grid as a whole, no unit yet).
 */
export interface PointedUnit {
  readonly stage: LenetStage;
  readonly k: number;
  readonly row: number;
  readonly col: number;
}

/** The inspector: the target (index into the map buttons) and unit last shown, and whether the field is visible. */
export interface Inspector {
  readonly target: number;
  readonly unit: PointedUnit;
  readonly visible: boolean;
}

/** What the reader did to map button `target`. */
export type InspectorEvent =
  /** Focus, a click, or fresh maps under a focused map: the map as a whole (its most active unit). */
  | { readonly type: 'map'; readonly target: number }
  /** The pointer at canvas pixel (`row`, `col`) of the button's canvas (may be outside it). */
  | { readonly type: 'pointer'; readonly target: number; readonly row: number; readonly col: number }
  /** A key pressed on the button (without Alt, Ctrl or Meta: those are the browser's). */
  | { readonly type: 'key'; readonly target: number; readonly key: string }
  /** Nothing is pointed at any more (the pointer left and nothing is focused, or focus left the maps). */
  | { readonly type: 'hide' };

/** The maps the inspector reads: the buttons in page order, and the last inference's stages (null before one). */
export interface InspectorContext {
  readonly targets: readonly MapTarget[];
  readonly stages: Readonly<Record<LenetStage, FeatureMaps>> | null;
}

/**
 * The inspector after `event`, or null when the event changes nothing (a key that is not an
 * arrow, a pointer outside the canvas): the widget then leaves the key to the browser.
 */
export function inspect(state: Inspector | null, event: InspectorEvent, context: InspectorContext): Inspector | null {
  if (event.type === 'hide') return state && { ...state, visible: false };
  const target = context.targets[event.target];
  if (target === undefined) return null;
  const { stage } = target;
  const maps = context.stages?.[stage];
  const at = (unit: Omit<PointedUnit, 'stage'>): Inspector => ({
    target: event.target,
    unit: { stage, ...unit },
    visible: true,
  });
  if (event.type === 'map') {
    if (target.map === 'grid') return at({ k: -1, row: 0, col: 0 });
    const [row, col] = maps ? strongestUnit(maps, target.map) : [target.height >> 1, target.width >> 1];
    return at({ k: target.map, row, col });
  }
  if (event.type === 'pointer') {
    const { row, col } = event;
    if (row < 0 || col < 0 || row >= target.height || col >= target.width) return null;
    if (target.map !== 'grid') return at({ k: target.map, row, col });
    const k = row * UNIT_GRID_COLUMNS + col;
    return at({ k: k < (maps?.maps ?? Infinity) ? k : -1, row: 0, col: 0 });
  }
  // Keys move from the unit last shown, and only on the map that shows it.
  if (state?.target !== event.target) return null;
  const { unit } = state;
  if (target.map !== 'grid') {
    const next = moveUnit(event.key, unit.row, unit.col, target.height, target.width);
    return next && at({ k: unit.k, row: next[0], col: next[1] });
  }
  const count = maps?.maps ?? 0;
  const k = Math.max(0, unit.k);
  const rows = Math.ceil(count / UNIT_GRID_COLUMNS);
  const next = moveUnit(
    event.key,
    Math.floor(k / UNIT_GRID_COLUMNS),
    k % UNIT_GRID_COLUMNS,
    rows,
    UNIT_GRID_COLUMNS,
    count,
  );
  if (next === null || count === 0) return null;
  return at({ k: unit.k < 0 ? 0 : next[0] * UNIT_GRID_COLUMNS + next[1], row: 0, col: 0 });
}

/** What the widget shows for a unit. */
export interface UnitView {
  /** The input pixels the unit can see, as "top,left,height,width" in input pixels (the box's `data-window`). */
  readonly window: string;
  /** The window's box over the input view, as CSS percentages of its side. */
  readonly box: { readonly top: string; readonly left: string; readonly height: string; readonly width: string };
  /** The unit described in words, with its value (or "–" before an inference). */
  readonly info: string;
  /** The C3 table column to highlight (C3 map k), or null. */
  readonly c3Column: number | null;
}

/** The layer a stage's maps are read from in `analysis` (as the job reads them: after the activation if any). */
export function stageLayer(analysis: Analysis, stage: LenetStage): string {
  return analysis.layers.some((l) => l.id === `${stage}.act`) ? `${stage}.act` : stage;
}

/** What the widget shows for `unit` of the model `analysis`, on a grid or not; `maps`: its stage's last maps, if any. */
export function unitView(
  t: LenetLiveStrings,
  analysis: Analysis,
  unit: PointedUnit,
  grid: boolean,
  maps: FeatureMaps | undefined,
): UnitView {
  const { stage, k, row, col } = unit;
  const window = unitInputWindow(analysis, stageLayer(analysis, stage), grid ? 0 : row, grid ? 0 : col);
  const percent = (pixels: number): string => `${(100 * pixels) / LENET_SIDE}%`;
  const box = {
    top: percent(window.top),
    left: percent(window.left),
    height: percent(window.size[0]),
    width: percent(window.size[1]),
  };
  let info: string;
  if (grid) {
    const value = maps && k < maps.maps ? formatValue(maps.values[k] as number) : '–';
    info = k < 0 ? t.unitsButton(stage, maps?.maps ?? 0) : t.unitGridInfo(stage, k, value);
  } else {
    const size = maps ? maps.height * maps.width : 0;
    const value = maps ? formatValue(maps.values[k * size + row * maps.width + col] as number) : '–';
    info = t.unitInfo(stage, k, row, col, value, window.top, window.left, ...window.size);
  }
  const { top, left, size } = window;
  return { window: `${top},${left},${size[0]},${size[1]}`, box, info, c3Column: stage === 'C3' && !grid ? k : null };
}

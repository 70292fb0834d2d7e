/**
 * The explorer's state reducer: the state shown and one change (a control, the URL, a unit picked
 * on a map) give the next state, the networks it shows and the maps' zoom. Pure (no DOM, no
 * TF.js): rf-explorer.client.ts applies what it returns to the page.
 */
import { fieldBounds } from '../../lib/models/receptive-field.ts';
import {
  depthOptions,
  nearestDepth,
  normalizeRfState,
  RF_INPUT_SIDE,
  type RfExplorerState,
  type RfStateNotice,
} from '../../lib/state/rf-explorer.ts';
import { mapDomain, type MapDomain } from '../../lib/viz/rf-map.ts';
import { explorerNets, fieldCentre, unitAt, unitLayer, type MeasuredLayer, type NetPlan } from './nets.ts';

/** What the explorer shows after a change. */
export interface RfModel {
  readonly state: RfExplorerState;
  /** The networks `state` shows, plain first. */
  readonly plans: readonly NetPlan[];
  /** The input pixels [lo, hi] the maps show: every shown network's field of the chosen unit. */
  readonly domain: MapDomain;
  /** Given values that were replaced by valid ones (shown until the next change). */
  readonly notices: readonly RfStateNotice[];
  /** Why the state fell back to the defaults (a configuration the families reject), or null. */
  readonly failure: string | null;
  /** Whether the validated state differs from the one before the change. */
  readonly changed: boolean;
}

/** The layer of `plan` the reader's unit lives in, and that unit [row, col] for `state`'s input pixel. */
export function chosenUnit(plan: NetPlan, state: RfExplorerState): { layer: MeasuredLayer; unit: [number, number] } {
  const layer = unitLayer(plan);
  return { layer, unit: unitAt(layer, [state.unitY, state.unitX]) };
}

/** The networks of `state` and the map domain (input pixels) that holds each one's chosen field. */
function planned(state: RfExplorerState): Pick<RfModel, 'state' | 'plans' | 'domain'> {
  const plans = explorerNets(state);
  const boxes = plans.map((plan) => {
    const { layer, unit } = chosenUnit(plan, state);
    return fieldBounds(layer.field, unit);
  });
  return { state, plans, domain: mapDomain(RF_INPUT_SIDE, boxes) };
}

/**
 * The model after applying `change` to `current`: merged, validated (normalizeRfState) and
 * planned. Toggling downsampling alone keeps the offered depth nearest the current one. A state
 * the families cannot build falls back to the defaults, with the error's message as `failure`.
 */
export function reduceRf(current: RfExplorerState, change: Partial<RfExplorerState>): RfModel {
  const merged: Partial<Record<keyof RfExplorerState, unknown>> = { ...current, ...change };
  if (change.downsample !== undefined && change.depth === undefined) {
    merged.depth = nearestDepth(current.depth, change.downsample);
  }
  const { state, notices } = normalizeRfState(merged);
  const changed = JSON.stringify(state) !== JSON.stringify(current);
  try {
    return { ...planned(state), notices, failure: null, changed };
  } catch (e) {
    return {
      ...planned(normalizeRfState().state),
      notices,
      failure: e instanceof Error ? e.message : String(e),
      changed,
    };
  }
}

/** The controls of the settings panel, by their `data-control`. */
export type RfControl = 'depth' | 'inits' | 'kernel' | 'init' | 'input' | 'nets' | 'downsample';

/**
 * The change control `name` asks for with `value`, as the control holds it (a string; the
 * checkbox's `checked`). The depth slider holds an index into depthOptions (an unknown index
 * keeps the depth); the number of inits and the kernel size are numbers.
 */
export function controlChange(
  state: RfExplorerState,
  name: RfControl,
  value: string | boolean,
): Partial<RfExplorerState> {
  if (name === 'depth') return { depth: depthOptions(state.downsample)[Number(value)] ?? state.depth };
  return { [name]: name === 'inits' || name === 'kernel' ? Number(value) : value };
}

/**
 * One unit of `plan`'s last layer along `move` [rows, cols] from the chosen one, clamped to the
 * layer's grid: that unit [row, col], and the change that picks it (its field centre, rounded
 * and clamped to the input's pixels).
 */
export function unitStep(
  plan: NetPlan,
  state: RfExplorerState,
  move: readonly [number, number],
): { unit: [number, number]; change: Pick<RfExplorerState, 'unitY' | 'unitX'> } {
  const { layer, unit } = chosenUnit(plan, state);
  const clamp = (v: number, hi: number): number => Math.min(hi, Math.max(0, v));
  const next: [number, number] = [
    clamp(unit[0] + move[0], layer.grid[0] - 1),
    clamp(unit[1] + move[1], layer.grid[1] - 1),
  ];
  const [cy, cx] = fieldCentre(layer, next);
  return {
    unit: next,
    change: { unitY: clamp(Math.round(cy), RF_INPUT_SIDE - 1), unitX: clamp(Math.round(cx), RF_INPUT_SIDE - 1) },
  };
}

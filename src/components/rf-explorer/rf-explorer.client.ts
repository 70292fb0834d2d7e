/**
 * The interactive part of <rf-explorer>, loaded when the widget nears the viewport. It renders
 * everything from one RfExplorerState, reports every change the reader makes through
 * `onStateChange`, and runs the 'erf' job in the compute worker (a newer request supersedes the
 * running one). All numbers come from nets.ts (analyze()) and the job's statistics; this file
 * only maps them to the DOM.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import type { ErfResult, ErfTargetResult } from '../../lib/compute/jobs/erf.ts';
import { erfInput } from '../../lib/compute/erf-input.ts';
import { logLogSlope, sqrtFit } from '../../lib/math/erf-stats.ts';
import { fieldBounds } from '../../lib/models/receptive-field.ts';
import { renderGrowthChart, type GrowthSeries } from '../../lib/viz/rf-growth-chart.ts';
import { bmpDataUrl } from '../../lib/viz/rf-bmp.ts';
import { erfOverlayPixels } from '../../lib/viz/rf-heat.ts';
import { mapDomain, pixelAt, renderRfMap, type MapDomain } from '../../lib/viz/rf-map.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { showJobMeta } from '../runtime/badge.ts';
import {
  chartLayers,
  erfParamsFor,
  explorerNets,
  fieldCentre,
  unitAt,
  unitLayer,
  type MeasuredLayer,
  type NetKey,
  type NetPlan,
} from './nets.ts';
import {
  depthOptions,
  nearestDepth,
  normalizeRfState,
  RF_INPUT_SIDE,
  type RfExplorerState,
} from '../../lib/state/rf-explorer.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { oncePerFrame } from '../widget/redraw.ts';

export interface RfExplorerHandle {
  /** The state the widget shows. */
  readonly state: RfExplorerState;
  /** Shows `next` (merged into the current state and validated); does not call onStateChange. */
  setState(next: Partial<RfExplorerState>): void;
}

export interface MountOptions {
  readonly initial: Partial<RfExplorerState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: RfExplorerState) => void;
}

/** Everything that determines the growth chart: the state without the unit. */
function chartKey(state: RfExplorerState): string {
  const { unitY: _y, unitX: _x, ...rest } = state;
  return JSON.stringify(rest);
}

const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

function cells(row: HTMLTableRowElement, values: readonly string[]): HTMLTableRowElement {
  for (const value of values) {
    const cell = document.createElement('td');
    cell.textContent = value;
    row.append(cell);
  }
  return row;
}

/** The UI strings this client uses, in the page's language. */
export type RfExplorerUi = Pick<UiStrings, 'rfExplorer' | 'runtime'>;

/** Wires one <rf-explorer> element and computes its first result. */
export function mountRfExplorer(root: HTMLElement, options: MountOptions, strings: RfExplorerUi): RfExplorerHandle {
  const { rfExplorer: t, runtime } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const control = <E extends HTMLElement>(name: string): E => q<E>(`[data-control="${name}"]`);
  const depthInput = control<HTMLInputElement>('depth');
  const initsInput = control<HTMLInputElement>('inits');
  const selects = (['kernel', 'init', 'input', 'nets'] as const).map(
    (name) => [name, control<HTMLSelectElement>(name)] as const,
  );
  const downsampleInput = control<HTMLInputElement>('downsample');
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const notice = q<HTMLElement>('[data-notice]');
  const badge = q<HTMLElement>('.backend-badge');
  const chartBox = q<HTMLElement>('[data-chart]');
  const slope = q<HTMLElement>('[data-slope]');
  const table = q<HTMLElement>('[data-table]');
  const unitTable = q<HTMLElement>('[data-unit-table]');
  const client = computeClient();
  const channel = client.channel();

  let state = normalizeRfState(options.initial).state;
  let plans: NetPlan[] = [];
  let domain: MapDomain = { lo: -0.5, hi: RF_INPUT_SIDE - 0.5 };
  /** What the maps show until the next change: maps streamed so far, or the finished result. */
  let view: { maps: readonly (Float32Array | undefined)[]; result: ErfResult | null } = { maps: [], result: null };
  /** The last finished result and the chart key it was computed for. */
  let last: { key: string; result: ErfResult; chart: Map<NetKey, ErfTargetResult> } | null = null;
  const inputs = new Map<RfExplorerState['input'], Float32Array>();
  const inputImage = (): Float32Array => {
    let image = inputs.get(state.input);
    if (image === undefined) {
      image = erfInput(state.input, 1, RF_INPUT_SIDE, RF_INPUT_SIDE);
      inputs.set(state.input, image);
    }
    return image;
  };

  /** Messages about values that were replaced; shown until the next change. */
  let stateMessages: string[] = [];
  const showNotice = (messages: readonly string[]): void => {
    const all = [...stateMessages, ...messages];
    notice.textContent = all.join(' ');
    notice.hidden = all.length === 0;
  };

  const panel = (key: NetKey): HTMLElement => q<HTMLElement>(`.rfx-panel[data-net="${key}"]`);
  const chosenUnit = (plan: NetPlan): { layer: MeasuredLayer; unit: [number, number] } => {
    const layer = unitLayer(plan);
    return { layer, unit: unitAt(layer, [state.unitY, state.unitX]) };
  };

  /** Redraws one map: the input with the ERF (when known), the boxes and the unit. */
  const drawMap = (plan: NetPlan, map: Float32Array | null, effectiveSize: number | null): void => {
    const { layer, unit } = chosenUnit(plan);
    const centre = fieldCentre(layer, unit);
    const input = inputImage();
    const pixels = erfOverlayPixels(input, map ?? new Float32Array(input.length));
    const size = layer.field.size[0];
    patchMarkup(
      q<HTMLElement>(`[data-map="${plan.key}"]`),
      renderRfMap({
        side: RF_INPUT_SIDE,
        domain,
        imageHref: bmpDataUrl(pixels, RF_INPUT_SIDE, RF_INPUT_SIDE),
        field: fieldBounds(layer.field, unit),
        effective: effectiveSize === null ? null : { centre, size: effectiveSize },
        unitCentre: centre,
        label: t.mapLabel(
          t.netNames[plan.key],
          t.unitPosition(unit[0], unit[1]),
          size,
          effectiveSize === null ? t.notMeasured : fixed(effectiveSize, 1),
        ),
      }),
    );
  };

  const drawChart = (): void => {
    const series: GrowthSeries[] = plans.map((plan) => {
      const measured = last?.key === chartKey(state) ? last.chart.get(plan.key) : undefined;
      return {
        key: plan.key,
        label: t.netShort[plan.key],
        points: chartLayers(plan).map((layer, i) => {
          const probe = measured?.probes[i];
          return {
            depth: layer.depth,
            theoretical: layer.field.size[0],
            effective: probe === undefined || probe.stats.mass === 0 ? null : probe.stats.size,
          };
        }),
      };
    });
    const first = series[0];
    const measured = first?.points.filter((p) => p.effective !== null) ?? [];
    const reference =
      measured.length > 1 && !state.downsample
        ? sqrtFit(
            measured.map((p) => p.depth),
            measured.map((p) => p.effective!),
          )
        : null;
    patchMarkup(chartBox, renderGrowthChart(series, { strings: t.chart, reference, side: RF_INPUT_SIDE }));
    if (last?.key !== chartKey(state)) {
      slope.textContent = '';
      return;
    }
    slope.textContent = plans
      .map((plan) => {
        const probes = last?.chart.get(plan.key)?.probes.filter((p) => p.stats.mass > 0) ?? [];
        const depthOf = (layerId: string): number => plan.layers.find((l) => l.layerId === layerId)?.depth ?? 0;
        return t.slope(
          t.netShort[plan.key],
          fixed(
            logLogSlope(
              probes.map((p) => depthOf(p.unit.layerId)),
              probes.map((p) => p.stats.sigmaRms),
            ),
            2,
          ),
        );
      })
      .join(' · ');
  };

  const drawTables = (result: ErfResult | null): void => {
    const current = last?.key === chartKey(state) ? last : null;
    table.replaceChildren(
      ...plans.flatMap((plan) => {
        const measured = current?.chart.get(plan.key);
        return chartLayers(plan).map((layer, i) => {
          const probe = measured?.probes[i];
          const support = probe?.stats.support;
          return cells(document.createElement('tr'), [
            t.netShort[plan.key],
            layer.layerId,
            String(layer.depth),
            String(layer.field.size[0]),
            probe ? fixed(probe.stats.size, 1) : '—',
            probe ? fixed(probe.stats.sigmaRms, 2) : '—',
            support ? `${support.bottom - support.top + 1}×${support.right - support.left + 1}` : '—',
          ]);
        });
      }),
    );
    unitTable.replaceChildren(
      ...plans.map((plan, i) => {
        const { layer, unit } = chosenUnit(plan);
        const target = result?.targets[i];
        const support = target?.unit.stats.support;
        return cells(document.createElement('tr'), [
          t.netShort[plan.key],
          layer.layerId,
          t.unitPosition(unit[0], unit[1]),
          String(layer.field.size[0]),
          target ? fixed(target.unit.stats.size, 1) : '—',
          target ? fixed(target.unit.stats.sigmaRms, 2) : '—',
          support ? `${support.bottom - support.top + 1}×${support.right - support.left + 1}` : '—',
        ]);
      }),
    );
  };

  const drawStats = (plan: NetPlan, target: ErfTargetResult | null): void => {
    const { layer } = chosenUnit(plan);
    q<HTMLElement>(`[data-stats="${plan.key}"]`).textContent =
      `${t.columns.theoretical}: ${layer.field.size[0]} · ${t.columns.effective}: ${
        target ? fixed(target.unit.stats.size, 1) : '—'
      } · σ: ${target ? fixed(target.unit.stats.sigmaRms, 2) : '—'}`;
  };

  /** Puts the controls, descriptions and placeholders in line with `state`. */
  const renderState = (): void => {
    const depths = depthOptions(state.downsample);
    depthInput.max = String(depths.length - 1);
    depthInput.value = String(depths.indexOf(state.depth));
    depthInput.setAttribute('aria-valuetext', t.depthValue(state.depth));
    q<HTMLElement>('[data-depth-value]').textContent = t.depthValue(state.depth);
    initsInput.value = String(state.inits);
    q<HTMLElement>('[data-inits-value]').textContent = String(state.inits);
    for (const [name, select] of selects) select.value = String(state[name]);
    downsampleInput.checked = state.downsample;
    q<HTMLElement>('[data-inits-note]').hidden = !(state.init === 'uniform' && state.input === 'pattern');
    plans = explorerNets(state);
    domain = mapDomain(
      RF_INPUT_SIDE,
      plans.map((plan) => {
        const { layer, unit } = chosenUnit(plan);
        return fieldBounds(layer.field, unit);
      }),
    );
    for (const key of ['plain', 'residual'] as const) panel(key).hidden = !plans.some((p) => p.key === key);
    for (const plan of plans) {
      const convs = unitLayer(plan).depth;
      q<HTMLElement>(`[data-net="${plan.key}"] [data-net-description]`).textContent =
        plan.key === 'plain'
          ? t.netDescription.plain(convs, state.downsample)
          : t.netDescription.residual(plan.blocks, convs, state.downsample);
    }
    view = { maps: [], result: null };
    scheduleDraw();
  };

  /** Draws `view`: maps, stats, chart and tables (placeholders where nothing is computed yet). */
  const drawView = (): void => {
    const { maps, result } = view;
    plans.forEach((plan, i) => {
      const target = result?.targets[i];
      const effective = target !== undefined && target.unit.stats.mass > 0 ? target.unit.stats.size : null;
      drawMap(plan, target?.map ?? maps[i] ?? null, effective);
      drawStats(plan, target ?? null);
    });
    drawChart();
    drawTables(result);
    if (result) {
      const dead = plans.filter((_, i) => result.targets[i]?.unit.stats.mass === 0);
      showNotice(dead.map((plan) => t.deadUnit(t.netNames[plan.key])));
    }
  };
  /** Events only change `view`; it is drawn once in the next frame (redraw.ts). */
  const scheduleDraw = oncePerFrame(drawView);

  let runs = 0;
  const compute = async (): Promise<void> => {
    const run = ++runs;
    const key = chartKey(state);
    const reuseChart = last !== null && last.key === key;
    const params = erfParamsFor(state, plans);
    const job = reuseChart ? { ...params, targets: params.targets.map((tg) => ({ ...tg, probes: [] })) } : params;
    root.dataset['state'] = 'computing';
    status.textContent = runtime.computing;
    try {
      const { result, meta } = await channel.run('erf', job, {
        onProgress: (progress) => {
          if (run !== runs) return;
          status.textContent = t.progress(progress.done, progress.total);
          if (progress.maps) {
            view = { maps: progress.maps, result: null };
            scheduleDraw();
          }
        },
      });
      if (run !== runs) return;
      if (!reuseChart) last = { key, result, chart: new Map(plans.map((p, i) => [p.key, result.targets[i]!])) };
      view = { maps: [], result };
      scheduleDraw();
      showJobMeta(badge, meta, client.onMainThread, runtime);
      error.hidden = true;
      status.textContent = '';
      root.dataset['state'] = 'ready';
    } catch (e) {
      if (e instanceof JobSuperseded || run !== runs) return;
      error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
      error.hidden = false;
      status.textContent = '';
      root.dataset['state'] = 'error';
    }
  };

  /** Applies `next`, redraws, recomputes; `byReader` reports the change. */
  const update = (next: Partial<RfExplorerState>, byReader: boolean): void => {
    const merged: { -readonly [K in keyof RfExplorerState]?: RfExplorerState[K] } = { ...state, ...next };
    // Toggling downsampling changes which depths exist: keep the nearest one.
    if (next.downsample !== undefined && next.depth === undefined) {
      merged.depth = nearestDepth(state.depth, next.downsample);
    }
    const { state: valid, notices } = normalizeRfState(merged);
    stateMessages = notices.map((n) => t.adjusted(t.fieldNames[n.field], String(n.given), String(n.used)));
    showNotice([]);
    const changed = JSON.stringify(valid) !== JSON.stringify(state);
    state = valid;
    try {
      renderState();
    } catch (e) {
      // A configuration the families reject: say so and fall back to the defaults.
      showNotice([runtime.failed(e instanceof Error ? e.message : String(e))]);
      state = normalizeRfState({}).state;
      renderState();
    }
    if (changed && byReader) options.onStateChange?.(state);
    if (changed || runs === 0) void compute();
  };

  depthInput.addEventListener('input', () => {
    const depths = depthOptions(state.downsample);
    update({ depth: depths[Number(depthInput.value)] ?? state.depth }, true);
  });
  initsInput.addEventListener('input', () => update({ inits: Number(initsInput.value) }, true));
  for (const [name, select] of selects) {
    select.addEventListener('change', () =>
      update({ [name]: name === 'kernel' ? Number(select.value) : select.value } as Partial<RfExplorerState>, true),
    );
  }
  downsampleInput.addEventListener('change', () => update({ downsample: downsampleInput.checked }, true));

  for (const key of ['plain', 'residual'] as const) {
    const box = q<HTMLElement>(`[data-map="${key}"]`);
    box.addEventListener('click', (event) => {
      const rect = box.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return;
      const [y, x] = pixelAt(
        domain,
        RF_INPUT_SIDE,
        (event.clientY - rect.top) / rect.height,
        (event.clientX - rect.left) / rect.width,
      );
      update({ unitY: y, unitX: x }, true);
    });
    box.addEventListener('keydown', (event) => {
      const plan = plans.find((p) => p.key === key);
      if (plan === undefined) return;
      const { layer, unit } = chosenUnit(plan);
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
      const move = moves[event.key];
      if (move === undefined) return;
      event.preventDefault();
      // One unit of this layer: the next field centre along the arrow.
      const next: [number, number] = [
        Math.min(layer.grid[0] - 1, Math.max(0, unit[0] + move[0])),
        Math.min(layer.grid[1] - 1, Math.max(0, unit[1] + move[1])),
      ];
      const [cy, cx] = fieldCentre(layer, next);
      update(
        {
          unitY: Math.min(RF_INPUT_SIDE - 1, Math.max(0, Math.round(cy))),
          unitX: Math.min(RF_INPUT_SIDE - 1, Math.max(0, Math.round(cx))),
        },
        true,
      );
      status.textContent = `${t.netNames[key]}: ${t.unitPosition(next[0], next[1])}`;
    });
  }

  update({}, false);
  return {
    get state() {
      return state;
    },
    setState(next) {
      update(next, false);
    },
  };
}

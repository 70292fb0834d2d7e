/**
 * The interactive part of <gradient-flow>, loaded when the widget nears the viewport. It renders
 * from one GradientFlowState, reports every change the reader makes, and runs two kinds of job
 * in the compute worker: 'gradient-flow' at the chosen depth (newest request wins), and the
 * depth sweep, one depth per job so that a slider move never waits for the whole sweep (and the
 * sweep starts no next depth while the widget is out of view or its tab hidden). All
 * numbers come from the jobs; plan.ts maps them to series and rows, this file to the DOM.
 */
import type { GradientFlowResult } from '../../lib/compute/jobs/gradient-flow.ts';
import type { GradientSweepResult } from '../../lib/compute/jobs/gradient-sweep.ts';
import { gradientFlowSchema, type GradientFlowState } from '../../lib/state/schemas/gradient-flow.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { renderLineChart, type LineSeries } from '../../lib/viz/line-chart.ts';
import { tweenSeries } from '../../lib/viz/tween-series.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import type { UiStrings } from '../../i18n/strings.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { normsChartOptions, ratioChartOptions, shatterChartOptions } from './charts.ts';
import {
  flowParams,
  flowSettings,
  FLOW_BATCH,
  layerRows,
  normSeries,
  summaryLines,
  SWEEP_DEPTHS,
  sweepKey,
  sweepRows,
  sweepSeries,
} from './plan.ts';
import { PRESETS } from './presets.ts';
import { fillRows } from '../widget/table-rows.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { SeenGate, watchSeen } from '../widget/seen.ts';

/** Length of the animation between two configurations, ms. */
const TWEEN_MS = 350;

export interface MountOptions {
  readonly initial: Partial<GradientFlowState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: GradientFlowState) => void;
}

/** The UI strings the explorer's client uses, in the page's language. */
export type GradientFlowUi = Pick<UiStrings, 'gradientFlow' | 'runtime' | 'numbers'>;

/** Wires one <gradient-flow> element and computes its first result. */
export function mountGradientFlow(root: HTMLElement, options: MountOptions, strings: GradientFlowUi): void {
  const { gradientFlow: t, runtime, numbers } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const depthInput = q<HTMLInputElement>('[data-input="depth"]');
  const everyInput = q<HTMLInputElement>('[data-input="every"]');
  const bnInput = q<HTMLInputElement>('[data-input="bn"]');
  const skipsInput = q<HTMLInputElement>('[data-input="skips"]');
  const selects = (['activation', 'init', 'norm'] as const).map(
    (name) => [name, q<HTMLSelectElement>(`select[data-control="${name}"]`)] as const,
  );
  const presetButtons = [...root.querySelectorAll<HTMLButtonElement>('[data-preset]')];
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const notice = q<HTMLElement>('[data-notice]');
  const badge = q<HTMLElement>('.backend-badge');
  const normsBox = q<HTMLElement>('[data-chart="norms"]');
  const ratioBox = q<HTMLElement>('[data-chart="ratio"]');
  const shatterBox = q<HTMLElement>('[data-chart="shatter"]');
  const summary = q<HTMLElement>('[data-summary]');
  const layerTable = q<HTMLElement>('[data-layer-table]');
  const sweepTable = q<HTMLElement>('[data-sweep-table]');
  const client = computeClient();
  const flowChannel = client.channel();
  const sweepChannel = client.channel();
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  /** Whether the widget is seen: the sweep's next depth waits for it (issue 24), the chosen depth's job does not (one short job, asked for by the reader). */
  const seen = new SeenGate();
  /** The depths of the sweep in progress that are in, or null when no sweep is unfinished. */
  let sweepDone: number | null = null;
  /** The status line says so at once while an unfinished sweep is unseen (unless the chosen depth's job is computing). */
  const showSweepHold = (): void => {
    if (!seen.seen && sweepDone !== null && root.dataset['state'] !== 'computing')
      status.textContent = runtime.pausedUnseen;
    else if (seen.seen && status.textContent === runtime.pausedUnseen)
      status.textContent = sweepDone === null ? '' : t.sweepProgress(sweepDone, SWEEP_DEPTHS.length);
  };
  watchSeen(root, (now) => {
    seen.set(now);
    showSweepHold();
  });

  const validate = (value: Partial<GradientFlowState>): GradientFlowState =>
    stateFromProps(gradientFlowSchema, value).state;
  let state = validate(options.initial);
  let flow: GradientFlowResult | null = null;
  let sweep: { key: string; result: GradientSweepResult } | null = null;
  let shown: LineSeries[] = [];
  let frame = 0;
  /** When a slider last moved (ms, performance.now()): results that arrive while one is dragged are not tweened. */
  let sliderMovedAt = -Infinity;
  const sliderMoving = (): boolean => performance.now() - sliderMovedAt < TWEEN_MS;

  const drawNorms = (target: LineSeries[]): void => {
    cancelAnimationFrame(frame);
    const from = shown;
    const chart = normsChartOptions(t, state.depth);
    const paint = (series: LineSeries[]): void => {
      patchMarkup(normsBox, renderLineChart(series, chart));
    };
    // A tween redraws the chart every frame for TWEEN_MS; while a slider is dragged each result
    // is soon replaced by the next, and those frames only competed with the reader's input.
    if (reducedMotion.matches || from.length === 0 || sliderMoving()) {
      shown = target;
      paint(target);
      return;
    }
    const started = performance.now();
    const step = (now: number): void => {
      const k = Math.min(1, (now - started) / TWEEN_MS);
      const eased = 1 - (1 - k) ** 3;
      shown = tweenSeries(from, target, eased, true);
      paint(shown);
      if (k < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  };

  const drawSweep = (): void => {
    const axis = [SWEEP_DEPTHS[0] ?? 2, SWEEP_DEPTHS[SWEEP_DEPTHS.length - 1] ?? 110] as const;
    const current = sweep?.key === sweepKey(state) ? sweep.result : null;
    const series = current ? sweepSeries(t, current, state) : { ratio: [], correlation: [] };
    patchMarkup(ratioBox, renderLineChart(series.ratio, ratioChartOptions(t, axis)));
    patchMarkup(shatterBox, renderLineChart(series.correlation, shatterChartOptions(t, axis)));
    fillRows(sweepTable, current ? sweepRows(t, numbers, current) : []);
  };

  const drawSummary = (): void => {
    const current = sweep?.key === sweepKey(state) ? sweep.result : null;
    summary.replaceChildren(
      ...summaryLines(t, numbers, flow, current).map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        return item;
      }),
    );
  };

  /** Puts the controls in line with `state`. */
  const renderControls = (): void => {
    depthInput.value = String(state.depth);
    depthInput.setAttribute('aria-valuetext', t.depthValue(state.depth));
    q<HTMLElement>('[data-depth-value]').textContent = t.depthValue(state.depth);
    everyInput.value = String(state.every);
    everyInput.disabled = !state.skips;
    q<HTMLElement>('[data-every-value]').textContent = String(state.every);
    bnInput.checked = state.bn;
    skipsInput.checked = state.skips;
    for (const [name, select] of selects) select.value = state[name];
    for (const button of presetButtons) {
      const preset = PRESETS.find((p) => p.id === button.dataset['preset']);
      const active =
        preset !== undefined &&
        Object.entries(preset.state).every(([k, v]) => state[k as keyof GradientFlowState] === v);
      button.setAttribute('aria-pressed', String(active));
    }
  };

  const fail = (e: unknown): void => {
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    status.textContent = '';
    root.dataset['state'] = 'error';
  };

  let flowRuns = 0;
  const computeFlow = async (): Promise<void> => {
    const run = ++flowRuns;
    root.dataset['state'] = 'computing';
    status.textContent = runtime.computing;
    try {
      const { result, meta } = await flowChannel.run('gradient-flow', flowParams(state));
      if (run !== flowRuns) return;
      flow = result;
      notice.hidden = result.weightGradients;
      notice.textContent = result.weightGradients ? '' : t.noWeightGradientsNote;
      const norm = result.weightGradients ? state.norm : 'activation';
      drawNorms(normSeries(t, result, { ...state, norm }));
      fillRows(layerTable, layerRows(numbers, result));
      drawSummary();
      showJobMeta(badge, meta, client.onMainThread, runtime);
      error.hidden = true;
      status.textContent = '';
      root.dataset['state'] = 'ready';
    } catch (e) {
      if (e instanceof JobSuperseded || run !== flowRuns) return;
      fail(e);
    }
  };

  let sweepRuns = 0;
  /** The sweep for the current settings, one depth per job, drawn as each depth arrives. */
  const computeSweep = async (): Promise<void> => {
    const run = ++sweepRuns;
    const key = sweepKey(state);
    const settings = flowSettings(state);
    const acc = {
      depths: [] as number[],
      plain: { ratio: [] as number[], correlation: [] as number[] },
      residual: { ratio: [] as number[], correlation: [] as number[] },
    };
    sweep = { key, result: acc };
    drawSweep();
    drawSummary();
    for (const [i, depth] of SWEEP_DEPTHS.entries()) {
      sweepDone = i;
      if (!seen.seen) {
        showSweepHold();
        await seen.whenSeen();
        if (run !== sweepRuns) return;
      }
      try {
        const { result } = await sweepChannel.run('gradient-sweep', {
          ...settings,
          batch: FLOW_BATCH,
          depths: [depth],
        });
        if (run !== sweepRuns) return;
        acc.depths.push(depth);
        for (const twin of ['plain', 'residual'] as const) {
          acc[twin].ratio.push(...result[twin].ratio);
          acc[twin].correlation.push(...result[twin].correlation);
        }
        const last = i === SWEEP_DEPTHS.length - 1;
        if (last) sweepDone = null;
        // Unseen, the line keeps saying the sweep waits (the next pass of the loop holds).
        if (root.dataset['state'] !== 'computing' && (seen.seen || last)) {
          status.textContent = last ? '' : t.sweepProgress(acc.depths.length, SWEEP_DEPTHS.length);
        }
        drawSweep();
        if (last) drawSummary();
      } catch (e) {
        if (e instanceof JobSuperseded || run !== sweepRuns) return;
        sweepDone = null;
        fail(e);
        return;
      }
    }
  };

  /** Applies `next`, redraws, recomputes what changed; `byReader` reports the change. */
  const update = (next: Partial<GradientFlowState>, byReader: boolean): void => {
    const previous = state;
    state = validate({ ...state, ...next });
    const changed = JSON.stringify(previous) !== JSON.stringify(state);
    renderControls();
    if (changed && byReader) options.onStateChange?.(state);
    if (!changed && flowRuns > 0) return;
    const onlyNorm = flowRuns > 0 && JSON.stringify({ ...previous, norm: state.norm }) === JSON.stringify(state);
    if (onlyNorm && flow) {
      const norm = flow.weightGradients ? state.norm : 'activation';
      drawNorms(normSeries(t, flow, { ...state, norm }));
    } else {
      void computeFlow();
    }
    // The sweep's charts show its result and, by `skips`, which twins: a depth or norm change
    // leaves them as drawn (redrawing them made each slider step's task longer).
    if (sweep?.key !== sweepKey(state) || sweepRuns === 0) void computeSweep();
    else if (previous.skips !== state.skips) drawSweep();
  };

  depthInput.addEventListener('input', () => {
    sliderMovedAt = performance.now();
    update({ depth: Number(depthInput.value) }, true);
  });
  everyInput.addEventListener('input', () => {
    sliderMovedAt = performance.now();
    update({ every: Number(everyInput.value) }, true);
  });
  bnInput.addEventListener('change', () => update({ bn: bnInput.checked }, true));
  skipsInput.addEventListener('change', () => update({ skips: skipsInput.checked }, true));
  for (const [name, select] of selects) {
    select.addEventListener('change', () => update({ [name]: select.value } as Partial<GradientFlowState>, true));
  }
  for (const button of presetButtons) {
    button.addEventListener('click', () => {
      const preset = PRESETS.find((p) => p.id === button.dataset['preset']);
      if (preset) update(preset.state, true);
    });
  }

  update({}, false);
}

/**
 * The Inception-cost widget's interactive part: every control change recomputes the module's
 * figures (the zoo's analysis, a few milliseconds) and redraws the chart, the summary and the
 * Data table, then records the state in the address. "Time both" runs the module and its naïve
 * version in the compute worker and reports the measured forward passes beside the MAC ratio.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import type { ForwardTimingResult } from '../../lib/compute/jobs/forward-timing.ts';
import { REDUCTION_FACTORS } from '../../lib/models/inception-widths.ts';
import { compareInception } from '../../lib/models/inception-cost.ts';
import type { inceptionCostSchema, InceptionCostState } from '../../lib/state/schemas/inception-cost.ts';
import { JobSuperseded, type ComputeClient, type JobChannel } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { fillRows } from '../widget/table-rows.ts';
import type { UrlWidgetMount } from '../widget/url-widget-element.ts';
import { inceptionCostView, ratioPhrase } from './view.ts';

/** Timed forward passes of each module, after one warm-up each. */
const TIMING_ROUNDS = 9;

/** The UI strings this client uses, in the page's language. */
export type InceptionCostUi = Pick<UiStrings, 'inceptionCost' | 'runtime'>;

/** Mounts the widget in `element` (an <inception-cost>) at `initial`, over its configured state. */
export function mountInceptionCost(
  element: HTMLElement,
  { initial, onStateChange }: UrlWidgetMount<typeof inceptionCostSchema>,
  strings: InceptionCostUi,
): void {
  const { inceptionCost: t, runtime } = strings;
  const q = <E extends Element>(selector: string): E | null => element.querySelector<E>(selector);
  const configured = JSON.parse(element.dataset['config'] ?? '{}') as InceptionCostState;
  let state: InceptionCostState = { ...configured, ...initial };
  const selects = {
    module: q<HTMLSelectElement>('select[data-control="module"]'),
    form: q<HTMLSelectElement>('select[data-control="form"]'),
    metric: q<HTMLSelectElement>('select[data-control="metric"]'),
  };
  const slider = q<HTMLInputElement>('input[data-input="reduce"]');
  const sliderText = q<HTMLElement>('[data-reduce-text]');
  const chart = q<HTMLElement>('[data-chart]');
  const summary = q<HTMLElement>('[data-summary]');
  const table = q<HTMLElement>('[data-cost-table]');
  const timeButton = q<HTMLButtonElement>('button[data-action="time"]');
  const timing = q<HTMLElement>('[data-timing]');
  const timingTable = q<HTMLElement>('[data-timing-table]');
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const badge = q<HTMLElement>('.backend-badge');
  /** Counts timing runs and state changes: a result for an older one is not shown. */
  let generation = 0;
  /** The page's compute worker and this widget's channel on it (a new timing supersedes one in flight), on first use. */
  let compute: { client: ComputeClient; channel: JobChannel } | null = null;

  const render = (): void => {
    const view = inceptionCostView(t, state);
    if (chart) patchMarkup(chart, view.svg);
    summary?.replaceChildren(
      ...view.summary.map((line) => {
        const p = document.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
    if (table) fillRows(table, view.rows);
    for (const [key, control] of Object.entries(selects)) {
      if (control) control.value = state[key as keyof typeof selects];
    }
    if (slider) {
      slider.value = String(REDUCTION_FACTORS.indexOf(state.reduce));
      slider.setAttribute('aria-valuetext', t.reduceNames[state.reduce]);
    }
    if (sliderText) sliderText.textContent = t.reduceNames[state.reduce];
  };

  const showTiming = (result: ForwardTimingResult, shown: InceptionCostState): void => {
    const [naiveMs = Number.NaN, chosenMs = Number.NaN] = result.medianMs;
    const { naive, chosen } = compareInception(shown);
    if (timing) {
      timing.textContent = t.timed(
        t.ms(naiveMs),
        t.ms(chosenMs),
        ratioPhrase(chosenMs, naiveMs, t.faster, t.slower),
        ratioPhrase(chosen.macs, naive.macs, t.faster, t.slower),
        result.rounds,
      );
    }
    if (timingTable) {
      fillRows(timingTable, [
        [t.timingRows.naive, t.ms(naiveMs), t.exact(naive.macs)],
        [t.timingRows.chosen, t.ms(chosenMs), t.exact(chosen.macs)],
      ]);
    }
  };

  const time = async (): Promise<void> => {
    const run = ++generation;
    const timed = state;
    if (compute === null) {
      const client = computeClient();
      compute = { client, channel: client.channel() };
    }
    const { client, channel } = compute;
    if (timeButton) timeButton.disabled = true;
    if (error) error.hidden = true;
    if (status) status.textContent = t.timing;
    element.dataset['state'] = 'computing';
    try {
      const naive = { ...timed, reduce: 'none' as const };
      const { result, meta } = await channel.run('forward-timing', {
        models: [{ inception: naive }, { inception: timed }],
        rounds: TIMING_ROUNDS,
      });
      if (badge) showJobMeta(badge, meta, client.onMainThread, runtime);
      if (run !== generation) return;
      showTiming(result, timed);
    } catch (e) {
      if (e instanceof JobSuperseded || run !== generation) return;
      if (error) {
        error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
        error.hidden = false;
      }
    } finally {
      if (run === generation) {
        if (timeButton) timeButton.disabled = false;
        if (status) status.textContent = '';
        element.dataset['state'] = error?.hidden === false ? 'error' : 'ready';
      }
    }
  };

  const update = (next: Partial<InceptionCostState>): void => {
    state = { ...state, ...next };
    // A measurement belongs to the configuration it timed: a change clears it (and drops one in flight).
    generation++;
    if (timing) timing.textContent = t.timingIdle;
    if (timingTable) fillRows(timingTable, []);
    if (timeButton) timeButton.disabled = false;
    if (status) status.textContent = '';
    element.dataset['state'] = 'ready';
    render();
    onStateChange(state);
  };

  const onSelect = <K extends keyof typeof selects>(key: K): void => {
    const control = selects[key];
    control?.addEventListener('change', () => update({ [key]: control.value } as Partial<InceptionCostState>));
  };
  onSelect('module');
  onSelect('form');
  onSelect('metric');
  slider?.addEventListener('input', () => {
    const factor = REDUCTION_FACTORS[Number(slider.value)];
    if (factor !== undefined) update({ reduce: factor });
  });
  timeButton?.addEventListener('click', () => void time());
  render();
  if (timeButton) timeButton.disabled = false;
  element.dataset['state'] = 'ready';
}

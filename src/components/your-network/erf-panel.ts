/**
 * The Your-network widget's effective-receptive-field panel: the layer select, Measure, Cancel,
 * the progress bar, the heat map and its Data row. A run measures the centre unit of the chosen
 * layer of the model the widget shows (erf-plan.ts: at a reduced input when the model is large)
 * in the compute worker; Cancel drops the run at once and frees the worker for the next.
 */
import type { ErfResult } from '../../lib/compute/jobs/erf.ts';
import { heatmapPixels } from '../../lib/viz/heatmap-pixels.ts';
import { JobSuperseded, type ComputeClient, type JobChannel } from '../../lib/worker/client.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { fillRows } from '../widget/table-rows.ts';
import type { Shown, Work, YourNetworkUi } from './your-network.client.ts';

/** What the panel needs from the widget. */
export interface ErfPanelOptions {
  /** Loads the parsers, renderer and views. */
  readonly work: () => Promise<Work>;
  /** The model shown (reading the editor first if need be), or null when none reads. */
  readonly current: () => Promise<Shown | null>;
  /** Called with the layer measured or chosen, for the address. */
  readonly onLayer: (layerId: string) => void;
}

/** The panel's side the widget drives. */
export interface ErfPanel {
  /**
   * Offers the spatial layers `ids` (in spec order), keeping the layer selected when it is among
   * them, else `preferred`, else `fallback` (the network's own field layer).
   */
  setLayers(ids: readonly string[], preferred: string, fallback: string): void;
  /** Selects `layerId` when it is offered. */
  select(layerId: string): void;
}

/** Wires the panel inside `element` (a <your-network>). */
export function mountErfPanel(
  element: HTMLElement,
  { yourNetwork: t, runtime }: YourNetworkUi,
  { work, current, onLayer }: ErfPanelOptions,
): ErfPanel {
  const q = <E extends Element>(selector: string): E => {
    const found = element.querySelector<E>(selector);
    if (found === null) throw new Error(`<your-network> lacks ${selector}`);
    return found;
  };
  const erfLayer = q<HTMLSelectElement>('select[data-input="erf-layer"]');
  const erfButton = q<HTMLButtonElement>('button[data-action="erf"]');
  const cancelButton = q<HTMLButtonElement>('button[data-action="erf-cancel"]');
  const progress = q<HTMLProgressElement>('[data-erf-progress]');
  const erfText = q<HTMLElement>('[data-erf-text]');
  const erfMap = q<HTMLCanvasElement>('[data-erf-map]');
  const erfTable = q<HTMLElement>('[data-erf-table]');
  const status = element.querySelector<HTMLElement>('[data-status]');
  const error = element.querySelector<HTMLElement>('[data-error]');
  const badge = element.querySelector<HTMLElement>('.backend-badge');
  /** Counts runs: a result or progress of a cancelled or superseded run is not shown. */
  let erfRun = 0;
  let compute: { client: ComputeClient; channel: JobChannel } | null = null;

  const setText = (node: HTMLElement, text: string): void => {
    if (node.textContent !== text) node.textContent = text;
  };

  const erfIdle = (): void => {
    erfButton.disabled = erfLayer.options.length === 0;
    cancelButton.hidden = true;
    progress.hidden = true;
    if (status) status.textContent = '';
  };

  const showErf = (result: ErfResult, layer: string, reduced: boolean, own: readonly number[]): void => {
    const target = result.targets[0]!;
    erfMap.width = result.width;
    erfMap.height = result.height;
    erfMap.getContext('2d')?.putImageData(new ImageData(heatmapPixels(target.map), result.width, result.height), 0, 0);
    erfMap.hidden = false;
    erfMap.setAttribute('aria-label', t.erfCanvasLabel(layer));
    const theoretical = Math.max(...target.unit.field.size);
    // The effective size is interpolated between whole squares (erf-stats.ts): one decimal, as the RF explorer shows it.
    const effective = target.unit.stats.size.toFixed(1);
    const lines = [t.erfDone(layer, effective, theoretical, result.inits)];
    if (reduced) lines.push(t.erfReduced(`${result.height}×${result.width}`, `${own[0]}×${own[1]}`));
    setText(erfText, lines.join(' '));
    fillRows(erfTable, [
      [
        layer,
        `${result.height}×${result.width}`,
        String(theoretical),
        effective,
        target.unit.stats.sigmaRms.toFixed(1),
        String(result.inits),
      ],
    ]);
  };

  const measure = async (): Promise<void> => {
    const run = ++erfRun;
    erfButton.disabled = true;
    cancelButton.hidden = false;
    progress.hidden = false;
    progress.removeAttribute('value');
    if (error) error.hidden = true;
    element.dataset['state'] = 'computing';
    const w = await work();
    const model = await current();
    if (run !== erfRun) return;
    const plan = model === null ? null : w.erfPlan(model.analysis, erfLayer.value);
    if (model === null || plan === null) {
      setText(erfText, t.erfNoLayer);
      erfIdle();
      element.dataset['state'] = 'ready';
      return;
    }
    setText(erfText, t.erfRunning(0, w.ERF_INITS));
    onLayer(plan.layerId);
    compute ??= (() => {
      const client = w.computeClient();
      return { client, channel: client.channel() };
    })();
    const { client, channel } = compute;
    try {
      const unit = { layerId: plan.layerId, y: plan.y, x: plan.x };
      const { result, meta } = await channel.run(
        'erf',
        { targets: [{ model: { spec: plan.spec }, unit }], inits: w.ERF_INITS },
        {
          onProgress: (p) => {
            if (run !== erfRun) return;
            progress.value = p.done / p.total;
            setText(erfText, t.erfRunning(p.done, p.total));
          },
        },
      );
      if (badge) showJobMeta(badge, meta, client.onMainThread, runtime);
      if (run !== erfRun) return;
      showErf(result, plan.layerId, plan.reduced, model.analysis.inputShape);
      element.dataset['state'] = 'ready';
    } catch (e) {
      if (e instanceof JobSuperseded || run !== erfRun) return;
      if (error) {
        error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
        error.hidden = false;
      }
      element.dataset['state'] = 'error';
    } finally {
      if (run === erfRun) erfIdle();
    }
  };

  const cancel = (): void => {
    erfRun++;
    compute?.channel.cancel();
    setText(erfText, t.erfCancelled);
    erfIdle();
    element.dataset['state'] = 'ready';
    erfButton.focus();
  };

  erfButton.addEventListener('click', () => void measure());
  cancelButton.addEventListener('click', cancel);
  erfLayer.addEventListener('change', () => onLayer(erfLayer.value));
  erfIdle();

  return {
    setLayers(ids, preferred, fallback) {
      const keep = ids.includes(erfLayer.value) ? erfLayer.value : ids.includes(preferred) ? preferred : fallback;
      erfLayer.replaceChildren(
        ...ids.map((id) => {
          const option = document.createElement('option');
          option.value = id;
          option.textContent = id;
          option.selected = id === keep;
          return option;
        }),
      );
      erfButton.disabled = ids.length === 0;
    },
    select(layerId) {
      if ([...erfLayer.options].some((o) => o.value === layerId)) erfLayer.value = layerId;
    },
  };
}

/**
 * The Inception-cost widget's interactive part: every control change recomputes the module's
 * figures (the zoo's analysis, a few milliseconds) and redraws the chart, the summary and the
 * Data table, then records the state in the address.
 */
import { inceptionCost } from '../../i18n/en/inception-cost.ts';
import { REDUCTION_FACTORS } from '../../lib/models/inception-widths.ts';
import type { inceptionCostSchema } from '../../lib/state/schemas/inception-cost.ts';
import { type InceptionCostState } from '../../lib/state/schemas/inception-cost.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import type { UrlWidgetMount } from '../widget/url-widget-element.ts';
import { inceptionCostView } from './view.ts';

const t = inceptionCost;

/** Rows of text cells into `body`, as text nodes (nothing in them is parsed as markup). */
function fillRows(body: HTMLElement, rows: readonly (readonly string[])[]): void {
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      for (const cell of cells) {
        const td = document.createElement('td');
        td.textContent = cell;
        tr.append(td);
      }
      return tr;
    }),
  );
}

/** Mounts the widget in `element` (an <inception-cost>) at `initial`, over its configured state. */
export function mountInceptionCost(
  element: HTMLElement,
  { initial, onStateChange }: UrlWidgetMount<typeof inceptionCostSchema>,
): void {
  const configured = JSON.parse(element.dataset['config'] ?? '{}') as InceptionCostState;
  let state: InceptionCostState = { ...configured, ...initial };
  const select = (control: string) => element.querySelector<HTMLSelectElement>(`select[data-control="${control}"]`);
  const selects = { module: select('module'), form: select('form'), metric: select('metric') };
  const slider = element.querySelector<HTMLInputElement>('input[data-input="reduce"]');
  const sliderText = element.querySelector<HTMLElement>('[data-reduce-text]');
  const chart = element.querySelector<HTMLElement>('[data-chart]');
  const summary = element.querySelector<HTMLElement>('[data-summary]');
  const table = element.querySelector<HTMLElement>('[data-cost-table]');

  const render = (): void => {
    const view = inceptionCostView(state);
    if (chart) patchMarkup(chart, view.svg);
    if (summary) {
      summary.replaceChildren(
        ...view.summary.map((line) => {
          const p = document.createElement('p');
          p.textContent = line;
          return p;
        }),
      );
    }
    if (table) fillRows(table, view.rows);
    for (const [key, control] of Object.entries(selects)) {
      if (control) control.value = state[key as keyof typeof selects];
    }
    if (slider) {
      slider.value = String(REDUCTION_FACTORS.indexOf(state.reduce));
      slider.setAttribute('aria-valuetext', t.reduceNames[state.reduce]);
    }
    if (sliderText) sliderText.textContent = t.reduceNames[state.reduce];
    element.dataset['state'] = 'ready';
  };

  const update = (next: Partial<InceptionCostState>): void => {
    state = { ...state, ...next };
    render();
    onStateChange(state);
  };

  selects.module?.addEventListener('change', () =>
    update({ module: selects.module!.value as InceptionCostState['module'] }),
  );
  selects.form?.addEventListener('change', () => update({ form: selects.form!.value as InceptionCostState['form'] }));
  selects.metric?.addEventListener('change', () =>
    update({ metric: selects.metric!.value as InceptionCostState['metric'] }),
  );
  slider?.addEventListener('input', () => {
    const factor = REDUCTION_FACTORS[Number(slider.value)];
    if (factor !== undefined) update({ reduce: factor });
  });
  render();
}

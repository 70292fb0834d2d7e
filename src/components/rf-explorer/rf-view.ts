/**
 * The explorer's DOM reconciler: shows a model (rf-reducer.ts) in the settings and each network's
 * panel, and draws the maps, statistics lines, growth chart, slope line and Data tables. Every
 * number and string comes from rf-readout.ts; this file only puts them on the page (markup
 * patched in place).
 */
import { depthOptions, RF_INPUT_SIDE } from '../../lib/state/rf-explorer.ts';
import { renderGrowthChart } from '../../lib/viz/rf-growth-chart.ts';
import { renderRfMap } from '../../lib/viz/rf-map.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { unitLayer } from './nets.ts';
import type { RfReadout, RfStrings } from './rf-readout.ts';
import type { RfModel } from './rf-reducer.ts';

/** The view of one <rf-explorer>. */
export interface RfView {
  /** Shows `model`'s state in the settings, and its networks' panels with their descriptions (hides the other). */
  show(model: RfModel): void;
  /** Draws `readout`: the maps, statistics lines, growth chart, slope line and Data tables. */
  draw(model: RfModel, readout: RfReadout): void;
}

/** Fills `body` (a <tbody>) with one row of cells per entry of `rows`. */
function fillTable(body: HTMLElement, rows: readonly (readonly string[])[]): void {
  body.replaceChildren(
    ...rows.map((values) => {
      const row = document.createElement('tr');
      for (const value of values) row.insertCell().textContent = value;
      return row;
    }),
  );
}

/** The view of `root` (an <rf-explorer> with the markup of RfExplorer.astro), in strings `t`. */
export function rfView(root: HTMLElement, t: RfStrings): RfView {
  const q = (selector: string): HTMLElement => root.querySelector<HTMLElement>(selector)!;
  return {
    show({ state, plans }) {
      const depth = q('[data-control="depth"]') as HTMLInputElement;
      const depths = depthOptions(state.downsample);
      depth.max = String(depths.length - 1);
      depth.value = String(depths.indexOf(state.depth));
      depth.setAttribute('aria-valuetext', t.depthValue(state.depth));
      q('[data-depth-value]').textContent = t.depthValue(state.depth);
      q('[data-inits-value]').textContent = String(state.inits);
      for (const name of ['inits', 'kernel', 'init', 'input', 'nets'] as const) {
        (q(`[data-control="${name}"]`) as HTMLInputElement | HTMLSelectElement).value = String(state[name]);
      }
      (q('[data-control="downsample"]') as HTMLInputElement).checked = state.downsample;
      q('[data-inits-note]').hidden = !(state.init === 'uniform' && state.input === 'pattern');
      for (const key of ['plain', 'residual'] as const) {
        q(`.rfx-panel[data-net="${key}"]`).hidden = !plans.some((p) => p.key === key);
      }
      for (const plan of plans) {
        const convs = unitLayer(plan).depth;
        q(`[data-net="${plan.key}"] [data-net-description]`).textContent =
          plan.key === 'plain'
            ? t.netDescription.plain(convs, state.downsample)
            : t.netDescription.residual(plan.blocks, convs, state.downsample);
      }
    },
    draw({ plans }, readout) {
      plans.forEach((plan, i) => {
        patchMarkup(q(`[data-map="${plan.key}"]`), renderRfMap(readout.maps[i]!));
        q(`[data-stats="${plan.key}"]`).textContent = readout.stats[i]!;
      });
      patchMarkup(
        q('[data-chart]'),
        renderGrowthChart(readout.series, { strings: t.chart, reference: readout.reference, side: RF_INPUT_SIDE }),
      );
      q('[data-slope]').textContent = readout.slope;
      fillTable(q('[data-table]'), readout.layerRows);
      fillTable(q('[data-unit-table]'), readout.unitRows);
    },
  };
}

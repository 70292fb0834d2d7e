/**
 * The diagram's details panel: the hovered, focused or pinned layer's title, its rows (shapes,
 * parameters, MACs with their shares, receptive field) and the receptive-field thumbnail; the
 * hint when no layer is shown. Text only (textContent): nothing here can inject markup.
 */
import type { DiagramModel } from '../../lib/viz/diagram-model.ts';
import { nodeDetails } from '../../lib/viz/node-details.ts';
import { diagramStrings as t } from '../../lib/viz/strings.ts';
import type { NodeRef } from './diagram-focus.ts';
import { thumbnailRects } from './diagram-thumbnail.ts';

/** The panel of `root` (a <cnn-diagram>) for `models`: returns the function that shows node `ref`'s details (null: the hint). */
export function detailsPanel(root: HTMLElement, models: readonly DiagramModel[]): (ref: NodeRef | null) => void {
  const panel = root.querySelector<HTMLElement>('[data-panel]');
  const title = panel?.querySelector<HTMLElement>('[data-panel-title]');
  const rows = panel?.querySelector<HTMLElement>('[data-panel-rows]');
  const thumb = panel?.querySelector<HTMLElement>('[data-thumb]');
  return (ref) => {
    if (title == null || rows == null) return;
    panel!.toggleAttribute('data-active', ref !== null);
    if (ref === null) {
      title.textContent = t.hint;
      rows.replaceChildren();
      if (thumb != null) thumb.hidden = true;
      return;
    }
    const model = models[ref.c]!;
    const details = nodeDetails(model, ref.i);
    title.textContent = models.length > 1 ? `${details.title} · ${model.name}` : details.title;
    rows.replaceChildren(
      ...details.rows.flatMap(([label, value]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = value;
        return [dt, dd];
      }),
    );
    if (thumb == null) return;
    thumb.hidden = details.thumbnail === null;
    if (details.thumbnail === null) return;
    for (const [name, rect] of Object.entries(thumbnailRects(details.thumbnail))) {
      const element = thumb.querySelector(`[data-thumb-${name}]`);
      for (const [attribute, value] of Object.entries(rect)) element?.setAttribute(attribute, String(value));
    }
  };
}

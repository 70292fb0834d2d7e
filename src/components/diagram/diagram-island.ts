/**
 * The interactive part of <cnn-diagram>, loaded on the reader's first interaction: the wiring of
 * its parts. Layers become buttons in one roving tab stop (diagram-focus.ts: arrow keys,
 * Home/End; Enter/Space expands a group or pins a layer), hover/focus/tap fill the details panel
 * (diagram-inspector.ts), groups expand and collapse (diagram-expansion.ts; the SVG follows the
 * layout through diagram-parts.ts), box widths switch encoding, the view zooms and pans
 * (diagram-viewport.ts), and the figure exports as SVG/PNG (diagram-export.ts). Everything reads
 * from the JSON configuration the build embedded; DOM is built with DOM APIs.
 */
import type { DiagramConfig } from '../../lib/viz/diagram-figure.ts';
import { metricsFor } from '../../lib/viz/diagram-metrics.ts';
import { layoutDiagram, type DiagramLayout } from '../../lib/viz/diagram-layout.ts';
import { isEncoding, type Encoding } from '../../lib/viz/encoding.ts';
import { useDiagramStrings, type DiagramStrings } from '../../lib/viz/strings.ts';
import { downloadPng, downloadSvg } from './diagram-export.ts';
import { expandAll, shownNode, toggleGroup } from './diagram-expansion.ts';
import { keyAction, sameNode, visibleOrder, ZOOM_STEP, type NodeRef } from './diagram-focus.ts';
import { detailsPanel } from './diagram-inspector.ts';
import { diagramParts } from './diagram-parts.ts';
import { diagramViewport } from './diagram-viewport.ts';

/** Events that reached the figure while this module loaded. */
export interface PendingInput {
  /** The event that loaded the island: a pointer over or down on the figure, or focus entering it. */
  readonly intent: { readonly type: string; readonly target: EventTarget | null };
  readonly clicks: readonly EventTarget[];
}

/** The node an event happened on: the `[data-node]` element at or around `target`, in its column. */
function refOf(target: EventTarget | null): NodeRef | null {
  if (!(target instanceof Element)) return null;
  const element = target.closest('[data-node]');
  const column = element?.closest('[data-column]');
  if (element == null || column == null) return null;
  return { c: Number(column.getAttribute('data-column')), i: Number(element.getAttribute('data-node')) };
}

/** Wires one <cnn-diagram>, in `strings` (the page language's; English when not given). Safe to call once per element. */
export function hydrate(root: HTMLElement, pending: PendingInput, strings?: DiagramStrings): void {
  if (root.dataset['state'] !== 'idle') return;
  // The page's language, for everything the island draws from now on (English when not given).
  if (strings !== undefined) useDiagramStrings(strings);
  const config = JSON.parse(root.querySelector('script[data-config]')?.textContent ?? 'null') as DiagramConfig | null;
  const viewport = root.querySelector<HTMLElement>('.arch-viewport');
  const svg = viewport?.querySelector<SVGSVGElement>('svg.arch-svg');
  if (config === null || viewport === null || svg == null) return;

  const { models } = config;
  const metrics = metricsFor(config.compact);
  const select = root.querySelector<HTMLSelectElement>('select[data-encoding]');
  let encoding: Encoding = isEncoding(select?.value) ? select.value : config.encoding;
  let expansion = config.expanded.map((list) => new Set(list));
  const layoutNow = (): DiagramLayout => layoutDiagram(models, expansion, { metrics, align: config.align });
  let layout = layoutNow();
  let active: NodeRef = { c: 0, i: visibleOrder(layout, 0)[0] ?? 1 };
  const parts = diagramParts(svg, config, metrics, encoding, () => active, root.querySelector('[data-legend]'));
  let selected: NodeRef | null = null;
  let hovered: NodeRef | null = null;
  const showDetails = detailsPanel(root, models);
  const zoom = diagramViewport(viewport, svg, () => layout.width);

  // ---- Active node ----

  function setActive(ref: NodeRef): void {
    parts.node(active)?.setAttribute('tabindex', '-1');
    active = ref;
    parts.node(active)?.setAttribute('tabindex', '0');
  }

  /** Makes `ref` the tab stop and focuses it; `scroll: false` leaves the page where it is. */
  function focusNode(ref: NodeRef, { scroll = true } = {}): void {
    setActive(ref);
    const element = parts.node(ref) as SVGGElement | null;
    element?.focus({ preventScroll: true });
    if (scroll) element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function highlight(className: string, from: NodeRef | null, to: NodeRef | null): void {
    if (from !== null) parts.node(from)?.classList.remove(className);
    if (to !== null) parts.node(to)?.classList.add(className);
  }

  // ---- Expand and collapse ----

  /** Shows `next`: the layout, the zoomed width, the encoding; the tab stop moves off a hidden node. */
  function relayout(next: Set<number>[]): void {
    expansion = next;
    layout = layoutNow();
    parts.apply(layout, expansion);
    zoom.resize();
    const shown = shownNode(models, expansion, active);
    if (!sameNode(shown, active)) setActive(shown);
    parts.encode(encoding);
  }

  function activate(ref: NodeRef): void {
    if (models[ref.c]!.nodes[ref.i]!.role === 'group') {
      relayout(toggleGroup(expansion, ref));
      showDetails(ref);
      return;
    }
    highlight('is-selected', selected, null);
    selected = sameNode(selected, ref) ? null : ref;
    highlight('is-selected', null, selected);
    showDetails(ref);
  }

  // ---- Events ----

  svg.addEventListener('pointerover', (event) => {
    const ref = refOf(event.target);
    if (ref === null || sameNode(hovered, ref)) return;
    highlight('is-hovered', hovered, ref);
    hovered = ref;
    showDetails(ref);
  });
  svg.addEventListener('pointerout', (event) => {
    if (hovered === null) return;
    const to = refOf(event.relatedTarget);
    if (sameNode(to, hovered)) return;
    highlight('is-hovered', hovered, null);
    hovered = null;
    if (to === null) showDetails(svg.contains(document.activeElement) ? active : selected);
  });
  svg.addEventListener('focusin', (event) => {
    const ref = refOf(event.target);
    if (ref === null) return;
    setActive(ref);
    showDetails(ref);
  });
  svg.addEventListener('click', (event) => {
    if (zoom.dragged) return;
    const ref = refOf(event.target);
    if (ref !== null) activate(ref);
  });
  svg.addEventListener('keydown', (event) => {
    const ref = refOf(event.target);
    if (ref === null) return;
    const action = keyAction(layout, ref, event.key);
    if (action === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (action === 'activate') activate(ref);
    else if ('zoom' in action) zoom.zoomBy(action.zoom);
    else if (action.focus !== null) focusNode(action.focus);
  });

  select?.addEventListener('change', () => {
    if (!isEncoding(select.value)) return;
    encoding = select.value;
    parts.encode(encoding);
  });
  const background = (): string => getComputedStyle(viewport).backgroundColor;
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button === null || !root.contains(button)) return;
    const zoomAction = button.getAttribute('data-zoom');
    if (zoomAction === 'in') zoom.zoomBy(ZOOM_STEP);
    else if (zoomAction === 'out') zoom.zoomBy(1 / ZOOM_STEP);
    else if (zoomAction === 'fit') zoom.setZoom(null);
    const expand = button.getAttribute('data-expand');
    if (expand !== null) {
      const hadFocus = svg.contains(document.activeElement);
      relayout(expandAll(models, expand === 'all'));
      if (hadFocus) focusNode(active);
    }
    const download = button.getAttribute('data-download');
    if (download === 'svg') downloadSvg(svg, config.fileName, background());
    else if (download === 'png') void downloadPng(svg, config.fileName, background());
  });

  // ---- Go live ----

  svg.setAttribute('role', 'group');
  svg.setAttribute('tabindex', '-1');
  svg.classList.add('is-live');
  parts.liven(expansion);
  parts.encode(encoding);
  const viewportHadFocus = document.activeElement === viewport;
  // Layers are now the tab stop; the viewport itself need not be.
  viewport.setAttribute('tabindex', '-1');
  root.dataset['state'] = 'ready';
  const first = refOf(pending.intent.target);
  if (viewportHadFocus) {
    // Keyboard focus moves onto the current layer and brings it into view. Focus that a press gave
    // the viewport moves onto the layer under the pointer and never scrolls: a page that moves
    // between press and release turns the reader's click into a click on whatever slid beneath.
    if (pending.intent.type === 'focusin') focusNode(active);
    else focusNode(first ?? active, { scroll: false });
  }
  if (first !== null && pending.intent.type !== 'focusin' && pending.intent.target instanceof Element) {
    if (pending.intent.target.matches(':hover')) {
      highlight('is-hovered', null, first);
      hovered = first;
    }
    showDetails(first);
  }
  for (const target of pending.clicks) {
    if (target instanceof Element && target.isConnected)
      target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
}

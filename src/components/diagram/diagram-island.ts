/**
 * The interactive part of <cnn-diagram>, loaded on the reader's first interaction: layers become
 * buttons in one roving tab stop (arrow keys, Home/End; Enter/Space expands a group or pins a
 * layer), hover/focus/tap fill the details panel, groups expand and collapse (the pure layout is
 * re-run and existing elements moved; parts the build left out are rendered from the same
 * code), box widths switch encoding, the view zooms and pans, and the figure exports as SVG/PNG.
 * Everything reads from the JSON configuration the build embedded; DOM is built with DOM APIs.
 */
import { metricsFor } from '../../lib/viz/diagram-metrics.ts';
import type { DiagramConfig } from '../../lib/viz/diagram-figure.ts';
import { isVisible, layoutDiagram, representative, type DiagramLayout } from '../../lib/viz/diagram-layout.ts';
import {
  arrowAttrs,
  bandSvg,
  boxGeometry,
  frameAttrs,
  partContainers,
  partSvg,
  placementAttrs,
  type PartKind,
  type SvgOptions,
} from '../../lib/viz/diagram-svg.ts';
import { isJoin } from '../../lib/viz/diagram-model.ts';
import { isEncoding, type Encoding } from '../../lib/viz/encoding.ts';
import { nodeAriaLabel, nodeDetails, type FieldThumbnail } from '../../lib/viz/node-details.ts';
import { diagramStrings as t, useDiagramStrings, type DiagramStrings } from '../../lib/viz/strings.ts';
import { downloadPng, downloadSvg } from './diagram-export.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ZOOM_STEP = 1.25;
const ZOOM_MIN = 0.2;
const ZOOM_MAX = 4;

/** Where a node lives: column and node index. */
interface NodeRef {
  readonly c: number;
  readonly i: number;
}

/** Events that reached the figure while this module loaded. */
export interface PendingInput {
  /** The event that loaded the island: a pointer over or down on the figure, or focus entering it. */
  readonly intent: { readonly type: string; readonly target: EventTarget | null };
  readonly clicks: readonly EventTarget[];
}

function setAttrs(element: Element, values: Readonly<Record<string, string | undefined>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}

/** Parses one element of our own, escaped SVG markup (never reader input) into this document. */
function svgElement(markup: string): Element | null {
  const parsed = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}">${markup}</svg>`, 'image/svg+xml');
  const element = parsed.documentElement.firstElementChild;
  return element === null ? null : document.importNode(element, true);
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

  const models = config.models;
  const metrics = metricsFor(config.compact);
  const expansion = config.expanded.map((list) => new Set(list));
  const panelId = `${config.uid}-panel`;
  const columns = [...svg.querySelectorAll<SVGGElement>('g[data-column]')];
  const select = root.querySelector<HTMLSelectElement>('select[data-encoding]');
  const legend = root.querySelector<HTMLElement>('[data-legend]');
  let encoding: Encoding = isEncoding(select?.value) ? select.value : config.encoding;
  let layout: DiagramLayout = layoutDiagram(models, expansion, { metrics, align: config.align });
  let zoom: number | null = null;
  let active: NodeRef = { c: 0, i: firstVisible(0) };
  let selected: NodeRef | null = null;
  let hovered: NodeRef | null = null;

  const svgOptions = (): SvgOptions => ({ metrics, encoding, uid: config.uid, label: config.label });

  function firstVisible(c: number): number {
    return order(c)[0] ?? 1;
  }

  /** Visible nodes of column c, top to bottom (shortcut layers before the sum they feed). */
  function order(c: number): number[] {
    const placed = layout.columns[c]!.nodes;
    return placed
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => i > 0 && p.visible)
      .sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x)
      .map(({ i }) => i);
  }

  // ---- Elements: find, create on demand (in node order), decorate ----

  function find(c: number, kind: PartKind, i: number): Element | null {
    return columns[c]?.querySelector(`:scope > .${partContainers[kind]} > [data-${kind}="${i}"]`) ?? null;
  }

  function ensure(c: number, kind: PartKind, i: number): Element | null {
    const existing = find(c, kind, i);
    if (existing !== null) return existing;
    const container = columns[c]?.querySelector(`:scope > .${partContainers[kind]}`);
    const element = svgElement(partSvg(kind, models[c]!, layout.columns[c]!, i, svgOptions()));
    if (container == null || element === null) return null;
    const after = [...container.children].find((child) => Number(child.getAttribute(`data-${kind}`)) > i);
    container.insertBefore(element, after ?? null);
    if (kind === 'node') decorate(element, c, i);
    return element;
  }

  function decorate(element: Element, c: number, i: number): void {
    const node = models[c]!.nodes[i]!;
    element.setAttribute('role', 'button');
    element.setAttribute('tabindex', c === active.c && i === active.i ? '0' : '-1');
    element.setAttribute('aria-label', nodeAriaLabel(node, metrics.showShapes));
    element.setAttribute('aria-describedby', panelId);
    if (node.role === 'group') element.setAttribute('aria-expanded', String(expansion[c]!.has(i)));
  }

  // ---- Layout ----

  function apply(): void {
    layout = layoutDiagram(models, expansion, { metrics, align: config!.align });
    svg!.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    svg!.setAttribute('width', String(layout.width));
    svg!.setAttribute('height', String(layout.height));
    if (zoom !== null) svg!.style.width = `${layout.width * zoom}px`;
    models.forEach((model, c) => {
      const column = layout.columns[c]!;
      for (let i = 1; i < model.nodes.length; i++) {
        const p = column.nodes[i]!;
        const element = p.visible ? ensure(c, 'node', i) : find(c, 'node', i);
        if (element !== null) {
          setAttrs(element, placementAttrs(p));
          if (model.nodes[i]!.role === 'group') {
            element.setAttribute('data-expanded', String(p.expanded));
            element.setAttribute('aria-expanded', String(p.expanded));
          }
        }
        const frame = column.frames[i] ?? null;
        const frameElement = frame === null ? find(c, 'frame', i) : ensure(c, 'frame', i);
        if (frameElement !== null) setAttrs(frameElement, frameAttrs(frame));
        const arrow = column.arrows[i] ?? null;
        const arrowElement = arrow === null ? find(c, 'arrow', i) : ensure(c, 'arrow', i);
        if (arrowElement !== null) setAttrs(arrowElement, arrowAttrs(arrow));
        const arc = column.arcs[i] ?? null;
        const arcElement = arc === null ? find(c, 'arc', i) : ensure(c, 'arc', i);
        if (arcElement !== null)
          setAttrs(arcElement, arc === null ? { display: 'none' } : { d: arc, display: undefined });
      }
    });
    applyBands();
    if (!isVisible(models[active.c]!, expansion[active.c]!, active.i)) {
      setActive({ c: active.c, i: representative(models[active.c]!, expansion[active.c]!, active.i) });
    }
  }

  function applyBands(): void {
    const group = svg!.querySelector('g.bands');
    if (group === null) return;
    const present = new Set(layout.bands.map((b) => String(b.stage)));
    for (const element of group.querySelectorAll('[data-band]')) {
      if (!present.has(element.getAttribute('data-band') ?? '')) element.setAttribute('display', 'none');
    }
    for (const band of layout.bands) {
      let element = group.querySelector(`[data-band="${band.stage}"]`);
      if (element === null) {
        element = svgElement(bandSvg(band, layout, metrics));
        if (element === null) continue;
        group.append(element);
      }
      element.removeAttribute('display');
      element.setAttribute('transform', `translate(0,${band.y})`);
    }
  }

  function applyEncoding(): void {
    svg!.setAttribute('data-encoding', encoding);
    if (legend !== null) legend.textContent = t.encodings.legend[encoding];
    models.forEach((model, c) => {
      for (const element of columns[c]?.querySelectorAll(':scope > .nodes > [data-node]') ?? []) {
        const node = model.nodes[Number(element.getAttribute('data-node'))];
        if (node === undefined || node.lane !== 'main' || isJoin(node)) continue;
        const { x, width } = boxGeometry(node, encoding);
        for (const box of element.querySelectorAll('rect.box')) {
          const back = box.classList.contains('back');
          box.setAttribute('x', String(back ? x + 3 : x));
          box.setAttribute('width', String(width));
        }
      }
    });
  }

  // ---- Active node, details panel ----

  function nodeElement(ref: NodeRef): Element | null {
    return find(ref.c, 'node', ref.i);
  }

  function setActive(ref: NodeRef): void {
    nodeElement(active)?.setAttribute('tabindex', '-1');
    active = ref;
    nodeElement(active)?.setAttribute('tabindex', '0');
  }

  /** Makes `ref` the tab stop and focuses it; `scroll: false` leaves the page where it is. */
  function focusNode(ref: NodeRef, { scroll = true } = {}): void {
    setActive(ref);
    const element = nodeElement(ref) as SVGGElement | null;
    element?.focus({ preventScroll: true });
    if (scroll) element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  const panel = root.querySelector<HTMLElement>('[data-panel]');
  const panelTitle = panel?.querySelector<HTMLElement>('[data-panel-title]');
  const panelRows = panel?.querySelector<HTMLElement>('[data-panel-rows]');
  const thumb = panel?.querySelector<HTMLElement>('[data-thumb]');

  function showDetails(ref: NodeRef | null): void {
    if (panelTitle == null || panelRows == null) return;
    panel!.toggleAttribute('data-active', ref !== null);
    if (ref === null) {
      panelTitle.textContent = t.hint;
      panelRows.replaceChildren();
      if (thumb != null) thumb.hidden = true;
      return;
    }
    const model = models[ref.c]!;
    const details = nodeDetails(model, ref.i);
    panelTitle.textContent = models.length > 1 ? `${details.title} · ${model.name}` : details.title;
    panelRows.replaceChildren(
      ...details.rows.flatMap(([label, value]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = value;
        return [dt, dd];
      }),
    );
    drawThumbnail(details.thumbnail);
  }

  function drawThumbnail(field: FieldThumbnail | null): void {
    if (thumb == null) return;
    thumb.hidden = field === null;
    if (field === null) return;
    // The input fills the middle 80 units of the 100-unit box; the field may reach past it.
    const scale = 80 / Math.max(field.inputHeight, field.inputWidth);
    const x0 = 50 - (field.inputWidth * scale) / 2;
    const y0 = 50 - (field.inputHeight * scale) / 2;
    const rect = (name: string, x: number, y: number, w: number, h: number): void => {
      const element = thumb.querySelector(`[data-thumb-${name}]`);
      if (element !== null)
        setAttrs(element, {
          x: String(x),
          y: String(y),
          width: String(Math.max(w, 0)),
          height: String(Math.max(h, 0)),
        });
    };
    rect('input', x0, y0, field.inputWidth * scale, field.inputHeight * scale);
    rect('reach', x0 + field.left * scale, y0 + field.top * scale, field.width * scale, field.height * scale);
    const left = Math.max(0, field.left);
    const top = Math.max(0, field.top);
    const right = Math.min(field.inputWidth, field.left + field.width);
    const bottom = Math.min(field.inputHeight, field.top + field.height);
    rect('field', x0 + left * scale, y0 + top * scale, (right - left) * scale, (bottom - top) * scale);
    const cx = x0 + (field.left + field.width / 2) * scale;
    const cy = y0 + (field.top + field.height / 2) * scale;
    rect('unit', cx - 1.5, cy - 1.5, 3, 3);
  }

  function highlight(className: string, from: NodeRef | null, to: NodeRef | null): void {
    if (from !== null) nodeElement(from)?.classList.remove(className);
    if (to !== null) nodeElement(to)?.classList.add(className);
  }

  function refOf(target: EventTarget | null): NodeRef | null {
    if (!(target instanceof Element)) return null;
    const element = target.closest('[data-node]');
    const column = element?.closest('[data-column]');
    if (element == null || column == null) return null;
    return { c: Number(column.getAttribute('data-column')), i: Number(element.getAttribute('data-node')) };
  }

  // ---- Expand and collapse ----

  function toggle(ref: NodeRef): void {
    const set = expansion[ref.c]!;
    if (set.has(ref.i)) set.delete(ref.i);
    else set.add(ref.i);
    apply();
    applyEncoding();
    showDetails(ref);
  }

  function expandAll(open: boolean): void {
    const hadFocus = svg!.contains(document.activeElement);
    models.forEach((model, c) => {
      const set = expansion[c]!;
      set.clear();
      if (open) model.nodes.forEach((n, i) => n.role === 'group' && set.add(i));
    });
    apply();
    applyEncoding();
    if (hadFocus) focusNode(active);
  }

  function activate(ref: NodeRef): void {
    if (models[ref.c]!.nodes[ref.i]!.role === 'group') {
      toggle(ref);
      return;
    }
    highlight('is-selected', selected, null);
    selected = selected !== null && selected.c === ref.c && selected.i === ref.i ? null : ref;
    highlight('is-selected', null, selected);
    showDetails(ref);
  }

  // ---- Zoom and pan ----

  function setZoom(next: number | null): void {
    const cx = (viewport!.scrollLeft + viewport!.clientWidth / 2) / Math.max(1, viewport!.scrollWidth);
    const cy = (viewport!.scrollTop + viewport!.clientHeight / 2) / Math.max(1, viewport!.scrollHeight);
    zoom = next === null ? null : Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, next));
    viewport!.classList.toggle('is-zoomed', zoom !== null);
    svg!.style.width = zoom === null ? '' : `${layout.width * zoom}px`;
    viewport!.scrollLeft = cx * viewport!.scrollWidth - viewport!.clientWidth / 2;
    viewport!.scrollTop = cy * viewport!.scrollHeight - viewport!.clientHeight / 2;
  }

  function zoomBy(factor: number): void {
    const current = svg!.getBoundingClientRect().width / layout.width;
    setZoom(current * factor);
  }

  let drag: { x: number; y: number; left: number; top: number; moved: boolean } | null = null;
  let suppressClick = false;

  viewport.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'mouse' || event.button !== 0) return;
    const overflows = viewport.scrollWidth > viewport.clientWidth || viewport.scrollHeight > viewport.clientHeight;
    if (!overflows) return;
    drag = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop, moved: false };
  });
  window.addEventListener('pointermove', (event) => {
    if (drag === null) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    viewport.classList.add('is-panning');
    viewport.scrollLeft = drag.left - dx;
    viewport.scrollTop = drag.top - dy;
  });
  window.addEventListener('pointerup', () => {
    if (drag?.moved === true) suppressClick = true;
    drag = null;
    viewport.classList.remove('is-panning');
    setTimeout(() => (suppressClick = false), 0);
  });

  // ---- Events ----

  svg.addEventListener('pointerover', (event) => {
    const ref = refOf(event.target);
    if (ref === null || (hovered !== null && hovered.c === ref.c && hovered.i === ref.i)) return;
    highlight('is-hovered', hovered, ref);
    hovered = ref;
    showDetails(ref);
  });
  svg.addEventListener('pointerout', (event) => {
    if (hovered === null) return;
    const to = refOf(event.relatedTarget);
    if (to !== null && to.c === hovered.c && to.i === hovered.i) return;
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
    if (suppressClick) return;
    const ref = refOf(event.target);
    if (ref !== null) activate(ref);
  });
  svg.addEventListener('keydown', (event) => {
    const ref = refOf(event.target);
    if (ref === null) return;
    const list = order(ref.c);
    const at = list.indexOf(ref.i);
    const within = (i: number | undefined): void => {
      if (i !== undefined) focusNode({ c: ref.c, i });
    };
    const across = (dc: number): void => {
      const c = ref.c + dc;
      if (c < 0 || c >= models.length) return;
      const y = layout.columns[ref.c]!.nodes[ref.i]!.y;
      const target = order(c).reduce<number | undefined>((best, i) => {
        const d = Math.abs(layout.columns[c]!.nodes[i]!.y - y);
        return best === undefined || d < Math.abs(layout.columns[c]!.nodes[best]!.y - y) ? i : best;
      }, undefined);
      if (target !== undefined) focusNode({ c, i: target });
    };
    const single = models.length === 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => within(list[at + 1]),
      ArrowUp: () => within(list[at - 1]),
      ArrowRight: () => (single ? within(list[at + 1]) : across(1)),
      ArrowLeft: () => (single ? within(list[at - 1]) : across(-1)),
      Home: () => within(list[0]),
      End: () => within(list[list.length - 1]),
      Enter: () => activate(ref),
      ' ': () => activate(ref),
      '+': () => zoomBy(ZOOM_STEP),
      '=': () => zoomBy(ZOOM_STEP),
      '-': () => zoomBy(1 / ZOOM_STEP),
    };
    const action = keys[event.key];
    if (action === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  });

  select?.addEventListener('change', () => {
    if (!isEncoding(select.value)) return;
    encoding = select.value;
    applyEncoding();
  });
  const background = (): string => getComputedStyle(viewport).backgroundColor;
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button === null || !root.contains(button)) return;
    const zoomAction = button.getAttribute('data-zoom');
    if (zoomAction === 'in') zoomBy(ZOOM_STEP);
    else if (zoomAction === 'out') zoomBy(1 / ZOOM_STEP);
    else if (zoomAction === 'fit') setZoom(null);
    const expand = button.getAttribute('data-expand');
    if (expand !== null) expandAll(expand === 'all');
    const download = button.getAttribute('data-download');
    if (download === 'svg') downloadSvg(svg, config.fileName, background());
    else if (download === 'png') void downloadPng(svg, config.fileName, background());
  });

  // ---- Go live ----

  svg.setAttribute('role', 'group');
  svg.setAttribute('tabindex', '-1');
  svg.classList.add('is-live');
  models.forEach((model, c) => {
    for (let i = 1; i < model.nodes.length; i++) {
      const element = find(c, 'node', i);
      if (element !== null) decorate(element, c, i);
    }
  });
  applyEncoding();
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

/**
 * The diagram's DOM reconciler: keeps the SVG the build drew in line with a new layout (after a
 * group expands or collapses) and a new box-width encoding. Existing elements are moved; parts
 * the build left out are rendered from the same code (diagram-svg.ts) and inserted in node order;
 * parts no longer drawn are hidden.
 */
import type { DiagramConfig } from '../../lib/viz/diagram-figure.ts';
import type { DiagramLayout, Expansion } from '../../lib/viz/diagram-layout.ts';
import type { DiagramMetrics } from '../../lib/viz/diagram-metrics.ts';
import { isJoin } from '../../lib/viz/diagram-model.ts';
import {
  arrowAttrs,
  bandSvg,
  boxGeometry,
  frameAttrs,
  partContainers,
  partSvg,
  placementAttrs,
  type PartKind,
} from '../../lib/viz/diagram-svg.ts';
import type { Encoding } from '../../lib/viz/encoding.ts';
import { nodeAriaLabel } from '../../lib/viz/node-details.ts';
import { diagramStrings as t } from '../../lib/viz/strings.ts';
import type { NodeRef } from './diagram-focus.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Sets each attribute of `values` on `element`; an undefined value removes it. */
export function setAttrs(element: Element, values: Readonly<Record<string, string | undefined>>): void {
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

/** The live parts of one diagram's SVG. */
export interface DiagramParts {
  /** The element drawing node `ref`, if it is in the document. */
  node(ref: NodeRef): Element | null;
  /** Makes every node drawn a button: tab stop (the `active` one only), name, description, expanded state. */
  liven(expansion: Expansion): void;
  /** Moves, adds or hides parts to match `layout`, the layout of `expansion`. */
  apply(layout: DiagramLayout, expansion: Expansion): void;
  /** Sets the box widths (and the legend, when given) to `encoding`. */
  encode(encoding: Encoding): void;
}

/**
 * The parts of `svg` (the build's drawing of `config`, laid out with `metrics`), drawn in
 * `encoding` at first; `active()` is the node holding the tab stop, `legend` the encoding's legend.
 */
export function diagramParts(
  svg: SVGSVGElement,
  config: DiagramConfig,
  metrics: DiagramMetrics,
  encoding: Encoding,
  active: () => NodeRef,
  legend: HTMLElement | null,
): DiagramParts {
  const { models } = config;
  const columns = [...svg.querySelectorAll<SVGGElement>('g[data-column]')];
  let layout: DiagramLayout;
  let expansion: Expansion;

  const find = (c: number, kind: PartKind, i: number): Element | null =>
    columns[c]?.querySelector(`:scope > .${partContainers[kind]} > [data-${kind}="${i}"]`) ?? null;

  const decorate = (element: Element, c: number, i: number): void => {
    const node = models[c]!.nodes[i]!;
    const { c: ac, i: ai } = active();
    setAttrs(element, {
      role: 'button',
      tabindex: c === ac && i === ai ? '0' : '-1',
      'aria-label': nodeAriaLabel(node, metrics.showShapes),
      'aria-describedby': `${config.uid}-panel`,
    });
    if (node.role === 'group') element.setAttribute('aria-expanded', String(expansion[c]!.has(i)));
  };

  /** The element of part `kind` `i` in column `c`, rendered and inserted in node order if missing. */
  const ensure = (c: number, kind: PartKind, i: number): Element | null => {
    const existing = find(c, kind, i);
    if (existing !== null) return existing;
    const container = columns[c]?.querySelector(`:scope > .${partContainers[kind]}`);
    const options = { metrics, encoding, uid: config.uid, label: config.label };
    const element = svgElement(partSvg(kind, models[c]!, layout.columns[c]!, i, options));
    if (container == null || element === null) return null;
    const after = [...container.children].find((child) => Number(child.getAttribute(`data-${kind}`)) > i);
    container.insertBefore(element, after ?? null);
    if (kind === 'node') decorate(element, c, i);
    return element;
  };

  /** Part `kind` `i` of column `c` set to `attrs` when drawn now (`placed`), else hidden if it exists. */
  const place = <P>(
    c: number,
    kind: PartKind,
    i: number,
    placed: P | null,
    attrs: (p: P | null) => Record<string, string | undefined>,
  ): void => {
    const element = placed === null ? find(c, kind, i) : ensure(c, kind, i);
    if (element !== null) setAttrs(element, attrs(placed));
  };

  const applyBands = (): void => {
    const group = svg.querySelector('g.bands');
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
  };

  return {
    node: ({ c, i }) => find(c, 'node', i),
    liven(next) {
      expansion = next;
      models.forEach((model, c) => {
        for (let i = 1; i < model.nodes.length; i++) {
          const element = find(c, 'node', i);
          if (element !== null) decorate(element, c, i);
        }
      });
    },
    apply(nextLayout, next) {
      layout = nextLayout;
      expansion = next;
      setAttrs(svg, {
        viewBox: `0 0 ${layout.width} ${layout.height}`,
        width: String(layout.width),
        height: String(layout.height),
      });
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
          place(c, 'frame', i, column.frames[i] ?? null, frameAttrs);
          place(c, 'arrow', i, column.arrows[i] ?? null, arrowAttrs);
          place(c, 'arc', i, column.arcs[i] ?? null, (arc) =>
            arc === null ? { display: 'none' } : { d: arc, display: undefined },
          );
        }
      });
      applyBands();
    },
    encode(next) {
      encoding = next;
      svg.setAttribute('data-encoding', encoding);
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
    },
  };
}

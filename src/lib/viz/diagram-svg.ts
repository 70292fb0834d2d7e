/**
 * Renders a laid-out diagram to an SVG string at build time. Every node, arrow, frame and arc
 * of every model is emitted, hidden (`display="none"`) where the current expansion does not draw
 * it, so the island only moves and shows existing elements. Colours come from CSS classes (the
 * page maps them to Starlight's theme variables); text and attributes are escaped.
 *
 * Element hooks for the island: `data-column` on each column, `data-node`, `data-frame`,
 * `data-arrow` and `data-arc` (node indices) on the parts; `data-expanded` on group nodes.
 */
import { formatShape, formatSi } from '../models/report.ts';
import type { DiagramMetrics } from './diagram-metrics.ts';
import { isJoin, type DiagramModel, type DiagramNode } from './diagram-model.ts';
import {
  laneBoxHeight,
  rowHeight,
  type ArrowPlacement,
  type Band,
  type ColumnLayout,
  type DiagramLayout,
  type FramePlacement,
  type NodePlacement,
} from './diagram-layout.ts';
import { encodingIndex, type Encoding } from './encoding.ts';
import { stageLabel } from './stage-key.ts';
import { diagramStrings as t } from './strings.ts';
import { el, num, textEl, translate } from './svg.ts';

export interface SvgOptions {
  readonly metrics: DiagramMetrics;
  readonly encoding: Encoding;
  /** Prefix for ids inside the SVG (the arrow marker), unique on the page. */
  readonly uid: string;
  /** The SVG's accessible name. */
  readonly label: string;
}

/** Colour class of a layer kind. */
export function kindClass(node: DiagramNode): string {
  switch (node.kind) {
    case 'conv':
      return 'k-conv';
    case 'maxpool':
    case 'avgpool':
    case 'subsample':
    case 'globalavgpool':
      return 'k-pool';
    case 'dense':
    case 'rbf':
      return 'k-fc';
    case 'add':
    case 'concat':
    case 'padshortcut':
      return 'k-sum';
    case 'group':
    case 'root':
      return 'k-group';
    default:
      return 'k-minor';
  }
}

/** A main-lane box's x and width (relative to the axis) under `encoding`. */
export function boxGeometry(node: DiagramNode, encoding: Encoding): { x: number; width: number } {
  const width = node.widths[encodingIndex(encoding)];
  return { x: -width / 2, width };
}

/** `transform` and `display` of a placed part. */
export function placementAttrs(p: NodePlacement): { transform: string; display: string | undefined } {
  return { transform: translate(p.x, p.y), display: p.visible ? undefined : 'none' };
}

export function frameAttrs(f: FramePlacement | null): Record<string, string | undefined> {
  return f === null
    ? { display: 'none' }
    : { x: num(f.x), y: num(f.y), width: num(f.width), height: num(f.height), display: undefined };
}

export function arrowAttrs(a: ArrowPlacement | null): Record<string, string | undefined> {
  // The line stops 1 px short so the arrowhead's tip touches the box.
  return a === null
    ? { display: 'none' }
    : { x1: num(a.x), x2: num(a.x), y1: num(a.y1), y2: num(Math.max(a.y1, a.y2 - 1)), display: undefined };
}

/** A disclosure triangle at (x, y centre): pointing right when collapsed, down when expanded. */
function triangle(x: number, y: number, size: number, open: boolean): string {
  const h = size / 2;
  const d = open
    ? `M${num(x)},${num(y - h / 2)}h${num(size)}l${num(-h)},${num(h)}z`
    : `M${num(x + h / 4)},${num(y - h)}v${num(size)}l${num(h)},${num(-h)}z`;
  return el('path', { class: 'twisty', d });
}

function rowText(cls: string, x: number, y: number, text: string, size: number): string {
  return textEl('text', { class: cls, x, y, dy: '0.35em', 'font-size': size }, text);
}

/**
 * Whether a node's row shows its output shape: not in a thin row, and not inside side-by-side
 * branches, whose rows end at their label (the shape is in the details panel and the Data table).
 */
function showsShape(node: DiagramNode, m: DiagramMetrics): boolean {
  return m.showShapes && node.role !== 'minor' && node.branch === undefined;
}

/** The highlight behind a row (hover, focus, selection); also the row's pointer target. */
function ring(column: ColumnLayout, model: DiagramModel, node: DiagramNode, height: number, m: DiagramMetrics): string {
  const left = -m.boxMaxWidth / 2 - 4;
  const labels = column.labelX - column.axis;
  const right =
    node.branch !== undefined
      ? labels + model.branchLabelWidth
      : labels + model.labelWidth + (m.showShapes ? m.shapeGap + model.shapeWidth : 0);
  return el('rect', { class: 'ring', x: left, y: -2, width: right - left + 4, height: height + 4, rx: 3 });
}

function layerNode(model: DiagramModel, index: number, column: ColumnLayout, o: SvgOptions): string {
  const m = o.metrics;
  const node = model.nodes[index]!;
  const h = rowHeight(node, m);
  const font = node.role === 'minor' ? m.minorFont : m.labelFont;
  const labelX = column.labelX - column.axis;
  const parts: string[] = [ring(column, model, node, h, m)];
  if (isJoin(node)) {
    const r = h / 2 - 1;
    // ⊕ for a sum; two bars, maps stacked side by side, for a concatenation.
    const glyph =
      node.role === 'add'
        ? `M${num(-r / 2)},${num(h / 2)}h${num(r)}M0,${num(h / 2 - r / 2)}v${num(r)}`
        : `M${num(-r / 4)},${num(h / 2 - r / 2)}v${num(r)}M${num(r / 4)},${num(h / 2 - r / 2)}v${num(r)}`;
    parts.push(el('circle', { class: 'box', cx: 0, cy: h / 2, r }), el('path', { class: 'plus', d: glyph }));
  } else {
    const { x, width } = boxGeometry(node, o.encoding);
    parts.push(el('rect', { class: 'box', x, y: 0, width, height: h, rx: node.role === 'minor' ? 1 : 2 }));
  }
  parts.push(rowText('label', labelX, h / 2, node.label, font));
  if (showsShape(node, m)) {
    // The space keeps label and shape apart in the accessible text ("conv3-256 56×56×256").
    parts.push(' ', rowText('shape', column.shapeX - column.axis, h / 2, formatShape(node.output), m.labelFont));
  }
  return parts.join('');
}

function laneNode(model: DiagramModel, index: number, o: SvgOptions, height: number): string {
  const node = model.nodes[index]!;
  const w = o.metrics.laneBoxWidth;
  return (
    el('rect', { class: 'ring', x: -w / 2 - 3, y: -3, width: w + 6, height: height + 6, rx: 3 }) +
    el('rect', { class: 'box', x: -w / 2, y: 0, width: w, height, rx: 2 }) +
    textEl(
      'text',
      {
        class: 'lane-label',
        x: 0,
        y: height / 2,
        dy: '0.35em',
        'text-anchor': 'middle',
        'font-size': o.metrics.laneFont,
      },
      node.label,
    )
  );
}

function groupNode(model: DiagramModel, index: number, column: ColumnLayout, o: SvgOptions): string {
  const m = o.metrics;
  const node = model.nodes[index]!;
  const labelX = column.labelX - column.axis;
  const { x, width } = boxGeometry(node, o.encoding);
  const h = m.groupHeight - 4;
  const collapsed = [
    el('rect', { class: 'box back', x: x + 3, y: 4, width, height: h, rx: 2 }),
    el('rect', { class: 'box', x, y: 0, width, height: h, rx: 2 }),
    node.residual === undefined
      ? ''
      : el('path', {
          class: `glyph s-${node.residual}`,
          d: `M${num(x - 2)},3C${num(x - 12)},3 ${num(x - 12)},${num(h - 3)} ${num(x - 2)},${num(h - 3)}`,
        }),
    triangle(labelX, h / 2, m.labelFont * 0.7, false),
    rowText('label', labelX + m.labelFont, h / 2, node.label, m.labelFont),
    showsShape(node, m)
      ? ` ${rowText('shape', column.shapeX - column.axis, h / 2, formatShape(node.output), m.labelFont)}`
      : '',
  ].join('');
  const headerY = m.headerHeight / 2;
  const expanded = [
    triangle(labelX, headerY, m.labelFont * 0.7, true),
    rowText('label group-name', labelX + m.labelFont, headerY, node.label, m.labelFont),
  ].join('');
  return (
    el('g', { class: 'ring-collapsed' }, ring(column, model, node, h, m)) +
    el('g', { class: 'ring-expanded' }, ring(column, model, node, m.headerHeight - 4, m)) +
    el('g', { class: 'collapsed' }, collapsed) +
    el('g', { class: 'expanded' }, expanded)
  );
}

/** The four kinds of per-node parts, each in its own layer of the column (`g.frames`, …). */
export type PartKind = 'node' | 'frame' | 'arrow' | 'arc';

/** The container class of each part kind. */
export const partContainers: Readonly<Record<PartKind, string>> = {
  frame: 'frames',
  arrow: 'arrows',
  arc: 'arcs',
  node: 'nodes',
};

/**
 * The markup of one part of node `index` as `column` places it, or '' when the layout does not
 * draw it (a hidden node, a collapsed group's frame, …). The island renders parts the build left
 * out when a group is first expanded.
 */
export function partSvg(
  kind: PartKind,
  model: DiagramModel,
  column: ColumnLayout,
  index: number,
  o: SvgOptions,
): string {
  const node = model.nodes[index]!;
  const p = column.nodes[index]!;
  switch (kind) {
    case 'frame': {
      const frame = column.frames[index] ?? null;
      return frame === null
        ? ''
        : el('rect', { class: `frame depth-${node.depth}`, 'data-frame': index, rx: 4, ...frameAttrs(frame) });
    }
    case 'arrow': {
      const arrow = column.arrows[index] ?? null;
      return arrow === null
        ? ''
        : el('line', {
            class: 'arrow',
            'data-arrow': index,
            'marker-end': `url(#${o.uid}-arrow)`,
            ...arrowAttrs(arrow),
          });
    }
    case 'arc': {
      const d = column.arcs[index] ?? null;
      if (d === null) return '';
      if (node.skip !== undefined) return el('path', { class: `arc s-${node.skip.style}`, 'data-arc': index, d });
      return node.columns === undefined ? '' : el('path', { class: 'arc links', 'data-arc': index, d });
    }
    case 'node': {
      if (!p.visible) return '';
      const inner =
        node.role === 'group'
          ? groupNode(model, index, column, o)
          : node.lane === 'shortcut'
            ? laneNode(model, index, o, laneBoxHeight(o.metrics))
            : layerNode(model, index, column, o);
      return el(
        'g',
        {
          class: `node ${kindClass(node)}${node.lane === 'shortcut' ? ' lane' : ''}`,
          'data-node': index,
          'data-expanded': node.role === 'group' ? String(p.expanded) : undefined,
          ...placementAttrs(p),
        },
        inner,
      );
    }
  }
}

function columnSvg(model: DiagramModel, column: ColumnLayout, c: number, o: SvgOptions): string {
  const m = o.metrics;
  const header =
    m.headerBlock > 0
      ? textEl('text', { class: 'column-name', x: column.x + m.padding, y: column.headerY + 14 }, model.name) +
        textEl(
          'text',
          { class: 'column-totals', x: column.x + m.padding, y: column.headerY + 30, 'font-size': m.minorFont + 1 },
          t.columnTotals(formatSi(model.params, 1), formatSi(model.macs, 2)),
        )
      : '';
  const inputRow = el(
    'g',
    { class: 'input-row', transform: translate(column.axis, column.inputY) },
    el('rect', { class: 'box input', x: -8, y: 2, width: 16, height: m.inputHeight - 4, rx: 2 }),
    rowText('label', column.labelX - column.axis, m.inputHeight / 2, t.input, m.labelFont),
    rowText(
      'shape',
      (m.showShapes ? column.shapeX : column.labelX + m.labelFont * 3.2) - column.axis,
      m.inputHeight / 2,
      formatShape(model.inputShape),
      m.labelFont,
    ),
  );

  const parts = (kind: PartKind): string[] =>
    model.nodes.map((_, i) => (i === 0 ? '' : partSvg(kind, model, column, i, o)));
  return el(
    'g',
    { class: 'column', 'data-column': c },
    header,
    el('g', { class: 'frames' }, ...parts('frame')),
    inputRow,
    el('g', { class: 'arrows' }, ...parts('arrow')),
    el('g', { class: 'arcs' }, ...parts('arc')),
    el('g', { class: 'nodes' }, ...parts('node')),
  );
}

/** One output-size band of an aligned comparison: a rule above it and its size in the gutter. */
export function bandSvg(band: Band, layout: DiagramLayout, m: DiagramMetrics): string {
  const rule = -(m.bandGap + m.gap) / 2;
  return el(
    'g',
    { class: 'band', 'data-band': band.stage, transform: translate(0, band.y) },
    el('line', { class: 'band-rule', x1: m.padding, x2: layout.width - m.padding, y1: rule, y2: rule }),
    textEl(
      'text',
      { class: 'band-label', x: m.padding, y: m.minorFont, 'font-size': m.minorFont },
      stageLabel(band.stage),
    ),
  );
}

function bandsSvg(layout: DiagramLayout, m: DiagramMetrics): string {
  if (layout.bands.length === 0) return '';
  const title = textEl(
    'text',
    {
      class: 'band-label',
      x: m.padding,
      y: layout.columns[0]!.inputY + m.inputHeight / 2,
      dy: '0.35em',
      'font-size': m.minorFont,
    },
    t.outputSize,
  );
  return el('g', { class: 'bands' }, title, ...layout.bands.map((band) => bandSvg(band, layout, m)));
}

/**
 * The SVG of `models` laid out as `layout`, boxes sized for `encoding`. The root element has
 * `role="img"` and `label` as its name; the island turns it into a navigable group.
 */
export function renderDiagramSvg(models: readonly DiagramModel[], layout: DiagramLayout, o: SvgOptions): string {
  const marker = el(
    'marker',
    {
      id: `${o.uid}-arrow`,
      viewBox: '0 0 10 10',
      refX: 10,
      refY: 5,
      markerWidth: 5,
      markerHeight: 5,
      orient: 'auto-start-reverse',
      markerUnits: 'userSpaceOnUse',
    },
    el('path', { class: 'arrowhead', d: 'M0,0L10,5L0,10z' }),
  );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'arch-svg',
      viewBox: `0 0 ${num(layout.width)} ${num(layout.height)}`,
      width: layout.width,
      height: layout.height,
      role: 'img',
      'aria-label': o.label,
      'data-encoding': o.encoding,
    },
    el('defs', {}, marker),
    bandsSvg(layout, o.metrics),
    ...models.map((model, c) => columnSvg(model, layout.columns[c]!, c, o)),
  );
}

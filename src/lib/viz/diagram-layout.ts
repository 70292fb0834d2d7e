/**
 * Lays diagrams out: given diagram models (one, or two to four side by side) and which groups
 * are expanded, where every node, arrow, group frame and skip arc goes, in px of the SVG's user
 * space. Pure and DOM-free: the build renders its result to SVG (diagram-svg.ts) and the
 * interactive island re-runs it after each expand or collapse and moves the existing elements.
 *
 * Each model is a column read top to bottom: an "input" row, then the visible rows (layers and
 * collapsed groups; an expanded group adds a header row and a closing row around its children).
 * Shortcut layers sit in a lane left of the boxes, on the skip arc from the block's input to its
 * sum. Aligned comparisons start each output-size stage at the same height in every column, as
 * in He et al. 2016 Fig. 3.
 */
import { curveBumpY, line } from 'd3-shape';
import type { DiagramMetrics } from './diagram-metrics.ts';
import type { DiagramModel, DiagramNode } from './diagram-model.ts';
import { compareStageKeys } from './stage-key.ts';

/** Expanded group indices, one set per column. */
export type Expansion = readonly ReadonlySet<number>[];

/** Where a node is: `x` is the box axis (main lane) or the lane centre (shortcut lane); `y` its top. */
export interface NodePlacement {
  readonly visible: boolean;
  /** For groups: drawn expanded (header row) rather than as one collapsed box. */
  readonly expanded: boolean;
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

/** An expanded group's frame. */
export interface FramePlacement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The arrow into a row from the row above, along the axis. */
export interface ArrowPlacement {
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
}

/** One column's geometry; arrays are indexed like the model's nodes (null: not drawn now). */
export interface ColumnLayout {
  /** Left edge, box axis, shortcut-lane centre, label and shape columns, width. */
  readonly x: number;
  readonly axis: number;
  readonly lane: number;
  readonly labelX: number;
  readonly shapeX: number;
  readonly width: number;
  /** Top of the column header (comparisons) and of the input row. */
  readonly headerY: number;
  readonly inputY: number;
  readonly nodes: readonly NodePlacement[];
  readonly frames: readonly (FramePlacement | null)[];
  readonly arrows: readonly (ArrowPlacement | null)[];
  /** Skip arcs of sums, as SVG path data. */
  readonly arcs: readonly (string | null)[];
}

/** A stage band of an aligned comparison: its output-size key and the y where it starts. */
export interface Band {
  readonly stage: number;
  readonly y: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: readonly ColumnLayout[];
  /** Empty unless aligned. */
  readonly bands: readonly Band[];
}

export interface LayoutOptions {
  readonly metrics: DiagramMetrics;
  /** Align stages by output size across columns (ignored when a column's stages are out of order). */
  readonly align?: boolean;
}

interface Slot {
  readonly type: 'node' | 'header' | 'footer';
  readonly index: number;
  readonly height: number;
  stage: number;
  y: number;
}

/** Height of a main-lane row for `node` drawn collapsed or as a layer. */
export function rowHeight(node: DiagramNode, m: DiagramMetrics): number {
  switch (node.role) {
    case 'minor':
      return m.minorHeight;
    case 'add':
      return m.addHeight;
    case 'group':
      return m.groupHeight;
    default:
      return m.majorHeight;
  }
}

/** Height of a shortcut-lane box (text sits inside it). */
export function laneBoxHeight(m: DiagramMetrics): number {
  return m.minorHeight + 6;
}

/** The node drawn for `index` now: itself, or its outermost collapsed ancestor group. */
export function representative(model: DiagramModel, expanded: ReadonlySet<number>, index: number): number {
  let rep = index;
  for (let p = model.nodes[index]!.parent; p > 0; p = model.nodes[p]!.parent) {
    if (!expanded.has(p)) rep = p;
  }
  return rep;
}

/** Whether `index` is drawn: every ancestor group is expanded (and, in the lane, its sum is drawn). */
export function isVisible(model: DiagramModel, expanded: ReadonlySet<number>, index: number): boolean {
  return representative(model, expanded, index) === index;
}

/** The visible main-lane rows of one column, top to bottom. */
function slots(model: DiagramModel, expanded: ReadonlySet<number>, m: DiagramMetrics): Slot[] {
  const out: Slot[] = [];
  const visit = (index: number): void => {
    const node = model.nodes[index]!;
    if (node.lane === 'shortcut') return;
    if (node.role === 'group' && expanded.has(index)) {
      out.push({ type: 'header', index, height: m.headerHeight, stage: node.stage, y: 0 });
      node.children.forEach(visit);
      out.push({ type: 'footer', index, height: m.footerHeight, stage: node.stage, y: 0 });
    } else {
      out.push({ type: 'node', index, height: rowHeight(node, m), stage: node.stage, y: 0 });
    }
  };
  model.nodes[0]!.children.forEach(visit);
  // A header belongs to the stage of the row after it, a footer to the row before it.
  for (let i = out.length - 1, next = 0; i >= 0; i--) {
    if (out[i]!.type === 'header') out[i]!.stage = next;
    else if (out[i]!.type === 'node') next = out[i]!.stage;
  }
  for (let i = 0, previous = 0; i < out.length; i++) {
    if (out[i]!.type === 'footer') out[i]!.stage = previous;
    else if (out[i]!.type === 'node') previous = out[i]!.stage;
  }
  return out;
}

/** Whether a column's stages never go back to an earlier one (so bands can align). */
function stagesInOrder(column: readonly Slot[]): boolean {
  return column.every((s, i) => i === 0 || compareStageKeys(column[i - 1]!.stage, s.stage) <= 0);
}

const arcLine = line<readonly [number, number]>().curve(curveBumpY);

/** Path data of a skip arc leaving the axis at `top`, running down the lane, joining the sum at `bottom`. */
function arcPath(axis: number, lane: number, top: number, bottom: number, m: DiagramMetrics): string {
  const bend = Math.min(m.arcBend, (bottom - top) / 3);
  const r = m.addHeight / 2;
  const points: (readonly [number, number])[] = [
    [axis, top],
    [lane, top + bend],
    [lane, bottom - bend],
    [axis - r * Math.SQRT1_2, bottom - r * Math.SQRT1_2],
  ];
  return arcLine(points) ?? '';
}

/**
 * Lay out `models` side by side with `expansion[c]` the expanded groups of column c.
 * Coordinates are px at zoom 1; the result is deterministic for equal inputs.
 */
export function layoutDiagram(
  models: readonly DiagramModel[],
  expansion: Expansion,
  options: LayoutOptions,
): DiagramLayout {
  const m = options.metrics;
  const columnSlots = models.map((model, c) => slots(model, expansion[c] ?? new Set(), m));
  const align = options.align === true && models.length > 1 && columnSlots.every(stagesInOrder);

  const headerY = m.padding;
  const inputY = headerY + m.headerBlock;
  const firstRow = inputY + m.inputHeight + m.gap;

  // Vertical placement of the main-lane rows.
  const bands: Band[] = [];
  if (align) {
    const stages = [...new Set(columnSlots.flat().map((s) => s.stage))].sort(compareStageKeys);
    const cursor = models.map(() => firstRow);
    for (const stage of stages) {
      const start = Math.max(...cursor);
      bands.push({ stage, y: start });
      let end = start;
      columnSlots.forEach((column, c) => {
        let y = start;
        for (const slot of column.filter((s) => s.stage === stage)) {
          slot.y = y;
          y += slot.height + m.gap;
        }
        end = Math.max(end, y);
        cursor[c] = y;
      });
      cursor.fill(end + m.bandGap);
    }
  } else {
    for (const column of columnSlots) {
      let y = firstRow;
      for (const slot of column) {
        slot.y = y;
        y += slot.height + m.gap;
      }
    }
  }

  let x = m.padding + (align ? m.gutter : 0);
  let height = 0;
  const columns = models.map((model, c): ColumnLayout => {
    const expanded = expansion[c] ?? new Set<number>();
    const laneWidth = model.hasSkips ? m.laneWidth : 0;
    const left = x;
    const axis = left + laneWidth + m.boxMaxWidth / 2;
    const lane = left + m.frameInset * 2 + m.laneBoxWidth / 2;
    const labelX = left + laneWidth + m.boxMaxWidth + m.labelGap;
    const shapeX = labelX + model.labelWidth + m.shapeGap;
    const width = shapeX - left + (m.showShapes ? model.shapeWidth : -m.shapeGap) + m.padding * 2;
    x += width;

    const hidden: NodePlacement = { visible: false, expanded: false, x: axis, y: 0, height: 0 };
    const nodes: NodePlacement[] = model.nodes.map(() => hidden);
    const frames: (FramePlacement | null)[] = model.nodes.map(() => null);
    const arrows: (ArrowPlacement | null)[] = model.nodes.map(() => null);
    const arcs: (string | null)[] = model.nodes.map(() => null);

    let previousBottom = inputY + m.inputHeight;
    for (const slot of columnSlots[c]!) {
      const node = model.nodes[slot.index]!;
      if (slot.type === 'header') {
        nodes[slot.index] = { visible: true, expanded: true, x: axis, y: slot.y, height: slot.height };
      } else if (slot.type === 'footer') {
        const top = nodes[slot.index]!.y;
        const inset = m.frameInset * (node.depth - 1);
        frames[slot.index] = {
          x: left + inset,
          y: top,
          width: width - m.padding - inset * 2,
          height: slot.y + slot.height - top,
        };
      } else {
        nodes[slot.index] = { visible: true, expanded: false, x: axis, y: slot.y, height: slot.height };
        arrows[slot.index] = { x: axis, y1: previousBottom, y2: slot.y };
        previousBottom = slot.y + slot.height;
      }
    }

    // Skip arcs and the shortcut layers on them, for every sum that is drawn.
    model.nodes.forEach((node, index) => {
      if (node.skip === undefined || !nodes[index]!.visible) return;
      const from = nodes[representative(model, expanded, node.skip.from)]!;
      const top = from.y + from.height + m.gap / 2;
      const sum = nodes[index]!;
      const bottom = sum.y + sum.height / 2;
      arcs[index] = arcPath(axis, lane, top, bottom, m);
      const boxHeight = laneBoxHeight(m);
      const stack = node.skip.via.length * (boxHeight + m.gap) - m.gap;
      let y = (top + bottom) / 2 - stack / 2;
      for (const via of node.skip.via) {
        nodes[via] = { visible: true, expanded: false, x: lane, y, height: boxHeight };
        y += boxHeight + m.gap;
      }
    });

    const bottom = Math.max(previousBottom, ...frames.map((f) => (f === null ? 0 : f.y + f.height)));
    height = Math.max(height, bottom + m.padding);
    return { x: left, axis, lane, labelX, shapeX, width, headerY, inputY, nodes, frames, arrows, arcs };
  });

  return { width: Math.ceil(x + m.padding), height: Math.ceil(height), columns, bands };
}

/**
 * The groups expanded by default: whole levels of the group tree, outermost first, as long as
 * the column stays within `budget` rows, so a VGG shows every layer, a ResNet-50 its blocks and
 * a ResNet-152 its stages. 'all' expands every group, 'none' none.
 */
export function defaultExpansion(model: DiagramModel, budget: number | 'all' | 'none'): Set<number> {
  const groups = model.nodes.flatMap((n, i) => (n.role === 'group' ? [i] : []));
  if (budget === 'all') return new Set(groups);
  const expanded = new Set<number>();
  if (budget === 'none') return expanded;
  // Rows drawn as a box: visible main-lane nodes that are not expanded groups.
  const rows = (open: ReadonlySet<number>): number =>
    model.nodes.filter((n, i) => i > 0 && n.lane === 'main' && !open.has(i) && isVisible(model, open, i)).length;
  const maxDepth = Math.max(0, ...groups.map((i) => model.nodes[i]!.depth));
  for (let depth = 1; depth <= maxDepth; depth++) {
    const next = new Set([...expanded, ...groups.filter((i) => model.nodes[i]!.depth === depth)]);
    if (rows(next) > budget) break;
    for (const i of next) expanded.add(i);
  }
  return expanded;
}

/**
 * Lays diagrams out: given diagram models (one, or two to four side by side) and which groups
 * are expanded, where every node, arrow, group frame and skip arc goes, in px of the SVG's user
 * space. Pure and DOM-free: the build renders its result to SVG (diagram-svg.ts) and the
 * interactive island re-runs it after each expand or collapse and moves the existing elements.
 *
 * Each model is a column read top to bottom: an "input" row, then the visible rows (layers and
 * collapsed groups; an expanded group adds a header row and a closing row around its children).
 * Shortcut layers sit in a lane left of the boxes, on the skip arc from the block's input to its
 * sum. The branches of a concatenation drawn side by side (an Inception or Fire module) are
 * sub-columns, the first on the axis and each next one a branch pitch to the right, linked from
 * the row above them and into the concatenation below. Aligned comparisons start each
 * output-size stage at the same height in every column, as in He et al. 2016 Fig. 3.
 */
import { curveBumpY, line } from 'd3-shape';
import { regularMetrics, type DiagramMetrics } from './diagram-metrics.ts';
import { num } from './svg.ts';
import type { DiagramModel } from './diagram-model.ts';
import { rowCount, rowTree, type Slot } from './diagram-rows.ts';
import { compareStageKeys } from './stage-key.ts';

export { rowHeight } from './diagram-rows.ts';

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

/** The arrow into a row from the row above, along the axis (the column's or a branch's). */
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
  /**
   * SVG path data per join: a sum's (or dense concatenation's) skip arc, or the links of a
   * concatenation drawn below side-by-side branches (fork → each branch → the concatenation).
   */
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

/**
 * Sets the `y` of `rows` from `y` down, a gap after each; a side-by-side region is as tall as
 * its tallest branch. Returns the y after the last row's gap.
 */
function placeRows(rows: readonly Slot[], y: number, m: DiagramMetrics): number {
  let cursor = y;
  for (const slot of rows) {
    slot.y = cursor;
    if (slot.type === 'columns') {
      const end = Math.max(cursor, ...(slot.lanes ?? []).map((lane) => placeRows(lane, cursor, m)));
      slot.height = Math.max(0, end - cursor - m.gap);
      cursor = end;
    } else {
      cursor += slot.height + m.gap;
    }
  }
  return cursor;
}

/** Whether a column's stages never go back to an earlier one (so bands can align). */
function stagesInOrder(column: readonly Slot[]): boolean {
  return column.every((s, i) => i === 0 || compareStageKeys(column[i - 1]!.stage, s.stage) <= 0);
}

const arcLine = line<readonly [number, number]>().curve(curveBumpY);

/** Horizontal distance between the axes of side-by-side branches: a box, its label and a gap. */
export function branchPitch(model: DiagramModel, m: DiagramMetrics): number {
  return m.boxMaxWidth + m.labelGap + model.branchLabelWidth + m.branchGap;
}

/**
 * Path data linking a fork (the row above a side-by-side region, bottom at `fork` on axis
 * `axis`) to the first row of each branch, and each branch's last row to the concatenation whose
 * row starts at `join`: orthogonal lines, down the axis to a bus half a gap above the region
 * (its top at `region`), across it and down into each branch (through an expanded group's
 * header); then down from each branch to a bus half a gap above the concatenation, across it
 * and down into the join.
 */
function branchLinks(
  axis: number,
  fork: number,
  region: number,
  lanes: readonly { readonly x: number; readonly top: number | null; readonly bottom: number | null }[],
  join: number,
  gap: number,
): string {
  const right = Math.max(axis, ...lanes.map((l) => l.x));
  const outBus = region - gap / 2;
  const inBus = join - gap / 2;
  const out = [
    `M${num(axis)},${num(fork)}V${num(outBus)}H${num(right)}`,
    ...lanes.map((l) => (l.top === null ? '' : `M${num(l.x)},${num(outBus)}V${num(l.top)}`)),
  ];
  const back = [
    ...lanes.map((l) => (l.bottom === null ? '' : `M${num(l.x)},${num(l.bottom)}V${num(inBus)}`)),
    `M${num(right)},${num(inBus)}H${num(axis)}V${num(join)}`,
  ];
  return [...out, ...back].join('');
}

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
  const columnSlots = models.map((model, c) => rowTree(model, expansion[c] ?? new Set(), m));
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
        const y = placeRows(
          column.filter((s) => s.stage === stage),
          start,
          m,
        );
        end = Math.max(end, y);
        cursor[c] = y;
      });
      cursor.fill(end + m.bandGap);
    }
  } else {
    for (const column of columnSlots) placeRows(column, firstRow, m);
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
    const pitch = branchPitch(model, m);
    const branchesRight = axis + (model.maxColumns - 1) * pitch + m.boxMaxWidth / 2 + m.labelGap;
    const width = Math.max(
      shapeX - left + (m.showShapes ? model.shapeWidth : -m.shapeGap) + m.padding * 2,
      model.maxColumns > 1 ? branchesRight + model.branchLabelWidth - left + m.padding * 2 : 0,
    );
    x += width;

    const hidden: NodePlacement = { visible: false, expanded: false, x: axis, y: 0, height: 0 };
    const nodes: NodePlacement[] = model.nodes.map(() => hidden);
    const frames: (FramePlacement | null)[] = model.nodes.map(() => null);
    const arrows: (ArrowPlacement | null)[] = model.nodes.map(() => null);
    const arcs: (string | null)[] = model.nodes.map(() => null);

    /**
     * Places `rows` on the axis `at` within [x0, x1] (frames nest inside it by depth from
     * `depth`), each row's arrow coming from `bottom`, the last row drawn above (none at a
     * branch's start: the links draw it). Returns the first and last drawn rows' top and bottom.
     */
    const place = (
      rows: readonly Slot[],
      at: number,
      [x0, x1]: readonly [number, number],
      depth: number,
      from: number | null,
    ): { top: number | null; bottom: number | null } => {
      let bottom = from;
      let top: number | null = null;
      rows.forEach((slot, r) => {
        const node = model.nodes[slot.index]!;
        if (slot.type !== 'header' && slot.type !== 'footer') top ??= slot.y;
        if (slot.type === 'header') {
          nodes[slot.index] = { visible: true, expanded: true, x: at, y: slot.y, height: slot.height };
        } else if (slot.type === 'footer') {
          const headerTop = nodes[slot.index]!.y;
          const inset = m.frameInset * (node.depth - depth);
          frames[slot.index] = {
            x: x0 + inset,
            y: headerTop,
            width: x1 - x0 - inset * 2,
            height: slot.y + slot.height - headerTop,
          };
        } else if (slot.type === 'columns') {
          const join = rows[r + 1];
          const lanes = (slot.lanes ?? []).map((lane, k) => {
            const laneAxis = at + k * pitch;
            const memberDepth = model.nodes[lane[0]?.index ?? slot.index]!.depth;
            const extent = [
              laneAxis - m.boxMaxWidth / 2 + m.frameInset,
              laneAxis + m.boxMaxWidth / 2 + m.labelGap + model.branchLabelWidth + m.frameInset,
            ] as const;
            return { x: laneAxis, ...place(lane, laneAxis, extent, memberDepth, null) };
          });
          if (join !== undefined && bottom !== null)
            arcs[slot.index] = branchLinks(at, bottom, slot.y, lanes, join.y, m.gap);
          bottom = null;
        } else {
          nodes[slot.index] = { visible: true, expanded: false, x: at, y: slot.y, height: slot.height };
          if (bottom !== null) arrows[slot.index] = { x: at, y1: bottom, y2: slot.y };
          bottom = slot.y + slot.height;
        }
      });
      return { top, bottom };
    };
    const { bottom: lastBottom } = place(
      columnSlots[c]!,
      axis,
      [left, left + width - m.padding],
      1,
      inputY + m.inputHeight,
    );
    const previousBottom = lastBottom ?? inputY + m.inputHeight;

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
 * a ResNet-152 its stages. Side-by-side branches count as their longest one. 'all' expands every group, 'none' none.
 */
export function defaultExpansion(model: DiagramModel, budget: number | 'all' | 'none'): Set<number> {
  const groups = model.nodes.flatMap((n, i) => (n.role === 'group' ? [i] : []));
  if (budget === 'all') return new Set(groups);
  const expanded = new Set<number>();
  if (budget === 'none') return expanded;
  // Rows drawn as a box (a side-by-side region counting as its longest branch).
  const rows = (open: ReadonlySet<number>): number => rowCount(rowTree(model, open, regularMetrics));
  const maxDepth = Math.max(0, ...groups.map((i) => model.nodes[i]!.depth));
  for (let depth = 1; depth <= maxDepth; depth++) {
    const next = new Set([...expanded, ...groups.filter((i) => model.nodes[i]!.depth === depth)]);
    if (rows(next) > budget) break;
    for (const i of next) expanded.add(i);
  }
  return expanded;
}

/**
 * The rows a diagram column shows for one expansion, as a tree: layers and collapsed groups are
 * rows, an expanded group opens with a header and closes with a footer around its children's
 * rows, and the branches of a concatenation drawn side by side (diagram-model.ts `branch`) are
 * one 'columns' row holding a list of rows per branch. Pure; heights in px come from the metrics.
 */
import type { DiagramMetrics } from './diagram-metrics.ts';
import type { DiagramModel, DiagramNode } from './diagram-model.ts';

/** One row of a column, or one side-by-side region. `y` and (for regions) `height` are set by the layout. */
export interface Slot {
  readonly type: 'node' | 'header' | 'footer' | 'columns';
  /** The node drawn (or opened and closed); for 'columns', the concatenation they join at. */
  readonly index: number;
  height: number;
  stage: number;
  y: number;
  /** 'columns' only: each branch's rows, left to right. */
  readonly lanes?: readonly Slot[][];
}

/** Height of a main-lane row for `node` drawn collapsed or as a layer. */
export function rowHeight(node: DiagramNode, m: DiagramMetrics): number {
  switch (node.role) {
    case 'minor':
      return m.minorHeight;
    case 'add':
    case 'concat':
      return m.addHeight;
    case 'group':
      return m.groupHeight;
    default:
      return m.majorHeight;
  }
}

/**
 * The rows of `model` with the groups `expanded`, top to bottom. Shortcut-lane layers are not
 * rows (they sit on their skip arcs). A header is staged like the row after it, a footer like
 * the row before it, a side-by-side region like the concatenation below it.
 */
export function rowTree(model: DiagramModel, expanded: ReadonlySet<number>, m: DiagramMetrics): Slot[] {
  const slot = (type: Slot['type'], index: number, height: number): Slot => ({
    type,
    index,
    height,
    stage: model.nodes[index]!.stage,
    y: 0,
  });
  const visit = (index: number, out: Slot[]): void => {
    const node = model.nodes[index]!;
    if (node.lane === 'shortcut') return;
    if (node.role === 'group' && expanded.has(index)) {
      out.push(slot('header', index, m.headerHeight));
      visitChildren(node, out);
      out.push(slot('footer', index, m.footerHeight));
    } else {
      out.push(slot('node', index, rowHeight(node, m)));
    }
  };
  const visitChildren = (parent: DiagramNode, out: Slot[]): void => {
    const children = parent.children;
    for (let c = 0; c < children.length; c++) {
      const child = model.nodes[children[c]!]!;
      if (child.branch === undefined || parent.branch !== undefined) {
        visit(children[c]!, out);
        continue;
      }
      // A run of branch siblings, then the concatenation that joins them.
      let end = c;
      while (end < children.length && model.nodes[children[end]!]!.branch !== undefined) end++;
      const join = children[end] ?? children[end - 1]!;
      const lanes: Slot[][] = Array.from({ length: model.nodes[join]!.columns ?? 1 }, () => []);
      for (let k = c; k < end; k++) visit(children[k]!, lanes[model.nodes[children[k]!]!.branch!] ?? lanes[0]!);
      out.push({ ...slot('columns', join, 0), lanes });
      c = end - 1;
    }
  };
  const out: Slot[] = [];
  visitChildren(model.nodes[0]!, out);
  for (let i = out.length - 1, next = 0; i >= 0; i--) {
    if (out[i]!.type === 'header') out[i]!.stage = next;
    else if (out[i]!.type !== 'footer') next = out[i]!.stage;
  }
  for (let i = 0, previous = 0; i < out.length; i++) {
    if (out[i]!.type === 'footer') out[i]!.stage = previous;
    else if (out[i]!.type !== 'header') previous = out[i]!.stage;
  }
  return out;
}

/** Rows drawn as a box, a side-by-side region counting as its longest branch. */
export function rowCount(rows: readonly Slot[]): number {
  return rows.reduce(
    (n, s) => n + (s.type === 'node' ? 1 : s.type === 'columns' ? Math.max(0, ...(s.lanes ?? []).map(rowCount)) : 0),
    0,
  );
}

/**
 * Which layer of a diagram has the keyboard, and where keys move it: one roving tab stop over
 * the visible nodes (arrow keys, Home/End; left and right move between the columns of a
 * comparison), Enter/Space activate, +/− zoom. Pure: diagram-island.ts applies the actions.
 */
import type { DiagramLayout } from '../../lib/viz/diagram-layout.ts';

/** Where a node lives: column and node index (index 0 is the column's input row, never a tab stop). */
export interface NodeRef {
  readonly c: number;
  readonly i: number;
}

/** Whether `a` and `b` are the same node (null is no node). */
export function sameNode(a: NodeRef | null, b: NodeRef | null): boolean {
  return a !== null && b !== null && a.c === b.c && a.i === b.i;
}

/** Visible nodes of column `c`, top to bottom (shortcut layers before the sum they feed). */
export function visibleOrder(layout: DiagramLayout, c: number): number[] {
  return layout.columns[c]!.nodes.map((p, i) => ({ p, i }))
    .filter(({ p, i }) => i > 0 && p.visible)
    .sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x)
    .map(({ i }) => i);
}

/** Zoom factor of one +/− step. */
export const ZOOM_STEP = 1.25;

/**
 * What a key pressed on a node does: move the tab stop (`focus`; null when there is nowhere to
 * go, the key is still the diagram's), activate the node (expand a group, pin a layer), or zoom
 * by a factor.
 */
export type KeyAction = { readonly focus: NodeRef | null } | 'activate' | { readonly zoom: number };

/** The action of `key` (a KeyboardEvent.key) pressed on node `ref` of `layout`; undefined for keys the diagram leaves alone. */
export function keyAction(layout: DiagramLayout, ref: NodeRef, key: string): KeyAction | undefined {
  const list = visibleOrder(layout, ref.c);
  const at = list.indexOf(ref.i);
  const within = (i: number | undefined): KeyAction => ({ focus: i === undefined ? null : { c: ref.c, i } });
  /** The node of the column `dc` away nearest in height to this one. */
  const across = (dc: number): KeyAction => {
    const c = ref.c + dc;
    if (c < 0 || c >= layout.columns.length) return { focus: null };
    const y = layout.columns[ref.c]!.nodes[ref.i]!.y;
    const distance = (i: number): number => Math.abs(layout.columns[c]!.nodes[i]!.y - y);
    const target = visibleOrder(layout, c).reduce<number | undefined>(
      (best, i) => (best === undefined || distance(i) < distance(best) ? i : best),
      undefined,
    );
    return { focus: target === undefined ? null : { c, i: target } };
  };
  const single = layout.columns.length === 1;
  const actions: Record<string, () => KeyAction> = {
    ArrowDown: () => within(list[at + 1]),
    ArrowUp: () => within(list[at - 1]),
    ArrowRight: () => (single ? within(list[at + 1]) : across(1)),
    ArrowLeft: () => (single ? within(list[at - 1]) : across(-1)),
    Home: () => within(list[0]),
    End: () => within(list[list.length - 1]),
    Enter: () => 'activate',
    ' ': () => 'activate',
    '+': () => ({ zoom: ZOOM_STEP }),
    '=': () => ({ zoom: ZOOM_STEP }),
    '-': () => ({ zoom: 1 / ZOOM_STEP }),
  };
  return actions[key]?.();
}

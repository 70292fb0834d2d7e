/**
 * Which groups (stages, blocks) of a diagram are expanded: one set of group indices per column,
 * changed by toggling one group or by Expand all / Collapse all. Pure: every change returns a
 * new expansion, which the layout (layoutDiagram) is re-run with.
 */
import type { DiagramModel } from '../../lib/viz/diagram-model.ts';
import { representative, type Expansion } from '../../lib/viz/diagram-layout.ts';
import type { NodeRef } from './diagram-focus.ts';

/** `expansion` with group `ref` (column, node index) opened if it was closed, closed if it was open. */
export function toggleGroup(expansion: Expansion, ref: NodeRef): Set<number>[] {
  return expansion.map((set, c) => {
    const next = new Set(set);
    if (c === ref.c && !next.delete(ref.i)) next.add(ref.i);
    return next;
  });
}

/** Every group of every model expanded (`open`), or none. */
export function expandAll(models: readonly DiagramModel[], open: boolean): Set<number>[] {
  return models.map((model) => new Set(open ? model.nodes.flatMap((n, i) => (n.role === 'group' ? [i] : [])) : []));
}

/** The node drawn for `ref` under `expansion`: itself, or the collapsed group it is folded into. */
export function shownNode(models: readonly DiagramModel[], expansion: Expansion, ref: NodeRef): NodeRef {
  return { c: ref.c, i: representative(models[ref.c]!, expansion[ref.c]!, ref.i) };
}

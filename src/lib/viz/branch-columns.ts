/**
 * Which nodes of a diagram tree are drawn side by side: the branches of a concatenation with two
 * or more non-empty branches from one fork (an Inception or Fire module) become columns, when
 * each branch is a run of whole siblings (layers or groups) right before the concat in its
 * parent group. Anything else (branches interleaved with other layers, a group spanning two
 * branches, a concat inside another's branch) stays one column, drawn in spec order.
 */
import type { HierarchyNode } from 'd3-hierarchy';
import type { ConcatBranches } from '../models/concat-branch.ts';

/** Column assignments: per node index, its column (0-based); per concat index, its column count. */
export interface BranchColumns {
  /** Column of every node inside a side-by-side region (the siblings and their descendants). */
  readonly column: ReadonlyMap<number, number>;
  /** Number of columns above each concat drawn as the join of a side-by-side region. */
  readonly columns: ReadonlyMap<number, number>;
}

/**
 * Columns for the concatenations in `concats` (keyed by concat id) over the pre-order `order`
 * of a diagram tree whose layer nodes are found by id through `layerIndex`.
 */
export function branchColumns<T>(
  order: readonly HierarchyNode<T>[],
  layerIndex: ReadonlyMap<string, number>,
  concats: ReadonlyMap<string, ConcatBranches>,
): BranchColumns {
  const index = new Map(order.map((n, i) => [n, i]));
  const column = new Map<number, number>();
  const columns = new Map<number, number>();
  for (const [id, { branches, from }] of concats) {
    const join = order[layerIndex.get(id) ?? -1];
    const parent = join?.parent;
    if (join === undefined || parent == null || from === null || branches.length < 2) continue;
    if (branches.some((b) => b.layers.length === 0) || column.has(index.get(parent)!)) continue;
    const members = new Map<HierarchyNode<T>, number>();
    const fits = branches.every((branch, k) => {
      const own = new Set(branch.layers.map((layer) => order[layerIndex.get(layer) ?? -1]));
      return [...own].every((leaf) => {
        let member = leaf;
        while (member !== undefined && member.parent !== parent) member = member.parent ?? undefined;
        if (member === undefined || (members.get(member) ?? k) !== k) return false;
        members.set(member, k);
        return member.leaves().every((l) => own.has(l));
      });
    });
    const siblings = parent.children ?? [];
    const at = siblings.indexOf(join);
    const run = siblings.slice(at - members.size, at);
    if (!fits || run.length !== members.size || !run.every((n) => members.has(n))) continue;
    for (const [member, k] of members) member.each((n) => column.set(index.get(n)!, k));
    columns.set(index.get(join)!, branches.length);
  }
  return { column, columns };
}

/**
 * The shortcut side of a residual sum: which layers form an `add`'s shortcut (a projection's
 * 1×1 conv and BN, an option-A pad) and where it leaves the main path. Diagrams draw those
 * layers on the skip arc; `withoutShortcuts` drops them.
 */
import { branchTo, dataFlow, type Branch } from './data-flow.ts';
import type { AddLayer, ModelSpec } from './types.ts';

/** An add's shortcut: the layers on it, first to last (empty for identity), and its source. */
export type ShortcutBranch = Branch;

/**
 * The shortcut branches of every `add` in `spec`, keyed by the add's id. A shortcut layer is
 * one with a single consumer on the way back from `inputs[1]`; the walk stops at the first layer
 * that also feeds something else (the block input), which is the branch's `from`.
 */
export function shortcutBranches(spec: ModelSpec): Map<string, ShortcutBranch> {
  const flow = dataFlow(spec);
  const branches = new Map<string, ShortcutBranch>();
  for (const add of spec.layers.filter((l): l is AddLayer => l.kind === 'add')) {
    branches.set(add.id, branchTo(flow, add.inputs[1], add.inputs[0]));
  }
  return branches;
}

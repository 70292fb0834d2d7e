/**
 * The shortcut side of a residual sum: which layers form an `add`'s shortcut (a projection's
 * 1×1 conv and BN, an option-A pad) and where it leaves the main path. Diagrams draw those
 * layers on the skip arc; `withoutShortcuts` drops them.
 */
import type { AddLayer, ModelSpec } from './types.ts';

/** An add's shortcut: the layers on it, first to last (empty for identity), and its source. */
export interface ShortcutBranch {
  /** Ids of the layers that only feed this shortcut, in data-flow order. */
  readonly layers: readonly string[];
  /** Id of the layer the shortcut starts from (the block input), on the main path. */
  readonly from: string;
}

/** Each layer's resolved inputs: `inputs`, or the previous layer (none for the first). */
function resolvedInputs(spec: ModelSpec): Map<string, readonly string[]> {
  return new Map(
    spec.layers.map((layer, i) => {
      const previous = spec.layers[i - 1];
      return [layer.id, layer.inputs ?? (previous === undefined ? [] : [previous.id])];
    }),
  );
}

/**
 * The shortcut branches of every `add` in `spec`, keyed by the add's id. A shortcut layer is
 * one with a single consumer on the way back from `inputs[1]`; the walk stops at the first layer
 * that also feeds something else (the block input), which is the branch's `from`.
 */
export function shortcutBranches(spec: ModelSpec): Map<string, ShortcutBranch> {
  const inputs = resolvedInputs(spec);
  const consumers = new Map<string, number>();
  for (const ids of inputs.values()) for (const id of ids) consumers.set(id, (consumers.get(id) ?? 0) + 1);

  const branches = new Map<string, ShortcutBranch>();
  for (const add of spec.layers.filter((l): l is AddLayer => l.kind === 'add')) {
    const layers: string[] = [];
    let current = add.inputs[1];
    while (current !== add.inputs[0] && consumers.get(current) === 1) {
      const source = inputs.get(current);
      if (source === undefined || source.length !== 1) break;
      layers.unshift(current);
      current = source[0]!;
    }
    branches.set(add.id, { layers, from: current });
  }
  return branches;
}

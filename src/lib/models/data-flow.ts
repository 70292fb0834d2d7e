/**
 * Who reads whom in a spec's layer DAG: each layer's resolved inputs, how many layers read each
 * one, and the walk back along a branch (the layers only it runs through) to where it left the
 * main path. Shared by the shortcut branches of sums and the branches of concatenations.
 */
import type { ModelSpec } from './types.ts';

/** The graph of a spec: inputs by layer id (the previous layer when omitted; none for the first) and readers' counts. */
export interface DataFlow {
  readonly inputs: ReadonlyMap<string, readonly string[]>;
  readonly readers: ReadonlyMap<string, number>;
}

/** The data flow of `spec`. */
export function dataFlow(spec: ModelSpec): DataFlow {
  const inputs = new Map(
    spec.layers.map((layer, i) => {
      const previous = spec.layers[i - 1];
      return [layer.id, layer.inputs ?? (previous === undefined ? [] : [previous.id])] as const;
    }),
  );
  const readers = new Map<string, number>();
  for (const ids of inputs.values()) for (const id of ids) readers.set(id, (readers.get(id) ?? 0) + 1);
  return { inputs, readers };
}

/** A branch: the ids of the layers only it runs through, in data-flow order, and the layer it starts from. */
export interface Branch {
  readonly layers: readonly string[];
  /** The layer the branch leaves from (a fork read by several layers), on the main path. */
  readonly from: string;
}

/**
 * The branch ending in layer `end`: walking back from `end` over layers with a single input that
 * nothing else reads, until a layer read by others (the fork) or one with several or no inputs;
 * `stop` ends the walk early at that id. `end` itself is the fork when other layers read it.
 */
export function branchTo(flow: DataFlow, end: string, stop?: string): Branch {
  const layers: string[] = [];
  let current = end;
  while (current !== stop && flow.readers.get(current) === 1) {
    const source = flow.inputs.get(current);
    if (source === undefined || source.length !== 1) break;
    layers.unshift(current);
    current = source[0]!;
  }
  return { layers, from: current };
}

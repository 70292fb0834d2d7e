/**
 * Variable names for a network's values in a generated listing, chosen as a person would write
 * them: the main path is `x` (`x = conv(x)`, `x = bn(x)`); inside a residual block the branch that
 * ends in the `add` is `residual` and a projected shortcut is `shortcut`, while the block's input
 * stays in `x` until the add; the branches of a concatenation are `branch1`, `branch2`, … in the
 * order it reads them. A name is only reused once the value it held has been read for the
 * last time; otherwise the chain falls back to the layer's own id.
 */
import type { Analysis } from '../models/analyze.ts';

/** 'layer1.0.conv1' → 'layer1_0_conv1' (a valid identifier in JavaScript and Python). */
export function identifier(id: string): string {
  const name = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Whether every layer reads exactly the layer before it (the input, for the first). */
export function isChain(analysis: Analysis): boolean {
  return analysis.layers.every((layer, i) => {
    const previous = analysis.layers[i - 1];
    return i === 0 ? layer.inputIds.length === 0 : layer.inputIds.length === 1 && layer.inputIds[0] === previous?.id;
  });
}

/** Options of `valueNames`. */
export interface NamingOptions {
  /** The network input's variable. */
  readonly input: string;
  /** Whether the input's variable may be reassigned once read (Python: yes; a TF.js symbolic input: no). */
  readonly reuseInput: boolean;
}

/** The network input's key among layer ids (no layer id is empty). */
const INPUT = '';

/**
 * The variable each layer's output is held in, by layer id. A layer continues its only input's
 * variable when it comes right after that input and is its only reader; a new chain is named by
 * where it ends: `residual` or `shortcut` when it feeds an add, `branchK` when it is a
 * concatenation's K-th input, `x` otherwise.
 */
export function valueNames(analysis: Analysis, options: NamingOptions): Map<string, string> {
  const readers = new Map<string, number>();
  for (const layer of analysis.layers) {
    const ids = layer.inputIds.length === 0 ? [INPUT] : layer.inputIds;
    for (const id of ids) readers.set(id, (readers.get(id) ?? 0) + 1);
  }
  const consumers = new Map<string, string[]>();
  for (const layer of analysis.layers)
    for (const id of layer.inputIds) consumers.set(id, [...(consumers.get(id) ?? []), layer.id]);
  const byId = new Map(analysis.layers.map((l) => [l.id, l]));

  const continues = (i: number): boolean => {
    const layer = analysis.layers[i];
    const previous = analysis.layers[i - 1];
    return (
      layer !== undefined &&
      previous !== undefined &&
      layer.inputIds.length === 1 &&
      layer.inputIds[0] === previous.id &&
      readers.get(previous.id) === 1
    );
  };
  /** The role name of the chain starting at layer `start`: where its last value goes. */
  const roleOf = (start: number): string => {
    let end = start;
    while (continues(end + 1)) end += 1;
    const last = analysis.layers[end];
    const reads = last === undefined ? [] : (consumers.get(last.id) ?? []);
    const reader = reads.length === 1 ? byId.get(reads[0] as string) : undefined;
    if (reader?.layer.kind === 'add' && last !== undefined)
      return reader.inputIds[0] === last.id ? 'residual' : 'shortcut';
    if (reader?.layer.kind === 'concat' && last !== undefined) return `branch${reader.inputIds.indexOf(last.id) + 1}`;
    return 'x';
  };

  // Remaining reads of the value each variable holds now; the input is held for ever when it cannot be reused.
  const live = new Map<string, number>([[options.input, options.reuseInput ? (readers.get(INPUT) ?? 0) : Infinity]]);
  const holder = new Map<string, string>([[INPUT, options.input]]);
  const names = new Map<string, string>();
  analysis.layers.forEach((layer, i) => {
    for (const id of layer.inputIds.length === 0 ? [INPUT] : layer.inputIds) {
      const name = holder.get(id);
      if (name !== undefined) live.set(name, (live.get(name) ?? 0) - 1);
    }
    const previous = analysis.layers[i - 1];
    let name: string;
    if (continues(i) && previous !== undefined) {
      name = names.get(previous.id) as string;
    } else {
      const wanted = roleOf(i);
      name = (live.get(wanted) ?? 0) > 0 ? identifier(layer.id) : wanted;
    }
    names.set(layer.id, name);
    holder.set(layer.id, name);
    live.set(name, readers.get(layer.id) ?? 0);
  });
  return names;
}

/** The variable names of a layer's inputs (`input` for the network input). */
export function inputNames(layerIds: readonly string[], names: Map<string, string>, input: string): string[] {
  return layerIds.length === 0 ? [input] : layerIds.map((id) => names.get(id) ?? identifier(id));
}

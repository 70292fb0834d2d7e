/**
 * Variable names for a network's values in a generated listing. A chain of layers that each
 * read only the one before shares one name (`x = conv(x)`, `x = bn(x)`); a value read twice,
 * such as a residual block's input, keeps its own name until the `add` that needs it.
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

/**
 * The variable each layer's output is held in, and the name of the network's input
 * (`inputName`, never reassigned). A layer continues its only input's variable when it is that
 * input's only reader and comes right after it.
 */
export function valueNames(analysis: Analysis, inputName = 'x'): { names: Map<string, string>; input: string } {
  const readers = new Map<string, number>();
  for (const layer of analysis.layers) {
    for (const id of layer.inputIds) readers.set(id, (readers.get(id) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  analysis.layers.forEach((layer, i) => {
    const previous = analysis.layers[i - 1];
    const continues =
      previous !== undefined &&
      layer.inputIds.length === 1 &&
      layer.inputIds[0] === previous.id &&
      readers.get(previous.id) === 1;
    const from = continues ? names.get(previous.id) : undefined;
    names.set(layer.id, from ?? identifier(layer.id));
  });
  return { names, input: inputName };
}

/** The variable names of `layer`'s inputs (the network input for the first layer). */
export function inputNames(layerIds: readonly string[], names: Map<string, string>, input: string): string[] {
  return layerIds.length === 0 ? [input] : layerIds.map((id) => names.get(id) ?? identifier(id));
}

/**
 * The canonical form of a spec, which is what "the same spec" means when a model goes through a
 * text format and back: identical but for what carries no information. A layer other than an add
 * or concat whose `inputs` is just the layer before it loses the field (analyze reads the previous
 * layer anyway), and an empty `group` is dropped. The PyTorch and text parsers return canonical
 * specs; the JSON parser returns a spec exactly as written.
 */
import type { Layer, ModelSpec } from '../models/index.ts';

/** `spec` in canonical form (a new object; `spec` is not changed). */
export function canonicalSpec(spec: ModelSpec): ModelSpec {
  return { ...spec, layers: spec.layers.map((layer, i) => canonicalLayer(layer, spec.layers[i - 1]?.id)) };
}

function canonicalLayer(layer: Layer, previous: string | undefined): Layer {
  const redundantInputs =
    layer.kind !== 'add' &&
    layer.kind !== 'concat' &&
    layer.inputs !== undefined &&
    layer.inputs.length === 1 &&
    layer.inputs[0] === previous;
  const emptyGroup = layer.group !== undefined && layer.group.length === 0;
  if (!redundantInputs && !emptyGroup) return layer;
  const copy: Record<string, unknown> = { ...layer };
  if (redundantInputs) delete copy['inputs'];
  if (emptyGroup) delete copy['group'];
  return copy as unknown as Layer;
}

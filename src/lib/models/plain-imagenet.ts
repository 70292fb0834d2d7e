/**
 * The ImageNet "plain" networks of He et al. 2016 (Table 2, Fig. 3 middle): the torchvision
 * ResNet-18/34 specs with every shortcut removed. Same layers, same ids (`layer1.0.conv1`, …),
 * no `add` and no projection (`downsample.*`) layers; the parameter count is the ResNet's minus
 * its projection shortcuts. Kept out of the zoo's id list: `plainN` there names the CIFAR nets.
 */
import { torchvisionResnet } from './resnet.ts';
import { shortcutBranches } from './shortcut-branch.ts';
import type { Layer, ModelSpec } from './types.ts';

/**
 * `spec` without its residual connections: each `add` is replaced by its residual branch
 * (`inputs[0]`), and the layers that only fed a shortcut (projections, option-A padding) are
 * dropped. Layers reading an add read its residual branch instead. Returns a new spec with
 * `id` and `name`; the input spec is not modified.
 */
export function withoutShortcuts(spec: ModelSpec, id: string, name: string): ModelSpec {
  const replacement = new Map<string, string>();
  const dropped = new Set<string>();
  for (const [addId, branch] of shortcutBranches(spec)) {
    const add = spec.layers.find((l) => l.id === addId);
    if (add?.kind !== 'add') continue;
    replacement.set(addId, add.inputs[0]);
    dropped.add(addId);
    for (const layer of branch.layers) dropped.add(layer);
  }

  const layers: Layer[] = [];
  spec.layers.forEach((layer, index) => {
    if (dropped.has(layer.id)) return;
    const previous = spec.layers[index - 1];
    // A layer whose implicit input (the previous layer) is dropped must name its real input.
    const inputs = layer.inputs ?? (previous !== undefined && dropped.has(previous.id) ? [previous.id] : undefined);
    const resolved = inputs?.map((input) => replacement.get(input) ?? input);
    layers.push(resolved === undefined ? layer : ({ ...layer, inputs: resolved } as Layer));
  });
  return { ...spec, id, name, layers };
}

/** He et al. 2016 Table 2's plain-18 / plain-34: [224, 224, 3] → [1000]. */
export function plainImagenet(depth: 18 | 34): ModelSpec {
  return withoutShortcuts(torchvisionResnet(`resnet${depth}`), `plain${depth}`, `Plain-${depth}`);
}

/** plain18 and plain34 (ImageNet). */
export const plainImagenetModels: readonly ModelSpec[] = [plainImagenet(18), plainImagenet(34)];

/**
 * Model ids as diagrams accept them: every zoo id (and CIFAR `resnetN` / `plainN`), plus He et
 * al.'s ImageNet plain nets `plain18` and `plain34`, which the zoo does not list.
 */
import { plainImagenetModels } from './plain-imagenet.ts';
import { getModel } from './zoo.ts';
import type { ModelSpec } from './types.ts';

const extra: ReadonlyMap<string, ModelSpec> = new Map(plainImagenetModels.map((spec) => [spec.id, spec]));

/** The spec a diagram draws for `id`. Throws SpecError naming the valid ids for an unknown one. */
export function diagramSpec(id: string): ModelSpec {
  return extra.get(id) ?? getModel(id);
}

/** Ids a diagram accepts beyond `getModel`'s. */
export const extraDiagramIds: readonly string[] = [...extra.keys()];

/**
 * "vgg19, plain34,resnet34" → ['vgg19', 'plain34', 'resnet34']. A comparison shows two to four
 * distinct models; anything else throws an Error that says so.
 */
export function parseModelList(list: string): string[] {
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length < 2 || ids.length > 4) {
    throw new Error(`a comparison shows 2 to 4 models, got ${ids.length} in "${list}"`);
  }
  if (new Set(ids).size !== ids.length) throw new Error(`a comparison lists each model once, got "${list}"`);
  return ids;
}

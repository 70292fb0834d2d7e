import type { AddLayer, Layer, ModelSpec } from '../models/types.ts';

/**
 * Skip-connection switches: block (group) id → on/off. Keys may be an `add` layer's id or any of
 * its groups (`'layer1.0'` one block, `'layer1'` a whole stage); the innermost key present
 * decides. Missing keys mean on.
 */
export type SkipSwitches = Readonly<Record<string, boolean>>;

/** Whether the shortcut of `layer` (an `add`) is on under `skips`; true for any other layer. */
export function shortcutEnabled(layer: Layer, skips: SkipSwitches | undefined): boolean {
  if (layer.kind !== 'add' || skips === undefined) return true;
  const keys = [layer.id, ...[...(layer.group ?? [])].reverse()];
  for (const key of keys) {
    const on = skips[key];
    if (on !== undefined) return on;
  }
  return true;
}

/**
 * Whether `layer` (an `add`) belongs to a block deleted by `lesions` (block ids: an `add`'s id or
 * any of its groups). A deleted block outputs its shortcut alone: the residual branch is gone,
 * as in Veit et al. 2016's lesion study; in a plain twin (skip off) the block becomes the
 * identity (or option A's subsample-and-pad), i.e. its layers are removed. False for other layers.
 */
export function blockLesioned(layer: Layer, lesions: readonly string[] | undefined): boolean {
  if (layer.kind !== 'add' || lesions === undefined || lesions.length === 0) return false;
  return [layer.id, ...(layer.group ?? [])].some((key) => lesions.includes(key));
}

/** The residual blocks of a spec: each `add` with its block id (its innermost group, else its own id). */
export function residualBlocks(spec: ModelSpec): { readonly block: string; readonly add: AddLayer }[] {
  return spec.layers
    .filter((layer): layer is AddLayer => layer.kind === 'add')
    .map((add) => ({ block: add.group?.[add.group.length - 1] ?? add.id, add }));
}

/** Switches that turn every skip connection of `spec` off (or on): its plain twin. */
export function allSkips(spec: ModelSpec, on: boolean): SkipSwitches {
  return Object.fromEntries(residualBlocks(spec).map(({ block }) => [block, on]));
}

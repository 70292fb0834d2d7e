/**
 * What a module's forward pass may do while it is turned into spec layers: run a child module,
 * run children in a row, add a layer for a functional call (`F.relu`, `torch.cat`, `out += x`)
 * and warn. Implemented by pytorch.ts; used by the torchvision blocks and models.
 */
import type { SourcePosition } from './parse-error.ts';
import type { LayerBody, Source, SpecBuilder } from './spec-builder.ts';
import type { TorchNode } from './torch-print.ts';

/** A module's place: its dotted path (`layer1.0`, '' for the model) and the group of the layers inside it. */
export interface Scope {
  readonly path: string;
  /** Group of the layers directly inside this module: its ancestors' paths and its own. */
  readonly group: readonly string[];
}

export interface Runner {
  readonly builder: SpecBuilder;
  /** Run `node`, a child of `parent`, on `input`; `id` renames a leaf's layer (a ReLU module used twice). Returns its output. */
  run(node: TorchNode, input: Source, parent: Scope, id?: string): Source;
  /** Run `nodes`, children of `parent`, one after another. */
  sequence(nodes: readonly TorchNode[], input: Source, parent: Scope): Source;
  /** Add layer `${scope.path}.${name}` (or `name` at the top), for a call forward() makes without a module. */
  functional(scope: Scope, name: string, body: LayerBody, from: Source | readonly string[], at: SourcePosition): string;
  warn(at: SourcePosition, message: string): void;
}

/** The scope of `node`, a child of `parent`. */
export function scopeOf(node: TorchNode, parent: Scope): Scope {
  const path = parent.path === '' ? node.key : `${parent.path}.${node.key}`;
  return { path, group: path === '' ? parent.group : [...parent.group, path] };
}

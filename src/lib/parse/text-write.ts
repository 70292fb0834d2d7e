/**
 * `toText(spec)`: a spec in our text format (docs/text-format.md), such that `parseText` gives the
 * same spec back (canonical.ts). The spec's graph is read as nested blocks: every add is a
 * `residual { … } shortcut { … }` and every concat a `concat { branch { … } … }` whose branches
 * run from one fork to the join, one after another in spec order. A spec the format cannot
 * express (branches from the network input, interleaved branches, groups that cut across blocks,
 * fields the format lacks) makes toText throw an Error saying why; `textExpressible` asks first.
 */
import type { Layer, ModelSpec } from '../models/index.ts';
import { canonicalSpec } from './canonical.ts';
import { parseText } from './text-format.ts';
import { ACTIVATION_WORDS, LINE_SYNTAX } from './text-layers.ts';
import { writeValue } from './text-values.ts';

type Item = { readonly layer: Layer } | { readonly join: Layer; readonly branches: readonly (readonly Item[])[] };

/** The text of `spec`; throws Error when the format cannot express it exactly. */
export function toText(spec: ModelSpec): string {
  const canonical = canonicalSpec(spec);
  const text = write(canonical);
  const back = parseText(text).spec;
  if (stable(canonicalSpec(back)) !== stable(canonical)) {
    throw new Error(`the text format cannot express "${spec.id}" exactly`);
  }
  return text;
}

/** Whether toText(spec) succeeds, and why not. */
export function textExpressible(spec: ModelSpec): { ok: true } | { ok: false; reason: string } {
  try {
    toText(spec);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function write(spec: ModelSpec): string {
  const byId = new Map(spec.layers.map((layer) => [layer.id, layer]));
  const index = new Map(spec.layers.map((layer, i) => [layer.id, i]));
  const inputsOf = (layer: Layer): readonly string[] => {
    const i = index.get(layer.id) ?? 0;
    const previous = spec.layers[i - 1];
    return layer.inputs ?? (previous === undefined ? [] : [previous.id]);
  };
  const isJoin = (layer: Layer): boolean => layer.kind === 'add' || layer.kind === 'concat';
  const forks = new Map<string, string>();
  const parent = (id: string): string | null => {
    const layer = byId.get(id);
    if (layer === undefined) throw new Error(`unknown layer "${id}"`);
    if (isJoin(layer)) return forks.get(id) ?? null;
    return inputsOf(layer)[0] ?? null;
  };
  const ancestry = (id: string): string[] => {
    const path: string[] = [];
    for (let x: string | null = id; x !== null; x = parent(x)) path.push(x);
    return path;
  };
  for (const layer of spec.layers.filter(isJoin)) {
    const [head, ...others] = inputsOf(layer).map(ancestry);
    const sets = others.map((path) => new Set(path));
    const fork = head?.find((id) => sets.every((set) => set.has(id)));
    if (fork === undefined) throw new Error(`the branches of "${layer.id}" do not start from one layer`);
    forks.set(layer.id, fork);
  }

  const chain = (end: string, stop: string | null): Item[] => {
    const items: Item[] = [];
    for (let x: string | null = end; x !== stop;) {
      if (x === null) throw new Error(`a branch does not lead back to "${stop ?? ''}"`);
      const layer = byId.get(x) as Layer;
      if (isJoin(layer)) {
        const fork: string | null = forks.get(x) ?? null;
        items.unshift({ join: layer, branches: inputsOf(layer).map((input) => chain(input, fork)) });
        x = fork;
      } else {
        items.unshift({ layer });
        x = parent(x);
      }
    }
    return items;
  };

  const last = spec.layers[spec.layers.length - 1];
  const items = last === undefined ? [] : chain(last.id, null);
  const lines = [
    `model ${spec.id} ${JSON.stringify(spec.name)}`,
    `input ${spec.inputShape[2]}x${spec.inputShape[0]}x${spec.inputShape[1]}`,
  ];
  if (spec.sources.length > 0) lines.push(`sources ${spec.sources.join(' ')}`);
  const autoId = (layer: Layer, word: string): boolean => layer.id === `${word}${(index.get(layer.id) ?? 0) + 1}`;
  const prefix = (layer: Layer, word: string): string => (autoId(layer, word) ? '' : `${layer.id}: `);

  const emit = (list: readonly Item[], context: readonly string[], depth: number): void => {
    const open: string[] = [...context];
    const pad = (): string => '  '.repeat(depth + open.length - context.length);
    for (const item of list) {
      const layer = 'layer' in item ? item.layer : item.join;
      const group = layer.group ?? [];
      if (!context.every((g, i) => group[i] === g)) throw new Error(`the group of "${layer.id}" cuts across its block`);
      while (!open.every((g, i) => group[i] === g)) {
        open.pop();
        lines.push(`${pad()}}`);
      }
      for (const name of group.slice(open.length)) {
        lines.push(`${pad()}group ${name} {`);
        open.push(name);
      }
      if ('layer' in item) {
        lines.push(`${pad()}${line(item.layer, prefix)}`);
        continue;
      }
      const word = item.join.kind === 'add' ? 'residual' : 'concat';
      const label = item.join.label === undefined ? '' : ` label=${JSON.stringify(item.join.label)}`;
      lines.push(`${pad()}${prefix(item.join, item.join.kind)}${word}${label} {`);
      const inner = depth + open.length - context.length + 1;
      if (item.join.kind === 'add') {
        const [main = [], shortcut = []] = item.branches;
        emit(main, group, inner);
        if (shortcut.length > 0) {
          lines.push(`${pad()}} shortcut {`);
          emit(shortcut, group, inner);
        }
      } else {
        for (const branch of item.branches) {
          if (branch.length === 0) {
            lines.push(`${'  '.repeat(inner)}branch { }`);
            continue;
          }
          lines.push(`${'  '.repeat(inner)}branch {`);
          emit(branch, group, inner + 1);
          lines.push(`${'  '.repeat(inner)}}`);
        }
      }
      lines.push(`${pad()}}`);
    }
    while (open.length > context.length) {
      open.pop();
      lines.push(`${pad()}}`);
    }
  };
  emit(items, [], 0);
  return `${lines.join('\n')}\n`;
}

/** One layer's line, e.g. `features.0: conv 64 kernel=3 padding=1`. */
function line(layer: Layer, prefix: (layer: Layer, word: string) => string): string {
  const fields: Record<string, unknown> = { ...layer };
  for (const key of ['id', 'kind', 'inputs', 'group']) delete fields[key];
  let word: string = layer.kind;
  const parts: string[] = [];
  if (layer.kind === 'activation') {
    word = layer.activation;
    delete fields['activation'];
    if (!(ACTIVATION_WORDS as readonly string[]).includes(word)) throw new Error(`unknown activation "${word}"`);
  }
  const syntax = layer.kind === 'activation' ? { keys: { label: 'string' as const } } : LINE_SYNTAX[layer.kind];
  if (syntax === undefined) throw new Error(`no line for layer kind "${layer.kind}"`);
  if ('positional' in syntax && syntax.positional !== undefined) {
    parts.push(valueOf(fields[syntax.positional.field], syntax.positional.type, layer));
    delete fields[syntax.positional.field];
  }
  for (const [key, type] of Object.entries(syntax.keys)) {
    if (!(key in fields)) continue;
    parts.push(`${key}=${valueOf(fields[key], type, layer)}`);
    delete fields[key];
  }
  const left = Object.keys(fields);
  if (left.length > 0) throw new Error(`layer "${layer.id}" has fields the text format lacks: ${left.join(', ')}`);
  return `${prefix(layer, word)}${[word, ...parts].join(' ')}`;
}

function valueOf(value: unknown, type: Parameters<typeof writeValue>[1], layer: Layer): string {
  const text = writeValue(value, type);
  if (text === undefined)
    throw new Error(`layer "${layer.id}" has a value the text format cannot write: ${JSON.stringify(value)}`);
  return text;
}

/** JSON with object keys sorted, for comparing specs regardless of key order. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

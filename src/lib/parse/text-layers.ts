/**
 * The layer lines of our text format (docs/text-format.md), shared by its parser and its writer:
 * for each line word, the spec kind it makes, the field its one bare value fills, and the
 * `key=value` fields it takes. Keys are the spec's own field names (types.ts), so a line maps onto
 * a layer one to one: `conv 64 kernel=3 padding=1 bias=false` is
 * `{ kind: 'conv', filters: 64, kernel: 3, padding: 1, bias: false }`.
 */
import type { ActivationKind, LayerKind } from '../models/index.ts';

/** How a value is written: integer, number, `3` or `3x5`, `true`/`false`, 0/1 rows, or a quoted string. */
export type ValueType = 'int' | 'number' | 'pair' | 'bool' | 'table' | 'string';

export interface LineSyntax {
  readonly kind: LayerKind;
  /** The field the bare value fills (`conv 64`: filters), if the line takes one. */
  readonly positional?: { readonly field: string; readonly type: ValueType };
  /** `key=value` fields in the order they are written. */
  readonly keys: Readonly<Record<string, ValueType>>;
  /** Keys that must be given. */
  readonly required: readonly string[];
}

const label = { label: 'string' } as const;
const windowKeys = { kernel: 'pair', stride: 'pair', padding: 'pair' } as const;

/** The words of the activation lines: `relu`, `relu6`, `tanh`, `sigmoid`, `scaled_tanh`. */
export const ACTIVATION_WORDS: readonly ActivationKind[] = ['relu', 'relu6', 'tanh', 'sigmoid', 'scaled_tanh'];

/** Layer lines by their first word (activations are listed separately). */
export const LINE_SYNTAX: Readonly<Record<string, LineSyntax>> = {
  conv: {
    kind: 'conv',
    positional: { field: 'filters', type: 'int' },
    keys: { ...windowKeys, dilation: 'pair', groups: 'int', bias: 'bool', connections: 'table', ...label },
    required: ['kernel'],
  },
  maxpool: { kind: 'maxpool', keys: { ...windowKeys, ceil: 'bool', ...label }, required: ['kernel'] },
  avgpool: { kind: 'avgpool', keys: { ...windowKeys, ceil: 'bool', ...label }, required: ['kernel'] },
  subsample: { kind: 'subsample', keys: { kernel: 'pair', stride: 'pair', ...label }, required: ['kernel'] },
  batchnorm: { kind: 'batchnorm', keys: { epsilon: 'number', ...label }, required: [] },
  dropout: { kind: 'dropout', positional: { field: 'rate', type: 'number' }, keys: { ...label }, required: [] },
  lrn: {
    kind: 'lrn',
    keys: { size: 'int', alpha: 'number', beta: 'number', k: 'number', ...label },
    required: ['size', 'alpha', 'beta', 'k'],
  },
  flatten: { kind: 'flatten', keys: { ...label }, required: [] },
  globalavgpool: { kind: 'globalavgpool', keys: { ...label }, required: [] },
  dense: { kind: 'dense', positional: { field: 'units', type: 'int' }, keys: { bias: 'bool', ...label }, required: [] },
  rbf: { kind: 'rbf', positional: { field: 'units', type: 'int' }, keys: { ...label }, required: [] },
  padshortcut: {
    kind: 'padshortcut',
    keys: { stride: 'int', filters: 'int', ...label },
    required: ['stride', 'filters'],
  },
};

/** Words readers may try, with the word to use instead. */
export const WORD_HINTS: Readonly<Record<string, string>> = {
  linear: 'dense',
  fc: 'dense',
  conv2d: 'conv',
  bn: 'batchnorm',
  batchnorm2d: 'batchnorm',
  pool: 'maxpool',
  gap: 'globalavgpool',
  add: 'residual { … }',
  cat: 'concat { … }',
};

/**
 * The zoo's own spec format as JSON: `parseJsonSpec(text)` reads and validates a ModelSpec
 * (types.ts), `toJson(spec)` writes one. Reading checks the shape of the data field by field
 * (known keys only, with the types the text format's table gives them, text-layers.ts), then the
 * spec itself with `analyze`, whose SpecError is reported at the line of the layer at fault.
 * Specs come back exactly as written (not canonicalised), so toJson → parseJsonSpec is exact.
 */
import { analyze, SpecError, type Analysis, type ModelSpec } from '../models/index.ts';
import type { InputOptions, ParsedModel } from './outcome.ts';
import { parseJson } from './json-text.ts';
import { checkInputShape, checkLayerCount, checkMacs, checkTextLength } from './limits.ts';
import { ParseError, START, type SourcePosition } from './parse-error.ts';
import { ACTIVATION_WORDS, LINE_SYNTAX, type ValueType } from './text-layers.ts';

const COMMON: Readonly<Record<string, ValueType | 'ids'>> = {
  id: 'string',
  inputs: 'ids',
  group: 'ids',
  label: 'string',
  kind: 'string',
};

/** Fields each kind takes beyond the common ones. */
function fieldsOf(kind: string): Readonly<Record<string, ValueType | 'ids'>> | undefined {
  if (kind === 'activation') return { activation: 'string' };
  if (kind === 'add') return { shortcut: 'string' };
  if (kind === 'concat') return {};
  const syntax = Object.values(LINE_SYNTAX).find((s) => s.kind === kind);
  if (syntax === undefined) return undefined;
  const { label: _label, ...keys } = syntax.keys;
  return syntax.positional === undefined ? keys : { [syntax.positional.field]: syntax.positional.type, ...keys };
}

/** Parse and validate `text`; throws ParseError at the line and column of the first problem. */
export function parseJsonSpec(text: string, options: InputOptions = {}): ParsedModel {
  checkTextLength(text);
  const { value, positionOf } = parseJson(text);
  const at = (path: string): SourcePosition => positionOf(path) ?? positionOf('') ?? START;
  const fail = (path: string, reason: string, hint?: string): never => {
    throw new ParseError(reason, at(path), hint === undefined ? {} : { hint });
  };

  const spec = record(value, '', fail);
  only(spec, ['id', 'name', 'inputShape', 'layers', 'sources'], '', fail);
  const inputShape = spec['inputShape'];
  if (!Array.isArray(inputShape)) fail('', 'inputShape must be [height, width, channels]');
  checkInputShape(inputShape as number[], at('/inputShape'));
  if (typeof spec['id'] !== 'string' || typeof spec['name'] !== 'string') fail('', 'a spec needs a string id and name');
  if (!isStrings(spec['sources'])) fail('', 'sources must be a list of bibliography keys');
  const layers = Array.isArray(spec['layers']) ? (spec['layers'] as unknown[]) : fail('', 'layers must be a list');
  checkLayerCount(layers.length, at('/layers'));
  layers.forEach((layer, i) => checkLayer(record(layer, `/layers/${i}`, fail), i, fail));

  const model = {
    ...(spec as unknown as ModelSpec),
    ...(options.inputShape === undefined ? {} : { inputShape: options.inputShape }),
  };
  let analysis: Analysis;
  try {
    analysis = analyze(model);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const index = model.layers.findIndex((l) => l.id === error.layerId);
    const reason = error.message.replace(/^model "[^"]*"(?:, layer "[^"]*")?: /, '');
    const where = index === -1 ? '' : `/layers/${index}`;
    throw new ParseError(
      index === -1 ? reason : `layer ${index + 1} ("${error.layerId ?? ''}"): ${reason}`,
      at(where),
      { cause: error },
    );
  }
  checkMacs(analysis.macs, START);
  return { spec: model, analysis, warnings: [] };
}

/** `spec` as indented JSON (two spaces), which parseJsonSpec reads back exactly. */
export function toJson(spec: ModelSpec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

type Fail = (path: string, reason: string, hint?: string) => never;

function record(value: unknown, path: string, fail: Fail): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fail(
        path,
        path === ''
          ? 'expected a JSON object with id, name, inputShape, layers and sources'
          : 'a layer must be an object',
      );
}

function only(object: Record<string, unknown>, keys: readonly string[], path: string, fail: Fail): void {
  const extra = Object.keys(object).find((key) => !keys.includes(key));
  if (extra !== undefined) fail(path, `unknown field "${extra}"`, `expected only ${keys.join(', ')}`);
}

function checkLayer(layer: Record<string, unknown>, index: number, fail: Fail): void {
  const path = `/layers/${index}`;
  const kind = layer['kind'];
  const fields = typeof kind === 'string' ? fieldsOf(kind) : undefined;
  if (fields === undefined) {
    fail(
      path,
      `layer ${index + 1}: unknown kind ${JSON.stringify(kind)}`,
      `kinds: ${['activation', 'add', 'concat', ...new Set(Object.values(LINE_SYNTAX).map((s) => s.kind))].join(', ')}`,
    );
  }
  const types = { ...COMMON, ...fields };
  only(layer, Object.keys(types), path, (p, reason, hint) => fail(p, `layer ${index + 1}: ${reason}`, hint));
  for (const [key, value] of Object.entries(layer)) {
    const type = types[key];
    if (type !== undefined && !hasType(value, type))
      fail(path, `layer ${index + 1}: ${key} must be ${describe(type)}, got ${JSON.stringify(value)}`);
  }
  if (kind === 'activation' && !(ACTIVATION_WORDS as readonly unknown[]).includes(layer['activation'])) {
    fail(
      path,
      `layer ${index + 1}: unknown activation ${JSON.stringify(layer['activation'])}`,
      `expected one of ${ACTIVATION_WORDS.join(', ')}`,
    );
  }
  if (kind === 'add' && !['identity', 'projection', 'padding'].includes(layer['shortcut'] as string)) {
    fail(path, `layer ${index + 1}: shortcut must be "identity", "projection" or "padding"`);
  }
}

function hasType(value: unknown, type: ValueType | 'ids'): boolean {
  const int = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
  switch (type) {
    case 'int':
      return int(value);
    case 'number':
      return typeof value === 'number';
    case 'pair':
      return int(value) || (Array.isArray(value) && value.length === 2 && value.every(int));
    case 'bool':
      return typeof value === 'boolean';
    case 'table':
      return (
        Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'boolean'))
      );
    case 'string':
      return typeof value === 'string';
    case 'ids':
      return isStrings(value);
  }
}

function isStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function describe(type: ValueType | 'ids'): string {
  return {
    int: 'an integer',
    number: 'a number',
    pair: 'an integer or [height, width]',
    bool: 'true or false',
    table: 'rows of true/false',
    string: 'a string',
    ids: 'a list of layer ids',
  }[type];
}

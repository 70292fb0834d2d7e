import { describe, expect, it } from 'vitest';
import { analyze, getModel, modelIds } from '../../../src/lib/models/index.ts';
import { parseJsonSpec, toJson } from '../../../src/lib/parse/json-spec.ts';
import { parseJson } from '../../../src/lib/parse/json-text.ts';
import type { ParseError } from '../../../src/lib/parse/parse-error.ts';
import { thrown } from './helpers.ts';

describe.each(modelIds)('toJson(%s)', (id) => {
  it('parseJsonSpec reads back exactly the same spec, with the same analysis', () => {
    const spec = getModel(id);
    const parsed = parseJsonSpec(toJson(spec));
    expect(parsed.spec).toEqual(spec);
    expect(parsed.analysis.params).toBe(analyze(spec).params);
    expect(parsed.analysis.macs).toBe(analyze(spec).macs);
  });
});

describe('parseJson(text)', () => {
  it('records where each object and array starts', () => {
    const { value, positionOf } = parseJson('{\n  "a": [1, {"b": "c\\u0041"}],\n  "d": -1.5e2\n}');
    expect(value).toEqual({ a: [1, { b: 'cA' }], d: -150 });
    expect(positionOf('/a/1')).toEqual({ line: 2, column: 12 });
    expect(positionOf('/d')).toBeUndefined();
  });
});

const spec = (layers: string): string =>
  `{\n  "id": "t", "name": "t", "inputShape": [8, 8, 3], "sources": [],\n  "layers": [\n${layers}\n  ]\n}`;

const errorOf = (text: string): ParseError => thrown(() => parseJsonSpec(text));

describe('parseJsonSpec(bad text) throws ParseError with line and column', () => {
  it.each<[string, string, [number, number], RegExp]>([
    ['a missing comma', '{"id": "t" "name": "t"}', [1, 12], /expected "}", found """/],
    ['a trailing comma', '{"id": "t",}', [1, 12], /expected a key in double quotes/],
    ['a cut-off text', '{"id": "t", "layers": [', [1, 24], /unexpected end of text/],
    ['a duplicate key', '{"id": "t", "id": "u"}', [1, 13], /the key "id" appears twice/],
    ['a __proto__ key', '{"__proto__": {}}', [1, 2], /the key "__proto__" is not allowed/],
    ['not an object', '[1, 2]', [1, 1], /expected a JSON object with id, name/],
    ['an unknown top-level field', '{"id": "t", "name": "t", "extra": 1}', [1, 1], /unknown field "extra"/],
    [
      'an unknown layer kind',
      spec('    {"id": "a", "kind": "conv", "filters": 4, "kernel": 1},\n    {"id": "b", "kind": "lstm"}'),
      [5, 5],
      /layer 2: unknown kind "lstm"/,
    ],
    [
      'a field of the wrong type',
      spec('    {"id": "a", "kind": "conv", "filters": "4", "kernel": 1}'),
      [4, 5],
      /filters must be an integer, got "4"/,
    ],
    ['a field another kind has', spec('    {"id": "a", "kind": "relu"}'), [4, 5], /unknown kind "relu"/],
    [
      'an unknown field',
      spec('    {"id": "a", "kind": "conv", "filters": 4, "kernel": 1, "padd": 1}'),
      [4, 5],
      /layer 1: unknown field "padd"/,
    ],
    [
      'a shape error, named by analyze',
      spec('    {"id": "a", "kind": "flatten"},\n    {"id": "b", "kind": "conv", "filters": 4, "kernel": 1}'),
      [5, 5],
      /layer 2 \("b"\): conv needs an \[h, w, c\] input, got flat \[192\]/,
    ],
    [
      'an input that is not an earlier layer',
      spec('    {"id": "a", "kind": "conv", "filters": 4, "kernel": 1, "inputs": ["z"]}'),
      [4, 5],
      /layer 1 \("a"\): unknown input "z"/,
    ],
  ])('%s', (_what, text, [line, column], reason) => {
    const error = errorOf(text);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.reason).toMatch(reason);
  });
});

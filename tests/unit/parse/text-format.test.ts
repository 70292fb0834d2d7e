import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/lib/math/rng.ts';
import { analyze, modelIds, getModel, type ModelSpec } from '../../../src/lib/models/index.ts';
import { canonicalSpec } from '../../../src/lib/parse/canonical.ts';
import type { ParseError } from '../../../src/lib/parse/parse-error.ts';
import { parseText } from '../../../src/lib/parse/text-format.ts';
import { stable, textExpressible, toText } from '../../../src/lib/parse/text-write.ts';
import { interleavedBranches, thrown } from './helpers.ts';

const docs = readFileSync(new URL('../../../docs/text-format.md', import.meta.url), 'utf8');
const docExample = /```text\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';

describe('parseText(the example in docs/text-format.md)', () => {
  const { spec, analysis } = parseText(docExample);

  it('reads its header, ids, blocks and groups', () => {
    expect([spec.id, spec.name, spec.inputShape]).toEqual(['tiny', 'A tiny CIFAR net', [32, 32, 3]]);
    expect(spec.layers.map((l) => l.id)).toEqual([
      'conv1',
      'batchnorm2',
      'relu3',
      'conv4',
      'batchnorm5',
      'relu6',
      'conv7',
      'batchnorm8',
      'add9',
      'relu10',
      'conv11',
      'batchnorm12',
      'conv13',
      'batchnorm14',
      'down',
      'relu16',
      'conv17',
      'relu18',
      'concat19',
      'globalavgpool20',
      'dense21',
    ]);
    expect(spec.layers.find((l) => l.id === 'down')).toEqual({
      kind: 'add',
      shortcut: 'projection',
      id: 'down',
      inputs: ['batchnorm12', 'batchnorm14'],
    });
    expect(spec.layers.find((l) => l.id === 'add9')).toMatchObject({
      shortcut: 'identity',
      inputs: ['batchnorm8', 'relu3'],
    });
    expect(spec.layers.find((l) => l.id === 'concat19')).toMatchObject({ inputs: ['relu16', 'relu18'] });
    expect(spec.layers.find((l) => l.id === 'conv13')).toMatchObject({ inputs: ['relu10'] });
    expect(spec.layers.find((l) => l.id === 'dense21')?.group).toEqual(['head']);
  });

  it('analyses to [10] with 16×16×40 before pooling', () => {
    expect(analysis.outputShape).toEqual([10]);
    expect(analysis.layers.find((l) => l.id === 'concat19')?.outputShape).toEqual([16, 16, 40]);
  });
});

describe.each(modelIds)('toText(%s)', (id) => {
  const spec = getModel(id);

  it('is expressible, and parseText gives the same spec back', () => {
    expect(textExpressible(spec)).toEqual({ ok: true });
    const text = toText(spec);
    const back = parseText(text).spec;
    expect(stable(back)).toBe(stable(canonicalSpec(spec)));
    expect(toText(back)).toBe(text);
  });
});

describe('toText(spec the format cannot express)', () => {
  const base = { id: 'x', name: 'x', inputShape: [8, 8, 3] as const, sources: [] };
  it.each<[string, ModelSpec]>([
    ['branches whose layers interleave', interleavedBranches],
    [
      'an add whose shortcut says padding but holds a conv',
      {
        ...base,
        layers: [
          { id: 'a', kind: 'conv', filters: 4, kernel: 1 },
          { id: 'b', kind: 'conv', filters: 4, kernel: 1 },
          { id: 'c', kind: 'conv', filters: 4, kernel: 1, inputs: ['a'] },
          { id: 'd', kind: 'add', inputs: ['b', 'c'], shortcut: 'padding' },
        ],
      },
    ],
  ])('throws for %s', (_what, spec) => {
    expect(() => analyze(spec)).not.toThrow();
    expect(() => toText(spec)).toThrow(/cannot express "x" exactly/);
  });
});

describe('parseText(text) by example', () => {
  it.each<[string, string, unknown]>([
    [
      'a rectangular kernel',
      'conv 8 kernel=1x7 padding=0x3',
      { kind: 'conv', filters: 8, kernel: [1, 7], padding: [0, 3] },
    ],
    ['a ceil-mode pool', 'maxpool kernel=3 stride=2 ceil=true', { kind: 'maxpool', kernel: 3, stride: 2, ceil: true }],
    ['an epsilon in exponent form', 'batchnorm epsilon=1e-3', { kind: 'batchnorm', epsilon: 0.001 }],
    [
      'a label with spaces and a quote',
      'relu label="my \\"relu\\" 1"',
      { kind: 'activation', activation: 'relu', label: 'my "relu" 1' },
    ],
    ['a comment after the layer', 'dropout 0.25   # rate', { kind: 'dropout', rate: 0.25 }],
  ])('%s', (_what, line, layer) => {
    const spec = parseText(`input 3x16x16\nconv 3 kernel=1\n${line}`).spec;
    expect(spec.layers[1]).toMatchObject(layer as object);
  });

  it('takes the input size from options over the input line', () => {
    expect(parseText('input 3x16x16\nconv 3 kernel=1', { inputShape: [8, 8, 3] }).spec.inputShape).toEqual([8, 8, 3]);
  });
});

const errorOf = (text: string): ParseError => thrown(() => parseText(text));

describe('parseText(bad text) throws ParseError with line, column and hint', () => {
  it.each<[string, string, [number, number], RegExp, RegExp | undefined]>([
    ['an unknown word', 'input 3x8x8\nlinear 10', [2, 1], /unknown layer "linear"/, /did you mean `dense`\?/],
    ['a conv without kernel', 'conv 8 stride=2', [1, 1], /missing kernel/, /expected `kernel=k`/],
    ['a bad kernel', 'conv 8 kernel=3x', [1, 8], /bad kernel "3x"/, /expected `kernel=3 or 3x5`/],
    ['an unknown key', 'conv 8 kernel=3 pad=1', [1, 17], /unexpected "pad=1"/, /`padding=…`/],
    ['a missing count', 'dense', [1, 1], /missing the units/, /expected `dense 64`/],
    [
      'a block never closed',
      'conv 8 kernel=1\nresidual {\n  relu\n',
      [2, 1],
      /"residual \{" is never closed/,
      /expected `\}`/,
    ],
    ['a stray }', 'conv 8 kernel=1\n}', [2, 1], /a "\}" with no block open/, undefined],
    ['a branch outside concat', 'conv 8 kernel=1\nbranch {', [2, 1], /"branch" outside a concat block/, undefined],
    ['a layer directly in concat', 'conv 8 kernel=1\nconcat {\n  relu\n}', [3, 3], /expected "branch \{"/, undefined],
    ['a block first', 'residual {\n  relu\n}', [1, 1], /a residual block cannot start the model/, /put one before it/],
    ['an empty residual', 'conv 8 kernel=1\nresidual {\n}', [3, 1], /the residual branch is empty/, undefined],
    ['a one-branch concat', 'conv 8 kernel=1\nconcat {\n  branch { }\n}', [4, 1], /two or more branches/, undefined],
    ['a header after a layer', 'conv 8 kernel=1\ninput 3x8x8', [2, 1], /"input" after the first layer/, undefined],
    ['a duplicate id', 'a: conv 8 kernel=1\na: relu', [2, 4], /the id "a" is already used/, undefined],
    ['a bad input line', 'input 224x224', [1, 7], /bad input size/, /expected `input CxHxW`/],
    [
      'a shape error',
      'input 3x8x8\nflatten\ndense 10\nconv 4 kernel=1',
      [4, 1],
      /layer 3 \(conv, "conv3"\): conv needs an \[h, w, c\] input/,
      undefined,
    ],
    [
      'an add of different shapes',
      'conv 8 kernel=1\nresidual {\n  conv 4 kernel=1\n}',
      [2, 1],
      /cannot add shapes \[224, 224, 4\] and \[224, 224, 8\]/,
      undefined,
    ],
    ['no layers', '# nothing\n', [1, 1], /the model has no layers/, undefined],
  ])('%s', (_what, text, [line, column], reason, hint) => {
    const error = errorOf(text);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.reason).toMatch(reason);
    if (hint !== undefined) expect(error.hint).toMatch(hint);
  });
});

/**
 * A random program in the text format: 4-channel maps throughout, with residual and concat blocks
 * nested in each other's branches, groups and explicit ids, none of which the zoo combines.
 */
function randomProgram(seed: number): string {
  const rng = mulberry32(seed);
  const pick = (n: number): number => Math.floor(rng.uniform() * n);
  let ids = 0;
  const id = (): string => (pick(3) === 0 ? `n${ids++}: ` : '');
  const sequence = (depth: number, pad: string): string[] => {
    const lines: string[] = [];
    for (let n = 1 + pick(3); n > 0; n--) {
      const choice = depth > 3 ? pick(3) : pick(6);
      if (choice === 0) lines.push(`${pad}${id()}${pick(2) === 0 ? 'conv 4 kernel=1' : 'conv 4 kernel=3 padding=1'}`);
      else if (choice === 1) lines.push(`${pad}${id()}relu`);
      else if (choice === 2) lines.push(`${pad}${id()}batchnorm epsilon=0.001`);
      else if (choice === 3) {
        lines.push(`${pad}${id()}residual {`, ...sequence(depth + 1, `${pad}  `), `${pad}  conv 4 kernel=1`);
        if (pick(2) === 0) lines.push(`${pad}} shortcut {`, `${pad}  conv 4 kernel=1`);
        lines.push(`${pad}}`);
      } else if (choice === 4) {
        lines.push(`${pad}${id()}concat {`);
        for (let b = 2 + pick(2); b > 0; b--) {
          if (pick(3) === 0) lines.push(`${pad}  branch { }`);
          else lines.push(`${pad}  branch {`, ...sequence(depth + 1, `${pad}    `), `${pad}  }`);
        }
        lines.push(`${pad}}`, `${pad}conv 4 kernel=1`);
      } else {
        lines.push(`${pad}group g${pick(4)} {`, ...sequence(depth + 1, `${pad}  `), `${pad}}`);
      }
    }
    return lines;
  };
  return ['input 4x8x8', 'conv 4 kernel=1', ...sequence(0, '')].join('\n');
}

describe.each(Array.from({ length: 100 }, (_, i) => i + 1))('toText(parseText(random program, seed %i))', (seed) => {
  it('gives back the same spec and the same text', () => {
    const spec = parseText(randomProgram(seed)).spec;
    const text = toText(spec);
    expect(stable(parseText(text).spec)).toBe(stable(spec));
    expect(toText(parseText(text).spec)).toBe(text);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/lib/models/index.ts';
import { mulberry32 } from '../../../src/lib/math/rng.ts';
import {
  detectFormat,
  MAX_LAYERS,
  MAX_TEXT_CHARS,
  ParseError,
  parseModel,
  toJson,
  toText,
  type ModelFormat,
} from '../../../src/lib/parse/index.ts';

const resnet18Print = readFileSync(new URL('../../fixtures/pytorch/resnet18.txt', import.meta.url), 'utf8');

describe('detectFormat(text)', () => {
  it.each<[string, string, ModelFormat]>([
    ['print(model) output', resnet18Print, 'pytorch'],
    ['a one-line print', 'Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))', 'pytorch'],
    ['JSON after blank lines', '\n\n  {"id": "x"}', 'json'],
    ['our text format', 'input 3x32x32\nconv 8 kernel=3', 'text'],
    ['our text format after a comment', '# my net\nconv 8 kernel=3', 'text'],
    ['an empty text', '', 'text'],
  ])('%s → %s', (_what, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('parseModel(text)', () => {
  it.each<[ModelFormat, string]>([
    ['pytorch', resnet18Print],
    ['text', toText(getModel('resnet18'))],
    ['json', toJson(getModel('resnet18'))],
  ])('reads resnet18 as %s with the same parameters and MACs', (format, text) => {
    const outcome = parseModel(text);
    expect(outcome.ok && [outcome.format, outcome.analysis.params, outcome.analysis.macs]).toEqual([
      format,
      11_689_512,
      1_814_073_344,
    ]);
  });

  it('returns the error instead of throwing', () => {
    const outcome = parseModel('conv 8 kernel=3x');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && [outcome.format, outcome.error.line, outcome.error.column]).toEqual(['text', 1, 8]);
  });

  it('applies inputShape to every format', () => {
    const outcome = parseModel(toJson(getModel('resnet18')), { inputShape: [112, 112, 3] });
    expect(outcome.ok && outcome.analysis.layers.find((l) => l.id === 'layer4.1.relu2')?.outputShape).toEqual([
      4, 4, 512,
    ]);
  });
});

/** The ParseError parseModel gives for `text` (as `format`). */
function refusal(text: string, format?: ModelFormat): ParseError {
  const outcome = parseModel(text, format === undefined ? {} : { format });
  if (outcome.ok) throw new Error('accepted');
  return outcome.error;
}

describe('parseModel(hostile text) refuses with a message, never hangs', () => {
  const megabyte = 'x'.repeat(1 << 20);

  it.each<ModelFormat>(['pytorch', 'text', 'json'])('1 MB of text as %s is refused by length', (format) => {
    expect(megabyte.length).toBeGreaterThan(MAX_TEXT_CHARS);
    expect(refusal(megabyte, format).reason).toMatch(
      /the text has 1,048,576 characters, more than the 1,000,000 accepted/,
    );
  });

  it.each<[string, string, [number, number], RegExp]>([
    ['50,000 nested modules', 'Net(\n' + '  (a): Net(\n'.repeat(50_000), [65, 8], /nesting deeper than 64 levels/],
    [
      '100,000 nested parentheses in arguments',
      `Conv2d(${'('.repeat(100_000)})`,
      [1, 72],
      /nesting deeper than 64 levels/,
    ],
    ['100,000 nested JSON arrays', '['.repeat(100_000), [1, 65], /nesting deeper than 64 levels/],
    [
      '10,000 nested residual blocks',
      'conv 8 kernel=1\n' + 'residual {\n'.repeat(10_000),
      [66, 1],
      /nesting deeper than 64 levels/,
    ],
    ['an unterminated residual block', 'conv 8 kernel=1\nresidual {\n  relu', [2, 1], /"residual \{" is never closed/],
    ['an unterminated print', 'Net(\n  (a): ReLU()', [1, 1], /"Net\(" is never closed/],
    ['an unterminated JSON string', '{"id": "abc', [1, 8], /unterminated string/],
    ['an unterminated text string', 'relu label="abc', [1, 12], /unterminated string/],
  ])('%s', (_what, text, [line, column], reason) => {
    const error = refusal(text);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.reason).toMatch(reason);
  });

  it(`a model of ${MAX_LAYERS + 1} layers is refused at the first layer too many, in every format`, () => {
    const lines = Array.from({ length: MAX_LAYERS + 1 }, () => 'relu');
    expect(refusal(`input 3x8x8\n${lines.join('\n')}`).line).toBe(MAX_LAYERS + 2);
    const print = `Net(\n${lines.map((_, i) => `  (${i}): ReLU()`).join('\n')}\n)`;
    expect(refusal(print).line).toBe(MAX_LAYERS + 2);
    const layers = lines.map((_, i) => ({ id: `r${i}`, kind: 'activation', activation: 'relu' }));
    const json = JSON.stringify({ id: 'x', name: 'x', inputShape: [8, 8, 3], sources: [], layers });
    expect(refusal(json).reason).toMatch(`more than ${MAX_LAYERS} layers`);
  });

  it('900 KB of layers is refused by its layer count, as text and as JSON', () => {
    const text = 'relu\n'.repeat(180_000);
    expect(text.length).toBeLessThan(MAX_TEXT_CHARS);
    expect(refusal(text).reason).toMatch(`more than ${MAX_LAYERS} layers`);
    const layer = '{"id": "r", "kind": "activation", "activation": "relu"}';
    const json = `{"id": "x", "name": "x", "inputShape": [8, 8, 3], "sources": [], "layers": [${Array(16_000).fill(layer).join(',\n')}]}`;
    expect(json.length).toBeLessThan(MAX_TEXT_CHARS);
    expect(refusal(json).reason).toMatch(`more than ${MAX_LAYERS} layers`);
  });

  it('a model over 10¹³ MACs is refused at the layer that crosses it', () => {
    const error = refusal('input 3x4096x4096\nconv 64 kernel=3 padding=1\nconv 4096 kernel=11 padding=5');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/needs 5\.32e\+14 multiply-accumulates per example, more than the 1e13 accepted/);
  });

  it('never throws anything but a ParseError for damaged inputs (seeded fuzz, 600 cases)', () => {
    const sources = [resnet18Print, toText(getModel('googlenet')), toJson(getModel('squeezenet1_0'))];
    const rng = mulberry32(22);
    const pick = (n: number): number => Math.floor(rng.uniform() * n);
    const junk = '(){}[]=,:"#x\\ 0123\n';
    for (let n = 0; n < 600; n++) {
      const source = sources[n % sources.length] as string;
      let text = source.slice(0, pick(source.length + 1));
      for (let k = pick(6); k > 0; k--) {
        const at = pick(text.length + 1);
        text = text.slice(0, at) + junk[pick(junk.length)] + text.slice(at + pick(3));
      }
      const outcome = parseModel(text);
      if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ParseError);
    }
  });
});

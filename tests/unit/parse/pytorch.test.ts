import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, getModel, type Layer, type ModelSpec } from '../../../src/lib/models/index.ts';
import { canonicalSpec } from '../../../src/lib/parse/canonical.ts';
import type { ParseError } from '../../../src/lib/parse/parse-error.ts';
import { parsePytorch } from '../../../src/lib/parse/pytorch.ts';
import { thrown } from './helpers.ts';

/**
 * tests/fixtures/pytorch/*.txt are the real output of print(model) for torchvision 0.29.1 on
 * torch 2.14.1, written by scripts/fixtures/torch-prints.py, which also recorded torch's own
 * parameter count and its Conv2d + Linear multiply-accumulates (forward hooks, one 3×224×224
 * image) in manifest.json.
 */
const fixtures = new URL('../../fixtures/pytorch/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(`${name}.txt`, fixtures), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('manifest.json', fixtures), 'utf8')) as {
  torch: string;
  torchvision: string;
  models: Record<string, { params: number; macs: number }>;
};

/** A layer without the fields that only restate a default (stride 1, a pool's stride equal to its kernel) or its grouping. */
function essentials(layer: Layer): Record<string, unknown> {
  const { group: _group, ...rest } = layer as Layer & Record<string, unknown>;
  const copy: Record<string, unknown> = { ...rest };
  if (copy['stride'] === 1 && layer.kind === 'conv') delete copy['stride'];
  if ((layer.kind === 'maxpool' || layer.kind === 'avgpool') && copy['stride'] === layer.kernel) delete copy['stride'];
  return copy;
}

const essentialLayers = (spec: ModelSpec): Record<string, unknown>[] => canonicalSpec(spec).layers.map(essentials);

const zooModels = [
  'alexnet',
  'vgg16',
  'vgg16_bn',
  'resnet18',
  'resnet50',
  'googlenet',
  'densenet121',
  'mobilenet_v2',
  'squeezenet1_0',
  'resnext50_32x4d',
  'wide_resnet50_2',
] as const;

describe('the fixtures', () => {
  it('were printed by torch 2.14.1 and torchvision 0.29.1', () => {
    expect(manifest.torch).toMatch(/^2\.14\.1/);
    expect(manifest.torchvision).toMatch(/^0\.29\.1/);
  });
});

describe.each(zooModels)('parsePytorch(print(torchvision.models.%s()))', (id) => {
  const parsed = parsePytorch(read(id));
  const zoo = analyze(getModel(id));

  it("gives the zoo's parameter count and MACs, which are torch's own", () => {
    expect(parsed.analysis.params).toBe(zoo.params);
    expect(parsed.analysis.macs).toBe(zoo.macs);
    expect(parsed.analysis.params).toBe(manifest.models[id]?.params);
    expect(parsed.analysis.macs).toBe(manifest.models[id]?.macs);
  });

  it("gives the zoo's spec layer for layer: same ids, inputs and hyper-parameters", () => {
    expect(essentialLayers(parsed.spec)).toEqual(essentialLayers(getModel(id)));
    expect(parsed.analysis.receptiveField).toEqual(zoo.receptiveField);
  });

  it('warns about nothing', () => {
    expect(parsed.warnings).toEqual([]);
  });
});

describe('parsePytorch(print(googlenet)) with auxiliary classifiers', () => {
  it.each([
    ['googlenet_aux', 'InceptionAux modules', [315, 324]],
    ['googlenet_as_loaded', '(aux1): None, as after loading weights', []],
  ] as const)('%s (%s) gives the eval-mode network', (name, _what, warnedLines) => {
    const parsed = parsePytorch(read(name));
    expect(parsed.analysis.params).toBe(manifest.models[name]?.params);
    expect(parsed.analysis.macs).toBe(manifest.models[name]?.macs);
    expect(parsed.warnings.map((w) => w.line)).toEqual(warnedLines);
    expect(parsed.warnings.every((w) => w.message.includes('only in training'))).toBe(true);
  });
});

describe('parsePytorch(print(TinyNet())), a custom model', () => {
  const parsed = parsePytorch(read('tinynet'));

  it("counts torch's parameters and MACs", () => {
    expect(parsed.analysis.params).toBe(manifest.models['tinynet']?.params);
    expect(parsed.analysis.macs).toBe(manifest.models['tinynet']?.macs);
  });

  it('expands the ModuleList line "(0-2): 3 x Conv2d(…)" into blocks.0 … blocks.2', () => {
    expect(parsed.spec.layers.map((l) => l.id)).toEqual([
      'stem.0',
      'stem.1',
      'stem.2',
      'blocks.0',
      'blocks.1',
      'blocks.2',
      'pool',
      'head',
    ]);
  });

  it('warns that the forward passes of TinyNet and ModuleList are assumed', () => {
    expect(parsed.warnings.map((w) => [w.line, w.message.split(' ')[0]])).toEqual([
      [1, 'TinyNet'],
      [7, 'ModuleList'],
    ]);
  });
});

const seq = (...lines: string[]): string => ['Net(', ...lines.map((l) => `  ${l}`), ')'].join('\n');

describe('parsePytorch(text) module by module', () => {
  it.each<[string, string, Partial<Layer>]>([
    [
      'Conv2d with groups, dilation and no bias',
      '(c): Conv2d(3, 6, kernel_size=(3, 3), stride=(2, 2), padding=(2, 2), dilation=(2, 2), groups=3, bias=False)',
      { kind: 'conv', filters: 6, kernel: 3, stride: 2, padding: 2, dilation: 2, groups: 3, bias: false },
    ],
    [
      'Conv2d with a rectangular kernel',
      '(c): Conv2d(3, 8, kernel_size=(1, 7), stride=(1, 1), padding=(0, 3))',
      { kind: 'conv', filters: 8, kernel: [1, 7], padding: [0, 3] },
    ],
    [
      'Conv2d with padding=same',
      '(c): Conv2d(3, 8, kernel_size=(5, 5), stride=(1, 1), padding=same, dilation=(2, 2))',
      { kind: 'conv', filters: 8, kernel: 5, padding: 4, dilation: 2 },
    ],
    [
      'BatchNorm2d without the 2.x bias field, eps 0.001',
      '(b): BatchNorm2d(3, eps=0.001, momentum=0.1, affine=True, track_running_stats=True)',
      { kind: 'batchnorm', epsilon: 0.001 },
    ],
    ['ReLU6', '(a): ReLU6(inplace=True)', { kind: 'activation', activation: 'relu6' }],
    ['Tanh', '(a): Tanh()', { kind: 'activation', activation: 'tanh' }],
    ['Sigmoid', '(a): Sigmoid()', { kind: 'activation', activation: 'sigmoid' }],
    [
      'MaxPool2d in ceil mode',
      '(p): MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=True)',
      { kind: 'maxpool', kernel: 3, stride: 2, padding: 1, ceil: true },
    ],
    ['AvgPool2d', '(p): AvgPool2d(kernel_size=2, stride=2, padding=0)', { kind: 'avgpool', kernel: 2 }],
    ['AdaptiveAvgPool2d to 1×1', '(p): AdaptiveAvgPool2d(output_size=(1, 1))', { kind: 'globalavgpool' }],
    ['AdaptiveAvgPool2d to 8×8 of 32×32', '(p): AdaptiveAvgPool2d(output_size=8)', { kind: 'avgpool', kernel: 4 }],
    [
      'AdaptiveMaxPool2d to (None, 4)',
      '(p): AdaptiveMaxPool2d(output_size=(None, 4))',
      { kind: 'maxpool', kernel: [1, 8] },
    ],
    ['Dropout', '(d): Dropout(p=0.3, inplace=False)', { kind: 'dropout', rate: 0.3 }],
    [
      'LocalResponseNorm, whose alpha PyTorch divides by size',
      '(n): LocalResponseNorm(5, alpha=0.0005, beta=0.75, k=2.0)',
      { kind: 'lrn', size: 5, alpha: 0.0001, beta: 0.75, k: 2 },
    ],
  ])('%s', (_what, line, expected) => {
    const parsed = parsePytorch(seq(line), { inputShape: [32, 32, 3] });
    expect(parsed.spec.layers).toHaveLength(1);
    expect(parsed.spec.layers[0]).toMatchObject(expected);
  });

  it.each([
    ['Identity', '(c): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))', '(i): Identity()'],
    [
      'AdaptiveAvgPool2d to the size the map already has',
      '(c): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))',
      '(i): AdaptiveAvgPool2d(output_size=(32, 32))',
    ],
    ['Flatten of a flat tensor', '(c): AdaptiveAvgPool2d(output_size=1)', '(i): Flatten(start_dim=1, end_dim=-1)'],
  ])('adds no layer for %s', (_what, before, line) => {
    const spec = parsePytorch(seq(before, line), { inputShape: [32, 32, 3] }).spec;
    expect(spec.layers.map((l) => l.id)).toEqual(['c']);
  });

  it('Flatten then Linear: flatten and dense with in_features checked', () => {
    const spec = parsePytorch(
      seq('(f): Flatten(start_dim=1, end_dim=-1)', '(l): Linear(in_features=12, out_features=5, bias=False)'),
      { inputShape: [2, 2, 3] },
    ).spec;
    expect(spec.layers).toEqual([
      { kind: 'flatten', id: 'f' },
      { kind: 'dense', units: 5, bias: false, id: 'l' },
    ]);
  });

  it('inserts torch.flatten(x, 1) before a Linear fed a feature map, with a warning', () => {
    const parsed = parsePytorch(seq('(fc): Linear(in_features=12, out_features=5, bias=True)'), {
      inputShape: [2, 2, 3],
    });
    expect(parsed.spec.layers.map((l) => [l.id, l.kind])).toEqual([
      ['flatten', 'flatten'],
      ['fc', 'dense'],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain(
      'assumed torch.flatten(x, 1) before Linear "fc", as forward() usually does',
    );
  });

  it('leaves out a parameter-free activation the spec lacks, and an unknown leaf, with warnings', () => {
    const parsed = parsePytorch(
      seq('(c): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))', "(g): GELU(approximate='none')", '(s): Swish()'),
      { inputShape: [8, 8, 3] },
    );
    expect(parsed.spec.layers.map((l) => l.id)).toEqual(['c']);
    expect(parsed.warnings.map((w) => [w.line, w.message])).toEqual([
      [
        1,
        'Net (the model) is not a module we know: its children are assumed to run in the printed order, with nothing between them',
      ],
      [3, 'GELU "g" has no spec layer; left out (it has no parameters and keeps its input’s shape)'],
      [4, 'Swish "s" is not a module we know and has no children: assumed to pass its input through unchanged'],
    ]);
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'treats a module named %s like any unknown module, not as an Object.prototype method',
    (cls) => {
      const parsed = parsePytorch(seq('(c): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))', `(x): ${cls}()`), {
        inputShape: [8, 8, 3],
      });
      expect(parsed.spec.layers.map((l) => l.id)).toEqual(['c']);
      expect(parsed.warnings.map((w) => w.message)).toContain(
        `${cls} "x" is not a module we know and has no children: assumed to pass its input through unchanged`,
      );
    },
  );

  it('reads a child named constructor inside a known model as an ordinary child', () => {
    const text = 'ResNet(\n  (conv1): Conv2d(3, 4, kernel_size=(1, 1), stride=(1, 1))\n  (constructor): ReLU()\n)';
    expect(parsePytorch(text, { inputShape: [8, 8, 3] }).spec.layers.map((l) => l.id)).toEqual([
      'conv1',
      'constructor',
    ]);
  });

  it('reads text with Windows line endings and tabs', () => {
    const text = read('resnet18').replaceAll('\n', '\r\n').replaceAll('  ', '\t');
    expect(parsePytorch(text).analysis.params).toBe(manifest.models['resnet18']?.params);
  });

  it('takes the input size as a parameter: AlexNet at 3×256×256 pools 7×7 to 6×6 and fails', () => {
    expect(() => parsePytorch(read('alexnet'), { inputShape: [256, 256, 3] })).toThrow(
      /pools a 7×7 map to 6×6, with windows of varying size/,
    );
  });

  it('VGG-16 at 3×448×448: AdaptiveAvgPool2d((7, 7)) becomes a 2×2 average pool, as torch computes it', () => {
    const parsed = parsePytorch(read('vgg16'), { inputShape: [448, 448, 3] });
    expect(parsed.spec.layers.find((l) => l.id === 'avgpool')).toEqual({ kind: 'avgpool', kernel: 2, id: 'avgpool' });
    expect(parsed.analysis.params).toBe(manifest.models['vgg16']?.params);
  });
});

/** The error parsePytorch throws for `text`. */
const errorOf = (text: string, inputShape: readonly [number, number, number]): ParseError =>
  thrown(() => parsePytorch(text, { inputShape }));

describe('parsePytorch(bad text) throws ParseError with line, column and hint', () => {
  it.each<[string, string, [number, number], RegExp, string | undefined]>([
    [
      'a Conv2d without kernel_size',
      seq('(c): Conv2d(512, 4, stride=(1, 1))'),
      [2, 15],
      /Conv2d: missing kernel_size/,
      'expected `kernel_size=(k, k)`',
    ],
    [
      'a kernel_size that is not a pair',
      seq('(c): Conv2d(512, 4, kernel_size=(3, 3, 3))'),
      [2, 35],
      /bad kernel_size/,
      'expected `kernel_size=(k, k)`',
    ],
    [
      'a Linear fed the wrong number of features',
      seq('(f): Flatten(start_dim=1, end_dim=-1)', '(l): Linear(in_features=4096, out_features=10, bias=True)'),
      [3, 27],
      /layer 2 \(Linear, "l"\) expects 4096 inputs, gets 25088/,
      undefined,
    ],
    [
      'a Conv2d fed the wrong number of channels',
      seq('(c): Conv2d(4, 4, kernel_size=(1, 1), stride=(1, 1))'),
      [2, 15],
      /layer 1 \(Conv2d, "c"\) expects 4 input channels, gets 512/,
      undefined,
    ],
    [
      'a module that is never closed',
      'Net(\n  (a): Sequential(\n    (0): ReLU()\n',
      [2, 8],
      /"Sequential\(" is never closed/,
      'expected `)` after its last child; the text may be cut short',
    ],
    ['a stray closing parenthesis', seq('(a): ReLU()') + '\n)', [4, 1], /a "\)" with no module open/, undefined],
    [
      'a child line without its colon',
      seq('(a): ReLU()', '(b) ReLU()'),
      [3, 3],
      /expected a child module, found "\(b\) ReLU\(\)"/,
      'expected `(name): Module(…)`',
    ],
    [
      'an unsupported module',
      seq('(u): Upsample(scale_factor=2.0, mode=nearest)'),
      [2, 8],
      /Upsample is not supported/,
      undefined,
    ],
    [
      'a shape that shrinks to nothing',
      seq('(p): MaxPool2d(kernel_size=64, stride=64, padding=0, dilation=1, ceil_mode=False)'),
      [2, 8],
      /layer 1 \(MaxPool2d, "p"\): input too small/,
      undefined,
    ],
    [
      'text that is not a print at all',
      'model = resnet18()',
      [1, 1],
      /expected a module, found "model = resnet18\(\)"/,
      undefined,
    ],
    ['an empty text', '   \n\n', [1, 1], /no model found/, 'paste the output of print(model)'],
    [
      'a Conv2d after pooling to 1×1',
      seq('(p): AdaptiveAvgPool2d(output_size=(1, 1))', '(c): Conv2d(512, 4, kernel_size=(1, 1), stride=(1, 1))'),
      [3, 15],
      /layer 2 \(Conv2d, "c"\) needs an \[h, w, c\] input, gets flat \[512\]/,
      'Conv2d needs a feature map; the tensor is already flat after a Linear, a Flatten or pooling to 1×1',
    ],
  ])('%s', (_what, text, [line, column], reason, hint) => {
    const error = errorOf(text, [7, 7, 512]);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.reason).toMatch(reason);
    if (hint !== undefined) expect(error.hint).toBe(hint);
  });

  it('a torchvision block missing a part: BasicBlock without its relu', () => {
    const text = seq(
      '(c): Conv2d(3, 3, kernel_size=(1, 1), stride=(1, 1))',
      '(b): BasicBlock(',
      '  (conv1): Conv2d(3, 3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)',
      ')',
    );
    const error = errorOf(text, [8, 8, 3]);
    expect([error.line, error.column, error.reason]).toEqual([3, 8, 'BasicBlock "b" has no "relu"']);
    expect(error.hint).toMatch(/conv1, bn1, relu, conv2, bn2/);
  });
});

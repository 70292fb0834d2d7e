import { describe, expect, it } from 'vitest';
import { analyze, SpecError, validateSpec, type Layer, type ModelSpec } from '../../../src/lib/models/index.ts';

const spec = (layers: readonly Layer[], inputShape: readonly [number, number, number] = [8, 8, 4]): ModelSpec => ({
  id: 'test',
  name: 'test',
  inputShape,
  layers,
  sources: [],
});

const conv = (id: string, extra: Partial<Extract<Layer, { kind: 'conv' }>> = {}): Layer => ({
  id,
  kind: 'conv',
  filters: 4,
  kernel: 3,
  padding: 1,
  ...extra,
});

/** [what is wrong, layers, layer id the error must name (or null), message pattern]. */
const malformed: [string, Layer[], string | null, RegExp][] = [
  ['no layers', [], null, /has no layers/],
  ['duplicate ids', [conv('a'), conv('a')], 'a', /duplicate id/],
  ['an unknown input id', [conv('a'), conv('b', { inputs: ['nope'] })], 'b', /unknown input "nope"/],
  ['an input that is not earlier', [conv('a', { inputs: ['b'] }), conv('b')], 'a', /not an earlier layer/],
  ['a conv with two inputs', [conv('a'), conv('b'), conv('c', { inputs: ['a', 'b'] })], 'c', /takes 1 input/],
  [
    'an add without explicit inputs',
    [conv('a'), { id: 'b', kind: 'add', shortcut: 'identity' } as unknown as Layer],
    'b',
    /explicit inputs/,
  ],
  [
    'an add of one input',
    [conv('a'), { id: 'b', kind: 'add', inputs: ['a'], shortcut: 'identity' } as unknown as Layer],
    'b',
    /takes 2 inputs/,
  ],
  [
    'an add with mismatched shapes',
    [conv('a'), conv('b', { filters: 8 }), { id: 'c', kind: 'add', inputs: ['b', 'a'], shortcut: 'identity' }],
    'c',
    /cannot add shapes \[8, 8, 8\] and \[8, 8, 4\]/,
  ],
  [
    'a concat without explicit inputs',
    [conv('a'), { id: 'b', kind: 'concat' } as unknown as Layer],
    'b',
    /concat needs explicit inputs/,
  ],
  [
    'a concat of one input',
    [conv('a'), { id: 'b', kind: 'concat', inputs: ['a'] }],
    'b',
    /concat takes 2 or more inputs/,
  ],
  [
    'a concat of maps of different sizes',
    [conv('a'), conv('b', { stride: 2 }), { id: 'c', kind: 'concat', inputs: ['a', 'b'] }],
    'c',
    /cannot concatenate the channels of maps of different sizes \[8, 8, 4\], \[4, 4, 4\]/,
  ],
  [
    'a concat of a flat input',
    [conv('a'), { id: 'f', kind: 'flatten' }, { id: 'c', kind: 'concat', inputs: ['a', 'f'] }],
    'c',
    /concat needs an \[h, w, c\] input, got flat/,
  ],
  [
    'a concat of branches with different jumps',
    [
      conv('x', { kernel: 1, padding: 0 }),
      conv('a', { kernel: 1, stride: 2, padding: 0 }),
      conv('b', { inputs: ['x'], kernel: 5, padding: 0 }),
      { id: 'c', kind: 'concat', inputs: ['a', 'b'] },
    ],
    'c',
    /its branches have different jumps \(2 vs 1\)/,
  ],
  ['zero filters', [conv('a', { filters: 0 })], 'a', /filters must be a positive integer/],
  ['a negative kernel', [conv('a', { kernel: -3 })], 'a', /kernel must be positive/],
  ['a fractional stride', [conv('a', { stride: 1.5 })], 'a', /stride must be positive/],
  ['negative padding', [conv('a', { padding: -1 })], 'a', /padding must be non-negative/],
  [
    'groups not dividing input channels',
    [conv('a', { groups: 3, filters: 6 })],
    'a',
    /groups = 3 does not divide its 4 input channels/,
  ],
  [
    'groups not dividing filters',
    [conv('a', { groups: 2, filters: 5 })],
    'a',
    /groups = 2 does not divide its 5 filters/,
  ],
  [
    'a connection table with too few rows',
    [conv('a', { connections: [[true, true, true, true]] })],
    'a',
    /1 rows, expected one per filter \(4\)/,
  ],
  [
    'a connection table row of the wrong width',
    [conv('a', { filters: 1, connections: [[true, false]] })],
    'a',
    /row 0 has 2 entries, expected one per input channel \(4\)/,
  ],
  [
    'an output map that reads nothing',
    [conv('a', { filters: 1, connections: [[false, false, false, false]] })],
    'a',
    /row 0 reads no input channel/,
  ],
  [
    'a connection table with groups',
    [conv('a', { groups: 2, connections: [[true], [true], [true], [true]] })],
    'a',
    /cannot be combined with groups/,
  ],
  [
    'dense on a spatial input',
    [{ id: 'fc', kind: 'dense', units: 10 }],
    'fc',
    /dense needs a flat input, got \[8, 8, 4\]/,
  ],
  ['rbf on a spatial input', [{ id: 'out', kind: 'rbf', units: 10 }], 'out', /rbf needs a flat input/],
  ['a conv after flatten', [{ id: 'f', kind: 'flatten' }, conv('a')], 'a', /conv needs an \[h, w, c\] input/],
  [
    'a pool with too much padding',
    [{ id: 'p', kind: 'maxpool', kernel: 2, padding: 2 }],
    'p',
    /padding 2 exceeds half the kernel 2/,
  ],
  [
    'a zero-padded shortcut that shrinks channels',
    [{ id: 's', kind: 'padshortcut', stride: 2, filters: 2 }],
    's',
    /cannot zero-pad 4 channels down to 2/,
  ],
  ['a dropout rate of 1', [{ id: 'd', kind: 'dropout', rate: 1 }], 'd', /rate must be in \[0, 1\)/],
  [
    'an unknown activation',
    [{ id: 'x', kind: 'activation', activation: 'gelu' } as unknown as Layer],
    'x',
    /unknown activation "gelu"/,
  ],
  ['an unknown kind', [{ id: 'x', kind: 'attention' } as unknown as Layer], 'x', /unknown layer kind "attention"/],
  [
    'a layer whose output is unused',
    [conv('a'), conv('b', { inputs: ['a'] }), conv('c', { inputs: ['a'] })],
    'b',
    /never used/,
  ],
  [
    'a feature map shrinking to nothing',
    [conv('a', { kernel: 5, padding: 0 }), conv('b', { kernel: 5, padding: 0 })],
    'b',
    /input too small: a 4×4 map through kernel 5/,
  ],
];

describe('analyze rejects malformed specs with a SpecError naming the layer', () => {
  it.each(malformed)('rejects %s', (_what, layers, layerId, message) => {
    let error: unknown;
    try {
      validateSpec(spec(layers));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    const specError = error as SpecError;
    expect(specError.message).toMatch(message);
    expect(specError.specId).toBe('test');
    if (layerId !== null) {
      expect(specError.layerId).toBe(layerId);
      expect(specError.message).toContain(`layer "${layerId}"`);
    }
  });

  it('rejects an add whose branches have equal shapes but different jumps', () => {
    // left: 8 → 4 with jump 2; right: 8 → 2 with jump 4, zero-padded back to 4 by a 1×1 conv.
    const layers: Layer[] = [
      conv('x'),
      { id: 'left', kind: 'maxpool', kernel: 2 },
      { id: 'right', kind: 'conv', filters: 4, kernel: 1, stride: 4, inputs: ['x'] },
      { id: 'right_pad', kind: 'conv', filters: 4, kernel: 1, padding: 1 },
      { id: 'sum', kind: 'add', inputs: ['left', 'right_pad'], shortcut: 'projection' },
    ];
    expect(() => validateSpec(spec(layers))).toThrow(/layer "sum": its branches have different jumps \(2 vs 4\)/);
  });

  it('rejects bad input shapes before looking at layers', () => {
    expect(() => analyze(spec([conv('a')]), [0, 8, 4])).toThrow(/input shape must be three positive integers/);
    expect(() => analyze(spec([conv('a')]), [8, 8.5, 4])).toThrow(SpecError);
  });

  it('accepts a well-formed residual spec and resolves default inputs', () => {
    const a = analyze(
      spec([
        conv('a'),
        conv('b'),
        { id: 'sum', kind: 'add', inputs: ['b', 'a'], shortcut: 'identity' },
        { id: 'gap', kind: 'globalavgpool' },
        { id: 'fc', kind: 'dense', units: 3 },
      ]),
    );
    expect(a.layers.map((l) => l.inputIds)).toEqual([[], ['a'], ['b', 'a'], ['sum'], ['gap']]);
    expect(a.outputShape).toEqual([3]);
    expect(a.receptiveFieldLayer).toBe('sum');
    expect(a.receptiveField.size).toEqual([5, 5]);
  });
});

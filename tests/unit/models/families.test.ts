import { describe, expect, it } from 'vitest';
import {
  analyze,
  resnetStyle,
  SpecError,
  vggStyle,
  type ResnetStyleOptions,
  type VggStyleOptions,
} from '../../../src/lib/models/index.ts';

const vgg: VggStyleOptions = {
  stages: 3,
  convsPerStage: 2,
  width: 8,
  bn: false,
  activation: 'relu',
  inputShape: [32, 32, 3],
  classes: 10,
};
const res: ResnetStyleOptions = {
  depth: 20,
  width: 16,
  skip: true,
  bn: true,
  activation: 'relu',
  inputShape: [32, 32, 3],
  classes: 10,
};

describe('vggStyle', () => {
  it.each([
    [
      [28, 28, 1],
      [3, 3, 32],
    ],
    [
      [32, 32, 3],
      [4, 4, 32],
    ],
    [
      [64, 64, 3],
      [8, 8, 32],
    ],
  ] as const)('vggStyle(3 stages × 2, width 8) on %j ends its features at %j and outputs [10]', (inputShape, last) => {
    const a = analyze(vggStyle({ ...vgg, inputShape }));
    expect(a.layers.find((l) => l.id === a.receptiveFieldLayer)?.outputShape).toEqual(last);
    expect(a.outputShape).toEqual([10]);
  });

  it('counts parameters by hand: three stages of two 3×3 convs (8, 16, 32 wide) and a 32→10 head', () => {
    const conv = (cin: number, cout: number) => cout * cin * 9 + cout;
    const byHand = conv(3, 8) + conv(8, 8) + conv(8, 16) + conv(16, 16) + conv(16, 32) + conv(32, 32) + 32 * 10 + 10;
    expect(analyze(vggStyle(vgg)).params).toBe(byHand);
  });

  it('adds 2·C batch-norm parameters per conv with bn: true', () => {
    const diff = analyze(vggStyle({ ...vgg, bn: true })).params - analyze(vggStyle(vgg)).params;
    expect(diff).toBe(2 * (8 + 8 + 16 + 16 + 32 + 32));
  });

  it('without pooling keeps full resolution and grows the field by 2 per 3×3 conv', () => {
    const a = analyze(vggStyle({ ...vgg, pool: false }));
    expect(a.receptiveField).toMatchObject({ size: [13, 13], jump: [1, 1] });
    expect(a.layers.find((l) => l.id === a.receptiveFieldLayer)?.outputShape).toEqual([32, 32, 32]);
  });

  it("with head: 'flatten' feeds the dense layer the whole last map", () => {
    const a = analyze(vggStyle({ ...vgg, head: 'flatten' }));
    expect(a.layers.find((l) => l.id === 'classifier.0')?.inputShapes).toEqual([[4 * 4 * 32]]);
  });

  it("groups convs by stage (['features', 'stageK'])", () => {
    const groups = new Set(vggStyle(vgg).layers.map((l) => l.group?.join('/')));
    expect([...groups]).toEqual(['features/stage1', 'features/stage2', 'features/stage3', 'classifier']);
  });

  it.each([
    [{ stages: 0 }, /stages must be a positive integer/],
    [{ convsPerStage: 1.5 }, /convsPerStage must be a positive integer/],
    [{ kernel: 4 }, /kernel must be a positive odd integer/],
    [{ stages: 6, inputShape: [28, 28, 1] as const }, /input too small/],
  ])('rejects %j', (bad, message) => {
    expect(() => vggStyle({ ...vgg, ...bad })).toThrow(SpecError);
    expect(() => vggStyle({ ...vgg, ...bad })).toThrow(message);
  });
});

describe('resnetStyle', () => {
  it('resnetStyle(depth 20, width 16) on 32×32×3 has the parameters of the CIFAR resnet20', () => {
    expect(analyze(resnetStyle(res)).params).toBe(analyze(resnetStyle({ ...res, skip: false })).params);
    expect(analyze(resnetStyle(res)).params).toBe(269_722); // = analyze(resnet20), see cifar.test.ts
  });

  it('switches shortcuts per block by group id, without changing the parameter count', () => {
    const skip = [true, false, true, false, true, false, true, false, true];
    const spec = resnetStyle({ ...res, skip });
    const addGroups = spec.layers.filter((l) => l.kind === 'add').map((l) => l.group?.[1]);
    expect(addGroups).toEqual(['stage1.block0', 'stage1.block2', 'stage2.block1', 'stage3.block0', 'stage3.block2']);
    expect(analyze(spec).params).toBe(269_722);
  });

  it.each([
    [
      [28, 28, 1],
      [7, 7, 64],
    ],
    [
      [32, 32, 3],
      [8, 8, 64],
    ],
    [
      [64, 64, 3],
      [16, 16, 64],
    ],
  ] as const)('on %j ends its last stage at %j', (inputShape, last) => {
    const a = analyze(resnetStyle({ ...res, inputShape }));
    expect(a.layers.find((l) => l.id === a.receptiveFieldLayer)?.outputShape).toEqual(last);
    expect(a.outputShape).toEqual([10]);
  });

  it('with downsample: false keeps one resolution and one width', () => {
    const a = analyze(resnetStyle({ ...res, depth: 8, downsample: false }));
    expect(a.layers.find((l) => l.id === a.receptiveFieldLayer)?.outputShape).toEqual([32, 32, 16]);
    expect(a.receptiveField.size).toEqual([3 + 6 * 2, 3 + 6 * 2]);
  });

  it('pads every conv to keep its size, so any input from 1×1 up works', () => {
    expect(analyze(resnetStyle({ ...res, inputShape: [1, 1, 3] })).outputShape).toEqual([10]);
  });

  it('supports other stage counts: depth = 2·stages·n + 2', () => {
    expect(analyze(resnetStyle({ ...res, stages: 1, depth: 6 })).layers.filter((l) => l.kind === 'add')).toHaveLength(
      2,
    );
  });

  it('without bn gives its convs biases and has no batchnorm layers', () => {
    const spec = resnetStyle({ ...res, bn: false });
    expect(spec.layers.some((l) => l.kind === 'batchnorm')).toBe(false);
    expect(spec.layers.filter((l) => l.kind === 'conv').every((l) => l.kind === 'conv' && l.bias === true)).toBe(true);
  });

  it.each([
    [{ depth: 10 }, /depth must be 6n \+ 2 for 3 stages .* got 10; nearest: 8 or 14/],
    [{ depth: 4 }, /depth must be 6n \+ 2/],
    [{ skip: [true, false] }, /skip has 2 flags, but depth 20 has 9 blocks/],
    [{ width: 0 }, /width must be a positive integer/],
    [{ kernel: 4 }, /kernel must be a positive odd integer/],
  ])('rejects %j', (bad, message) => {
    expect(() => resnetStyle({ ...res, ...bad })).toThrow(SpecError);
    expect(() => resnetStyle({ ...res, ...bad })).toThrow(message);
  });
});

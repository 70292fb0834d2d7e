import { describe, expect, it } from 'vitest';
import { analyze, getModel, SpecError, torchvisionResnet } from '../../../src/lib/models/index.ts';

/**
 * torchvision's published metadata, `weights.meta["num_params"]` and `weights.meta["_ops"]`
 * (labelled "GFLOPS", but conv + linear multiply-accumulates, per pytorch/vision PR #6936), from
 * torchvision/models/alexnet.py, vgg.py and resnet.py (IMAGENET1K_V1 weights; torchvision ≥ 0.15).
 * `gmacs` is given with exactly torchvision's published decimals.
 */
const published = [
  // torchvision/models/alexnet.py, AlexNet_Weights.IMAGENET1K_V1
  { id: 'alexnet', params: 61_100_840, gmacs: '0.714', pool: [6, 6, 256] },
  // torchvision/models/vgg.py, VGG*_Weights.IMAGENET1K_V1
  { id: 'vgg11', params: 132_863_336, gmacs: '7.609', pool: [7, 7, 512] },
  { id: 'vgg11_bn', params: 132_868_840, gmacs: '7.609', pool: [7, 7, 512] },
  { id: 'vgg13', params: 133_047_848, gmacs: '11.308', pool: [7, 7, 512] },
  { id: 'vgg13_bn', params: 133_053_736, gmacs: '11.308', pool: [7, 7, 512] },
  { id: 'vgg16', params: 138_357_544, gmacs: '15.47', pool: [7, 7, 512] },
  { id: 'vgg16_bn', params: 138_365_992, gmacs: '15.47', pool: [7, 7, 512] },
  { id: 'vgg19', params: 143_667_240, gmacs: '19.632', pool: [7, 7, 512] },
  { id: 'vgg19_bn', params: 143_678_248, gmacs: '19.632', pool: [7, 7, 512] },
  // torchvision/models/resnet.py, ResNet*_Weights.IMAGENET1K_V1
  { id: 'resnet18', params: 11_689_512, gmacs: '1.814', pool: [7, 7, 512] },
  { id: 'resnet34', params: 21_797_672, gmacs: '3.664', pool: [7, 7, 512] },
  { id: 'resnet50', params: 25_557_032, gmacs: '4.089', pool: [7, 7, 2048] },
  { id: 'resnet101', params: 44_549_160, gmacs: '7.801', pool: [7, 7, 2048] },
  { id: 'resnet152', params: 60_192_808, gmacs: '11.514', pool: [7, 7, 2048] },
] as const;

describe.each(published)('analyze($id) at 224×224×3', ({ id, params, gmacs, pool }) => {
  const analysis = analyze(getModel(id));
  const decimals = gmacs.split('.')[1]?.length ?? 0;

  it("matches torchvision's parameter count exactly", () => {
    expect(analysis.params).toBe(params);
    expect(analysis.trainableParams).toBe(params);
  });

  it(`matches torchvision's ${gmacs} "GFLOPS" as MACs to ${decimals} decimals`, () => {
    expect((analysis.macs / 1e9).toFixed(decimals)).toBe(gmacs);
    expect(analysis.flops).toBe(2 * analysis.macs);
  });

  it(`outputs [1000] and feeds the classifier a ${pool.join('×')} map`, () => {
    expect(analysis.inputShape).toEqual([224, 224, 3]);
    expect(analysis.outputShape).toEqual([1000]);
    const last = analysis.layers.find((l) => l.id === analysis.receptiveFieldLayer);
    expect(last?.outputShape).toEqual(pool);
  });
});

describe('torchvision module ids', () => {
  it.each([
    ['vgg16', ['features.0', 'features.30', 'classifier.0', 'classifier.6']],
    ['alexnet', ['features.0', 'features.12', 'classifier.1', 'classifier.6']],
    [
      'resnet50',
      [
        'conv1',
        'bn1',
        'maxpool',
        'layer1.0.conv1',
        'layer1.0.downsample.0',
        'layer2.0.downsample.1',
        'layer4.2.conv3',
        'fc',
      ],
    ],
    ['resnet18', ['layer1.1.conv2', 'layer2.0.downsample.0', 'layer4.1.bn2']],
  ])('getModel(%s) has torchvision ids %j', (id, ids) => {
    const own = getModel(id).layers.map((l) => l.id);
    expect(own).toEqual(expect.arrayContaining(ids));
  });

  it('resnet18 has projection shortcuts only where the shape changes (layer2–4 block 0)', () => {
    const projections = getModel('resnet18')
      .layers.filter((l) => l.id.endsWith('downsample.0'))
      .map((l) => l.id);
    expect(projections).toEqual(['layer2.0.downsample.0', 'layer3.0.downsample.0', 'layer4.0.downsample.0']);
  });

  it('resnet50 puts the stride on the 3×3 conv (v1.5), not on the first 1×1', () => {
    const layers = getModel('resnet50').layers;
    const conv = (id: string) => layers.find((l) => l.id === id);
    expect(conv('layer2.0.conv1')).toMatchObject({ kernel: 1 });
    expect(conv('layer2.0.conv1')).not.toHaveProperty('stride', 2);
    expect(conv('layer2.0.conv2')).toMatchObject({ kernel: 3, stride: 2 });
  });

  it('resnet50_v1 puts the stride on the first 1×1 conv (v1): same parameters, fewer MACs', () => {
    const v1 = getModel('resnet50_v1').layers;
    const conv = (id: string) => v1.find((l) => l.id === id);
    expect(conv('layer2.0.conv1')).toMatchObject({ kernel: 1, stride: 2 });
    expect(conv('layer2.0.conv2')).not.toHaveProperty('stride', 2);
    expect(conv('layer1.0.conv1')).not.toHaveProperty('stride');
    expect(v1.map((l) => l.id)).toEqual(getModel('resnet50').layers.map((l) => l.id));
    const [a, b] = [analyze(getModel('resnet50_v1')), analyze(getModel('resnet50'))];
    expect(a.params).toBe(b.params);
    expect(a.macs).toBeLessThan(b.macs);
    // Only the strided first 1×1 of layer2.0, layer3.0 and layer4.0 changes: it runs on the
    // halved map, so it costs a quarter of its v1.5 cost.
    const changed = a.layers.filter((l, i) => l.macs !== b.layers[i]?.macs).map((l) => l.id);
    expect(changed).toEqual(['layer2.0.conv1', 'layer3.0.conv1', 'layer4.0.conv1']);
    const v15 = (id: string) => b.layers.find((l) => l.id === id)?.macs ?? NaN;
    expect(b.macs - a.macs).toBe((3 / 4) * changed.reduce((sum, id) => sum + v15(id), 0));
  });

  it('torchvisionResnet refuses a v1 of a basic-block ResNet (it would be the same network)', () => {
    expect(() => torchvisionResnet('resnet18', 'v1')).toThrow(SpecError);
  });

  it("resnet blocks are grouped ['layerN', 'layerN.B'] and end in an add", () => {
    const block = getModel('resnet34').layers.filter((l) => l.group?.[1] === 'layer3.5');
    expect(block.every((l) => l.group?.[0] === 'layer3')).toBe(true);
    expect(block.map((l) => l.kind).slice(-2)).toEqual(['add', 'activation']);
  });
});

describe("smallest inputs agree with torchvision's min_size metadata", () => {
  // AlexNet_Weights meta "min_size": (63, 63); VGG _COMMON_META "min_size": (32, 32).
  it.each([
    ['alexnet', 63],
    ['vgg16', 32],
    ['vgg11_bn', 32],
  ])('analyze(%s) accepts %d×%d and rejects one pixel less, naming the layer', (id, size) => {
    const spec = getModel(id);
    expect(() => analyze(spec, [size, size, 3])).not.toThrow();
    expect(() => analyze(spec, [size - 1, size - 1, 3])).toThrow(SpecError);
    expect(() => analyze(spec, [size - 1, size - 1, 3])).toThrow(/layer "features\.\d+": input too small/);
  });

  it('analyze(resnet50) runs down to 1×1 inputs, as its min_size (1, 1) says', () => {
    expect(analyze(getModel('resnet50'), [1, 1, 3]).outputShape).toEqual([1000]);
  });
});

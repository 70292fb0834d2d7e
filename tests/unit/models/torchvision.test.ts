import { describe, expect, it } from 'vitest';
import { analyze, getModel, SpecError, torchvisionResnet } from '../../../src/lib/models/index.ts';

/**
 * torchvision's published metadata, `weights.meta["num_params"]` and `weights.meta["_ops"]`
 * (labelled "GFLOPS", but conv + linear multiply-accumulates, per pytorch/vision PR #6936), from
 * torchvision/models/alexnet.py, vgg.py and resnet.py (IMAGENET1K_V1 weights; torchvision ≥ 0.15).
 * `gmacs` is given with exactly torchvision's published decimals. The rows from googlenet.py on
 * were read in torchvision 0.29.1 (git 1f1a920d685d46dfbe187934b785b7ecb7a182f2), which also
 * publishes every value above.
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
  // torchvision/models/googlenet.py, GoogLeNet_Weights.IMAGENET1K_V1 (without the auxiliary
  // classifiers, which googlenet() drops when it loads these weights)
  { id: 'googlenet', params: 6_624_904, gmacs: '1.498', pool: [7, 7, 1024] },
  // torchvision/models/squeezenet.py, SqueezeNet1_0_Weights.IMAGENET1K_V1 (its classifier is a
  // 1×1 conv to the 1000 classes, ReLU and global average pooling)
  { id: 'squeezenet1_0', params: 1_248_424, gmacs: '0.819', pool: [13, 13, 1000] },
  // torchvision/models/resnet.py, Wide_ResNet50_2_Weights.IMAGENET1K_V1 (V2: same network)
  { id: 'wide_resnet50_2', params: 68_883_240, gmacs: '11.398', pool: [7, 7, 2048] },
  // torchvision/models/densenet.py, DenseNet121_Weights.IMAGENET1K_V1
  { id: 'densenet121', params: 7_978_856, gmacs: '2.834', pool: [7, 7, 1024] },
  // torchvision/models/resnet.py, ResNeXt50_32X4D_Weights.IMAGENET1K_V1 (V2: same network)
  { id: 'resnext50_32x4d', params: 25_028_904, gmacs: '4.23', pool: [7, 7, 2048] },
  // torchvision/models/mobilenetv2.py, MobileNet_V2_Weights.IMAGENET1K_V1 (V2: same network)
  { id: 'mobilenet_v2', params: 3_504_872, gmacs: '0.301', pool: [7, 7, 1280] },
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
    [
      'googlenet',
      ['conv1.conv', 'conv1.bn', 'maxpool1', 'conv3.relu', 'inception3a.branch1.conv', 'inception3a.branch2.0.conv'],
    ],
    ['googlenet', ['inception4e.branch3.1.bn', 'inception5b.branch4.0', 'inception5b.branch4.1.conv', 'fc']],
    [
      'densenet121',
      ['features.conv0', 'features.pool0', 'features.denseblock1.denselayer1.conv1', 'features.transition3.pool'],
    ],
    ['densenet121', ['features.denseblock4.denselayer16.conv2', 'features.norm5', 'classifier']],
    ['resnext50_32x4d', ['layer1.0.conv2', 'layer3.5.bn3', 'layer4.0.downsample.1', 'fc']],
    ['wide_resnet50_2', ['layer1.0.conv2', 'layer4.2.conv3', 'fc']],
    ['mobilenet_v2', ['features.0.0', 'features.1.conv.0.0', 'features.1.conv.1', 'features.1.conv.2']],
    ['mobilenet_v2', ['features.2.conv.0.0', 'features.2.conv.1.0', 'features.2.conv.3', 'features.18.2']],
    ['mobilenet_v2', ['classifier.0', 'classifier.1']],
    ['squeezenet1_0', ['features.0', 'features.2', 'features.3.squeeze', 'features.3.expand1x1']],
    ['squeezenet1_0', ['features.3.expand3x3_activation', 'features.12.expand3x3', 'classifier.1']],
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

  it('googlenet has torchvision\'s quirks: the "5×5" branch is a 3×3 conv, BN ε = 0.001, convs without bias', () => {
    const layers = getModel('googlenet').layers;
    const at = (id: string) => layers.find((l) => l.id === id);
    expect(at('inception3a.branch3.1.conv')).toMatchObject({ kind: 'conv', kernel: 3, padding: 1, bias: false });
    expect(at('inception3a.branch3.1.bn')).toMatchObject({ kind: 'batchnorm', epsilon: 0.001 });
    expect(at('inception3a.branch4.0')).toMatchObject({
      kind: 'maxpool',
      kernel: 3,
      stride: 1,
      padding: 1,
      ceil: true,
    });
    expect(at('maxpool4')).toMatchObject({ kernel: 2, stride: 2, ceil: true });
    expect(layers.some((l) => l.id.startsWith('aux'))).toBe(false);
    expect(at('inception3a.concat')).toMatchObject({
      kind: 'concat',
      inputs: [
        'inception3a.branch1.relu',
        'inception3a.branch2.1.relu',
        'inception3a.branch3.1.relu',
        'inception3a.branch4.1.relu',
      ],
    });
  });

  it('googlenet concatenates 64 + 128 + 32 + 32 = 256 channels in inception3a (Szegedy et al. Table 1)', () => {
    const concat = analyze(getModel('googlenet')).layers.find((l) => l.id === 'inception3a.concat');
    expect(concat?.inputShapes).toEqual([
      [28, 28, 64],
      [28, 28, 128],
      [28, 28, 32],
      [28, 28, 32],
    ]);
    expect(concat?.outputShape).toEqual([28, 28, 256]);
  });

  it('densenet121 grows each block by 32 channels a layer and halves them in each transition', () => {
    const out = (id: string) => analyze(getModel('densenet121')).layers.find((l) => l.id === id)?.outputShape;
    expect(out('features.denseblock1.denselayer1.concat')).toEqual([56, 56, 96]);
    expect(out('features.denseblock1.denselayer6.concat')).toEqual([56, 56, 256]);
    expect(out('features.transition1.conv')).toEqual([56, 56, 128]);
    expect(out('features.transition1.pool')).toEqual([28, 28, 128]);
    expect(out('features.denseblock4.denselayer16.concat')).toEqual([7, 7, 1024]);
  });

  it("resnext50_32x4d runs its 3×3 convs in 32 groups, wide_resnet50_2 at twice ResNet-50's inner width", () => {
    const conv = (model: string, id: string) => getModel(model).layers.find((l) => l.id === id);
    expect(conv('resnext50_32x4d', 'layer1.0.conv2')).toMatchObject({ filters: 128, groups: 32 });
    expect(conv('resnext50_32x4d', 'layer4.0.conv2')).toMatchObject({ filters: 1024, groups: 32, stride: 2 });
    expect(conv('wide_resnet50_2', 'layer1.0.conv2')).toMatchObject({ filters: 128 });
    expect(conv('wide_resnet50_2', 'layer1.0.conv2')).not.toHaveProperty('groups');
    expect(conv('wide_resnet50_2', 'layer4.2.conv3')).toMatchObject({ filters: 2048 });
  });

  it('mobilenet_v2 has depthwise 3×3 convs, ReLU6, and sums only where stride is 1 and widths match', () => {
    const layers = getModel('mobilenet_v2').layers;
    const at = (id: string) => layers.find((l) => l.id === id);
    expect(at('features.2.conv.1.0')).toMatchObject({ kernel: 3, stride: 2, groups: 96, filters: 96, bias: false });
    expect(at('features.1.conv.0.0')).toMatchObject({ kernel: 3, groups: 32, filters: 32 });
    expect(at('features.18.2')).toMatchObject({ kind: 'activation', activation: 'relu6' });
    const adds = layers.filter((l) => l.kind === 'add').map((l) => l.id);
    expect(adds).toEqual([3, 5, 6, 8, 9, 10, 12, 13, 15, 16].map((n) => `features.${n}.add`));
  });

  it('squeezenet1_0 Fire modules concatenate their 1×1 and 3×3 expand paths', () => {
    const fire = analyze(getModel('squeezenet1_0')).layers.find((l) => l.id === 'features.3.concat');
    expect(fire?.inputIds).toEqual(['features.3.expand1x1_activation', 'features.3.expand3x3_activation']);
    expect(fire?.outputShape).toEqual([54, 54, 128]);
  });

  it("resnet blocks are grouped ['layerN', 'layerN.B'] and end in an add", () => {
    const block = getModel('resnet34').layers.filter((l) => l.group?.[1] === 'layer3.5');
    expect(block.every((l) => l.group?.[0] === 'layer3')).toBe(true);
    expect(block.map((l) => l.kind).slice(-2)).toEqual(['add', 'activation']);
  });
});

describe("smallest inputs agree with torchvision's min_size metadata", () => {
  // AlexNet_Weights meta "min_size": (63, 63); VGG _COMMON_META "min_size": (32, 32);
  // GoogLeNet (15, 15); DenseNet _COMMON_META (29, 29); SqueezeNet1_0 (21, 21).
  it.each([
    ['alexnet', 63, /layer "features\.\d+": input too small/],
    ['vgg16', 32, /layer "features\.\d+": input too small/],
    ['vgg11_bn', 32, /layer "features\.\d+": input too small/],
    ['googlenet', 15, /layer "maxpool3": input too small/],
    ['densenet121', 29, /layer "features\.transition3\.pool": input too small/],
    ['squeezenet1_0', 21, /layer "features\.11": input too small/],
  ] as const)('analyze(%s) accepts %d×%d and rejects one pixel less, naming the layer', (id, size, message) => {
    const spec = getModel(id);
    expect(() => analyze(spec, [size, size, 3])).not.toThrow();
    expect(() => analyze(spec, [size - 1, size - 1, 3])).toThrow(SpecError);
    expect(() => analyze(spec, [size - 1, size - 1, 3])).toThrow(message);
  });

  it.each(['resnet50', 'resnext50_32x4d', 'wide_resnet50_2', 'mobilenet_v2'])(
    'analyze(%s) runs down to 1×1 inputs, as its min_size (1, 1) says',
    (id) => {
      expect(analyze(getModel(id), [1, 1, 3]).outputShape).toEqual([1000]);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { activationBytes, formatBytes } from '../../../src/lib/models/activation-memory.ts';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { dilatedStack } from '../../../src/lib/models/dilated-stack.ts';
import { layerFigure, zooAnalysis, type LayerStat } from '../../../src/lib/models/figures.ts';
import { effectiveKernel, kernelGeometry } from '../../../src/lib/models/kernel-geometry.ts';
import { modelIds } from '../../../src/lib/models/zoo.ts';

/** The numeric value of a layer stat. */
function stat(model: string, layer: string, name: LayerStat): number {
  const { value } = layerFigure(zooAnalysis(model), layer, name);
  if (typeof value !== 'number') throw new Error(`${model} ${layer} ${name} is not a number`);
  return value;
}

describe('layerFigure: the numbers the arithmetic formulas take', () => {
  it.each([
    // torchvision/models/alexnet.py: nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2)
    ['alexnet', 'features.0', { inputSize: 224, inputChannels: 3, kernel: 11, stride: 4, padding: 2, dilation: 1 }],
    [
      'alexnet',
      'features.0',
      { groups: 1, outputSize: 55, outputChannels: 64, biases: 64, outputElements: 55 * 55 * 64 },
    ],
    // alexnet.py: nn.MaxPool2d(kernel_size=3, stride=2), overlapping pooling (Krizhevsky et al. §3.4)
    ['alexnet', 'features.2', { inputSize: 55, kernel: 3, stride: 2, padding: 0, outputSize: 27 }],
    // vgg.py: nn.MaxPool2d(kernel_size=2, stride=2); the spec leaves the stride to PyTorch's default
    ['vgg16', 'features.4', { kernel: 2, stride: 2, outputSize: 112, outputElements: 112 * 112 * 64 }],
    // vgg.py: nn.Linear(512 * 7 * 7, 4096)
    ['vgg16', 'classifier.0', { inputChannels: 25088, outputChannels: 4096, biases: 4096 }],
    // ResNeXt-50 32×4d: 3×3, 128, C = 32 (Xie et al. 2017 Table 1); torchvision's conv3x3 has bias=False
    ['resnext50_32x4d', 'layer1.0.conv2', { inputChannels: 128, outputChannels: 128, groups: 32, biases: 0 }],
    // mobilenetv2.py: the depthwise 3×3 of the first inverted residual, groups = hidden_dim = 32
    ['mobilenet_v2', 'features.1.conv.0.0', { inputChannels: 32, groups: 32, stride: 1, padding: 1 }],
    // resnet.py (v1.5): the stride 2 of layer2's first block sits in its 3×3 convolution
    ['resnet50', 'layer2.0.conv2', { inputSize: 56, stride: 2, padding: 1, outputSize: 28 }],
  ] as const)('%s %s', (model, layer, expected) => {
    for (const [name, value] of Object.entries(expected)) {
      expect([name, stat(model, layer, name as LayerStat)]).toEqual([name, value]);
    }
  });

  it('prints the input shape a layer reads, and counts with thousands separators', () => {
    expect(layerFigure(zooAnalysis('vgg16'), 'classifier.0', 'inputShape').text).toBe('25088');
    expect(layerFigure(zooAnalysis('vgg16'), 'features.2', 'inputShape').text).toBe('224×224×64');
    expect(layerFigure(zooAnalysis('vgg16'), 'features.0', 'outputElements').text).toBe('3,211,264');
  });

  it('refuses a window stat of a layer without a window, biases of a pooling layer and the side of a flat map', () => {
    const vgg16 = zooAnalysis('vgg16');
    expect(() => layerFigure(vgg16, 'features.1', 'kernel')).toThrow(
      '"features.1" (activation) has no window: no kernel',
    );
    expect(() => layerFigure(vgg16, 'features.4', 'biases')).toThrow('only conv and dense layers have biases');
    expect(() => layerFigure(vgg16, 'classifier.0', 'outputSize')).toThrow(
      'output is flat 4096: it has no spatial size',
    );
    expect(() => layerFigure(vgg16, 'classifier.0', 'inputSize')).toThrow('input is flat 25088');
  });
});

describe('the formulas of the reference page, on every layer of every zoo model', () => {
  // Dumoulin & Visin 2016, Relationship 15 (§5.1); Relationship 6 (§2.4) is its d = 1 case.
  const outputSide = (i: number, k: number, p: number, s: number, d: number): number =>
    Math.floor((i + 2 * p - k - (k - 1) * (d - 1)) / s) + 1;

  it('output size, parameters, MACs and output elements match the analysis', () => {
    let windows = 0;
    let weighted = 0;
    for (const id of modelIds) {
      const analysis = zooAnalysis(id);
      for (const layer of analysis.layers) {
        const s = (name: LayerStat): number => stat(id, layer.id, name);
        const elements = layer.outputShape.reduce((a, b) => a * b, 1);
        expect(s('outputElements')).toBe(elements);
        const geometry = kernelGeometry(layer.layer);
        if (geometry !== null) {
          // One axis stands for both: the page says every zoo window is square.
          for (const p of [geometry.kernel, geometry.stride, geometry.padding, geometry.dilation]) {
            expect([id, layer.id, p[0]]).toEqual([id, layer.id, p[1]]);
          }
          const [i, k, p, st, d] = [s('inputSize'), s('kernel'), s('padding'), s('stride'), s('dilation')];
          // Ceil-mode pooling (GoogLeNet, SqueezeNet) rounds up: the page never uses the floor formula on it.
          if (!geometry.ceil) {
            expect([id, layer.id, outputSide(i, k, p, st, d)]).toEqual([id, layer.id, s('outputSize')]);
            windows++;
          }
        }
        const partial = layer.layer.kind === 'conv' && layer.layer.connections !== undefined;
        if (layer.kind === 'conv' && !partial) {
          const [k, cin, g, cout, o] = [
            s('kernel'),
            s('inputChannels'),
            s('groups'),
            s('outputChannels'),
            s('outputSize'),
          ];
          expect([id, layer.id, k * k * (cin / g) * cout + s('biases')]).toEqual([id, layer.id, layer.params]);
          expect([id, layer.id, o * o * k * k * (cin / g) * cout]).toEqual([id, layer.id, layer.macs]);
          weighted++;
        }
        if (layer.kind === 'dense') {
          const [cin, cout] = [s('inputChannels'), s('outputChannels')];
          expect([id, layer.id, cin * cout + s('biases')]).toEqual([id, layer.id, layer.params]);
          expect([id, layer.id, cin * cout]).toEqual([id, layer.id, layer.macs]);
          weighted++;
        }
      }
    }
    // Hundreds of layers, so the loop cannot pass by finding none.
    expect(windows).toBeGreaterThan(500);
    expect(weighted).toBeGreaterThan(500);
  });
});

describe('kernelGeometry', () => {
  it("fills in PyTorch's defaults: stride 1 for a convolution, the kernel for a pool; no window for other kinds", () => {
    expect(kernelGeometry({ id: 'c', kind: 'conv', filters: 8, kernel: 3 })).toEqual({
      kernel: [3, 3],
      stride: [1, 1],
      padding: [0, 0],
      dilation: [1, 1],
      groups: 1,
      bias: true,
      ceil: false,
    });
    expect(kernelGeometry({ id: 'p', kind: 'maxpool', kernel: [3, 2], ceil: true })).toMatchObject({
      stride: [3, 2],
      padding: [0, 0],
      bias: false,
      ceil: true,
    });
    expect(kernelGeometry({ id: 'r', kind: 'activation', activation: 'relu' })).toBeNull();
  });

  it('effectiveKernel: k + (k − 1)(d − 1), Dumoulin & Visin §5.1', () => {
    expect([effectiveKernel(3, 1), effectiveKernel(3, 2), effectiveKernel(3, 4), effectiveKernel(1, 8)]).toEqual([
      3, 5, 9, 1,
    ]);
  });
});

describe('activation memory', () => {
  it('activationBytes: values × batch × 4 bytes at float32', () => {
    // VGG-16's first conv output, 224×224×64, for a batch of 32.
    expect(activationBytes(224 * 224 * 64, 32)).toBe(411_041_792);
    expect(activationBytes(10, 3, 2)).toBe(60);
  });

  it('activationBytes refuses a batch or count that is not a positive integer', () => {
    expect(() => activationBytes(10, 0)).toThrow('batch must be a positive integer, got 0');
    expect(() => activationBytes(10, 1.5)).toThrow('batch must be a positive integer');
    expect(() => activationBytes(-1, 1)).toThrow('elements must be a positive integer');
  });

  it.each([
    [100, '100 bytes'],
    [512_000, '512 kB'],
    [12_845_056, '12.8 MB'],
    [411_041_792, '411.0 MB'],
    [1_644_167_168, '1.64 GB'],
  ])('formatBytes(%d) is "%s" (decimal units)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('dilatedStack', () => {
  it("grows the field 3, 7, 15 at dilations 1, 2, 4 with 'same' size and equal parameters (Yu & Koltun Fig. 1)", () => {
    const analysis = analyze(dilatedStack([1, 2, 4], 64, 56));
    expect(analysis.layers.map((l) => l.receptiveField?.size[0])).toEqual([3, 7, 15]);
    expect(analysis.layers.map((l) => l.outputShape)).toEqual([
      [56, 56, 64],
      [56, 56, 64],
      [56, 56, 64],
    ]);
    expect(analysis.layers.map((l) => l.params)).toEqual([36_928, 36_928, 36_928]);
  });
});

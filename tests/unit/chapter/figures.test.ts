import { describe, expect, it } from 'vitest';
import { layerFigure, modelFigure, zooAnalysis } from '../../../src/lib/models/figures.ts';

describe('modelFigure', () => {
  it('counts VGG-16 as 13 conv + 3 fully connected = 16 weight layers (Simonyan & Zisserman Table 1, D)', () => {
    const vgg16 = zooAnalysis('vgg16');
    expect(modelFigure(vgg16, 'convLayers').value).toBe(13);
    expect(modelFigure(vgg16, 'fcLayers').value).toBe(3);
    expect(modelFigure(vgg16, 'weightLayers').text).toBe('16');
    expect(modelFigure(zooAnalysis('vgg19'), 'convLayers').value).toBe(16);
  });

  it('leaves projection shortcuts out of a ResNet depth: resnet18 has 18 weight layers, resnet50 50, resnet20 20', () => {
    expect(modelFigure(zooAnalysis('resnet18'), 'weightLayers').value).toBe(18);
    expect(modelFigure(zooAnalysis('resnet50'), 'weightLayers').value).toBe(50);
    expect(modelFigure(zooAnalysis('resnet20'), 'weightLayers').value).toBe(20);
  });

  it("prints torchvision's VGG-16 parameter count exactly and in millions, and its MACs in G", () => {
    const vgg16 = zooAnalysis('vgg16');
    expect(modelFigure(vgg16, 'params')).toEqual({ value: 138357544, text: '138,357,544' });
    expect(modelFigure(vgg16, 'paramsM').text).toBe('138.4 M');
    expect(modelFigure(vgg16, 'gmacs').text).toBe('15.47 G');
    expect(modelFigure(vgg16, 'gflops').text).toBe('30.94 G');
  });

  it('refuses to print LeNet-5 MACs in G, where they would read 0.00 G', () => {
    expect(() => modelFigure(zooAnalysis('lenet5'), 'gmacs')).toThrow(/use macs/);
  });

  it('prints CIFAR ResNet sizes below a million with two decimals, as He et al. Table 6 (0.27M)', () => {
    expect(modelFigure(zooAnalysis('resnet20'), 'paramsM').text).toBe('0.27 M');
    expect(modelFigure(zooAnalysis('resnet110'), 'paramsM').text).toBe('1.7 M');
  });

  it("gives VGG-16's pool5 receptive field 212 with jump 32 (Araujo et al. 2019) and its input shape", () => {
    const vgg16 = zooAnalysis('vgg16');
    expect(modelFigure(vgg16, 'rf').value).toBe(212);
    expect(modelFigure(vgg16, 'rfJump').value).toBe(32);
    expect(modelFigure(vgg16, 'input').text).toBe('224×224×3');
  });

  it('puts about 89% of VGG-16 parameters in its three fully connected layers', () => {
    const share = modelFigure(zooAnalysis('vgg16'), 'fcParamsPercent');
    expect(share.text).toBe('89.4%');
  });
});

describe('layerFigure', () => {
  it("reads one layer's parameters, shape and receptive field by its torchvision id", () => {
    const vgg16 = zooAnalysis('vgg16');
    expect(layerFigure(vgg16, 'classifier.0', 'params').value).toBe(102764544);
    expect(layerFigure(vgg16, 'features.28', 'shape').text).toBe('14×14×512');
    expect(layerFigure(vgg16, 'features.2', 'rf').value).toBe(5);
  });

  it('fails naming the model and layer for an unknown layer or a flat layer asked for a receptive field', () => {
    const vgg16 = zooAnalysis('vgg16');
    expect(() => layerFigure(vgg16, 'features.99', 'params')).toThrow(/vgg16 has no layer "features.99"/);
    expect(() => layerFigure(vgg16, 'classifier.0', 'rf')).toThrow(/flat/);
  });
});

describe('rfStart', () => {
  it("gives the centre of VGG-16's first pool5 unit's field at 15.5 px, and of conv1_1's at 0", () => {
    const vgg16 = zooAnalysis('vgg16');
    expect(modelFigure(vgg16, 'rfStart').text).toBe('15.5');
    expect(layerFigure(vgg16, 'features.0', 'rfStart').value).toBe(0);
  });
});

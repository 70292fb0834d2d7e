import { describe, expect, it } from 'vitest';
import { analyze, getModel, modelIds, SpecError, zoo } from '../../../src/lib/models/index.ts';

describe('the zoo', () => {
  it('holds LeNet, AlexNet, every torchvision VGG and ResNet, and the CIFAR nets', () => {
    expect(modelIds).toEqual([
      'lenet5',
      'lenet5_modern',
      'alexnet',
      'alexnet_original',
      'vgg11',
      'vgg11_bn',
      'vgg13',
      'vgg13_bn',
      'vgg16',
      'vgg16_bn',
      'vgg19',
      'vgg19_bn',
      'resnet18',
      'resnet34',
      'resnet50',
      'resnet101',
      'resnet152',
      'resnet50_v1',
      'resnet101_v1',
      'resnet152_v1',
      'resnet20',
      'resnet32',
      'resnet44',
      'resnet56',
      'resnet110',
      'plain20',
      'plain32',
      'plain44',
      'plain56',
      'plain110',
    ]);
  });

  it.each(modelIds)('zoo.%s is keyed by its own id, validates, and has unique layer ids', (id) => {
    const spec = zoo[id];
    expect(spec?.id).toBe(id);
    expect(getModel(id)).toBe(spec);
    const ids = spec?.layers.map((l) => l.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => analyze(getModel(id))).not.toThrow();
  });

  it('getModel throws a SpecError listing the valid ids for an unknown id', () => {
    expect(() => getModel('googlenet')).toThrow(SpecError);
    expect(() => getModel('googlenet')).toThrow(/unknown model "googlenet"; valid ids: lenet5, lenet5_modern, alexnet/);
    expect(() => getModel('toString')).toThrow(/unknown model "toString"/);
  });
});

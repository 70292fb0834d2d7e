import { describe, expect, it } from 'vitest';
import { referenceIds } from '../../../src/lib/bibliography/references.ts';
import { analyze, getModel, modelIds, SpecError, zoo } from '../../../src/lib/models/index.ts';

describe('the zoo', () => {
  it('holds LeNet, AlexNet, NIN, the torchvision VGGs, GoogLeNet, ResNets and their descendants, and the CIFAR nets, by date', () => {
    expect(modelIds).toEqual([
      'lenet5',
      'lenet5_modern',
      'alexnet',
      'alexnet_original',
      'nin',
      'vgg11',
      'vgg11_bn',
      'vgg13',
      'vgg13_bn',
      'vgg16',
      'vgg16_bn',
      'vgg19',
      'vgg19_bn',
      'googlenet',
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
      'squeezenet1_0',
      'wide_resnet50_2',
      'densenet121',
      'resnext50_32x4d',
      'mobilenet_v2',
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

  it.each(modelIds)('zoo.%s cites only papers in the bibliography', (id) => {
    for (const source of zoo[id]?.sources ?? []) expect(referenceIds).toContain(source);
  });

  it('getModel throws a SpecError listing the valid ids for an unknown id', () => {
    expect(() => getModel('inception_v3')).toThrow(SpecError);
    expect(() => getModel('inception_v3')).toThrow(
      /unknown model "inception_v3"; valid ids: lenet5, lenet5_modern, alexnet/,
    );
    expect(() => getModel('toString')).toThrow(/unknown model "toString"/);
  });
});

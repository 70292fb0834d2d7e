import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { plainImagenet } from '../../../src/lib/models/plain-imagenet.ts';
import { SpecError } from '../../../src/lib/models/spec-error.ts';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { diagramSpec, parseModelList } from '../../../src/lib/models/diagram-models.ts';

describe('plainImagenet (He et al. 2016 Table 2)', () => {
  it.each([18, 34] as const)('plain%d is resnet%d without its sums and projection shortcuts', (depth) => {
    const plain = analyze(plainImagenet(depth));
    const resnet = analyze(getModel(`resnet${depth}`));
    const dropped = resnet.layers.filter((l) => l.kind === 'add' || l.id.includes('.downsample.'));
    expect(plain.layers.map((l) => l.id)).toEqual(resnet.layers.filter((l) => !dropped.includes(l)).map((l) => l.id));
    expect(plain.params).toBe(resnet.params - dropped.reduce((s, l) => s + l.params, 0));
    expect(plain.macs).toBe(resnet.macs - dropped.reduce((s, l) => s + l.macs, 0));
    expect(plain.outputShape).toEqual(resnet.outputShape);
    expect(plain.layers.some((l) => l.kind === 'add')).toBe(false);
  });

  it('each plain block reads the previous block’s output, not a sum', () => {
    const plain = analyze(plainImagenet(34));
    const relu = plain.layers.find((l) => l.id === 'layer2.0.relu2')!;
    expect(relu.inputIds).toEqual(['layer2.0.bn2']);
    expect(plain.layers.find((l) => l.id === 'layer2.0.conv1')!.inputIds).toEqual(['layer1.2.relu2']);
  });
});

describe('diagramSpec and parseModelList', () => {
  it('diagramSpec resolves zoo ids and the ImageNet plain nets', () => {
    expect(diagramSpec('vgg16')).toBe(getModel('vgg16'));
    expect(diagramSpec('plain34').name).toBe('Plain-34');
    expect(diagramSpec('plain20')).toBe(getModel('plain20'));
    expect(() => diagramSpec('inception_v3')).toThrow(SpecError);
  });

  it('parseModelList accepts two to four distinct ids and rejects anything else', () => {
    expect(parseModelList('vgg19, plain34,resnet34')).toEqual(['vgg19', 'plain34', 'resnet34']);
    expect(() => parseModelList('vgg16')).toThrow(/2 to 4 models/);
    expect(() => parseModelList('a,b,c,d,e')).toThrow(/2 to 4 models/);
    expect(() => parseModelList('vgg16,vgg16')).toThrow(/once/);
  });
});

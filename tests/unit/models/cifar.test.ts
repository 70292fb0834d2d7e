import { describe, expect, it } from 'vitest';
import { analyze, cifarNet, getModel, SpecError } from '../../../src/lib/models/index.ts';

describe('CIFAR-10 ResNets and plain nets (He et al. 2016 §4.2)', () => {
  // He et al. 2016, Table 6, "# params" column.
  it.each([
    [20, '0.27M'],
    [32, '0.46M'],
    [44, '0.66M'],
    [56, '0.85M'],
    [110, '1.7M'],
  ])("analyze(resnet%d) rounds to He et al. Table 6's %s parameters", (depth, published) => {
    const params = analyze(getModel(`resnet${depth}`)).params;
    const decimals = published.replace('M', '').split('.')[1]?.length ?? 0;
    expect(`${(params / 1e6).toFixed(decimals)}M`).toBe(published);
  });

  it.each([20, 32, 44, 56, 110])(
    'plain%d has exactly the parameters of resnet%d (option A shortcuts are free)',
    (depth) => {
      expect(analyze(getModel(`plain${depth}`)).params).toBe(analyze(getModel(`resnet${depth}`)).params);
    },
  );

  it.each([20, 56, 110])(
    'resnet%d has 6n + 2 weight layers and maps of 32², 16², 8² with 16, 32, 64 filters',
    (depth) => {
      const analysis = analyze(getModel(`resnet${depth}`));
      const weighted = analysis.layers.filter((l) => l.kind === 'conv' || l.kind === 'dense');
      expect(weighted).toHaveLength(depth);
      const stageOutputs = ['layer1', 'layer2', 'layer3'].map((stage) => {
        const inStage = analysis.layers.filter((l) => l.layer.group?.[0] === stage);
        return inStage[inStage.length - 1]?.outputShape;
      });
      expect(stageOutputs).toEqual([
        [32, 32, 16],
        [16, 16, 32],
        [8, 8, 64],
      ]);
      expect(analysis.outputShape).toEqual([10]);
    },
  );

  it('resnet20 zero-pads its shortcut where width doubles, and adds identity elsewhere', () => {
    const adds = getModel('resnet20').layers.flatMap((l) => (l.kind === 'add' ? [`${l.id}:${l.shortcut}`] : []));
    expect(adds).toEqual([
      'layer1.0.add:identity',
      'layer1.1.add:identity',
      'layer1.2.add:identity',
      'layer2.0.add:padding',
      'layer2.1.add:identity',
      'layer2.2.add:identity',
      'layer3.0.add:padding',
      'layer3.1.add:identity',
      'layer3.2.add:identity',
    ]);
  });

  it('plain20 has no add and no shortcut layers', () => {
    expect(getModel('plain20').layers.some((l) => l.kind === 'add' || l.kind === 'padshortcut')).toBe(false);
  });

  it.each([0, 7, 21, 25, 2.5, -4])('cifarNet(%d) rejects a depth that is not 6n + 2', (depth) => {
    expect(() => cifarNet(depth, true)).toThrow(SpecError);
    expect(() => cifarNet(depth, true)).toThrow(/6n \+ 2/);
  });

  it('getModel builds any other 6n + 2 depth on demand and explains a bad one', () => {
    expect(analyze(getModel('plain38')).layers.filter((l) => l.kind === 'conv')).toHaveLength(37);
    expect(() => getModel('resnet25')).toThrow(/6n \+ 2.*got 25; nearest: 20 or 26/);
  });
});

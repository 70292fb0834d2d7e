/**
 * How the Your-network widget measures a pasted model's effective receptive field: the unit, the
 * input size (reduced for a large model), and a real run of the 'erf' job on a parsed spec.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ERF_MAC_BUDGET, erfPlan, spatialLayerIds } from '../../../src/components/your-network/erf-plan.ts';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { parseText } from '../../../src/lib/parse/index.ts';
import { runErf, useCpu } from '../erf/helpers.ts';

beforeAll(useCpu);

describe('erfPlan', () => {
  it("measures a small model at its own size, at the centre unit of the network's field layer by default", () => {
    const { analysis } = parseText('input 1x15x15\nconv 2 kernel=3\nrelu\nconv 2 kernel=3\nrelu\nflatten\ndense 2\n');
    const plan = erfPlan(analysis, '')!;
    expect(plan.reduced).toBe(false);
    expect(plan.layerId).toBe(analysis.receptiveFieldLayer);
    expect(plan.spec.inputShape).toEqual([15, 15, 1]);
    // 15 → 13 → 11: the centre of an 11×11 map.
    expect([plan.y, plan.x]).toEqual([5, 5]);
  });

  it('takes the chosen layer, and the default for an id that is not a spatial layer', () => {
    const resnet18 = analyze(getModel('resnet18'));
    expect(erfPlan(resnet18, 'layer2.0.conv1')!.layerId).toBe('layer2.0.conv1');
    expect(erfPlan(resnet18, 'fc')!.layerId).toBe(resnet18.receptiveFieldLayer);
    expect(erfPlan(resnet18, '<b>')!.layerId).toBe(resnet18.receptiveFieldLayer);
  });

  it.each(['resnet18', 'resnet50', 'googlenet', 'densenet121'])(
    'scales %s down until a pass costs at most the budget, keeping the channels and every layer',
    (id) => {
      const full = analyze(getModel(id));
      const plan = erfPlan(full, '')!;
      expect(plan.reduced).toBe(true);
      expect(plan.analysis.macs).toBeLessThanOrEqual(ERF_MAC_BUDGET);
      expect(plan.spec.inputShape[2]).toBe(3);
      expect(plan.spec.inputShape[0]).toBeLessThan(224);
      expect(plan.analysis.layers.map((l) => l.id)).toEqual(full.layers.map((l) => l.id));
      const out = plan.analysis.layers.find((l) => l.id === plan.layerId)!.outputShape;
      expect(plan.y).toBe(Math.floor((out[0] - 1) / 2));
    },
  );

  it('runs VGG-16, over the budget even at the smallest input its five pools accept, at that input', () => {
    const vgg16 = analyze(getModel('vgg16'));
    const plan = erfPlan(vgg16, '')!;
    expect(plan.analysis.macs).toBeGreaterThan(ERF_MAC_BUDGET);
    expect(plan.spec.inputShape).toEqual([32, 32, 3]);
    expect(() => analyze(vgg16.spec, [31, 31, 3])).toThrow(/too small/);
  });

  it('has no plan for a model without a spatial layer', () => {
    const { analysis } = parseText('input 3x1x1\nflatten\ndense 4\n');
    expect(spatialLayerIds(analysis)).toEqual([]);
    expect(erfPlan(analysis, '')).toBeNull();
  });
});

describe("the 'erf' job on a reader's spec", () => {
  it('gives the k×k box for one conv with uniform weights, at the planned unit', async () => {
    const { analysis } = parseText('model mine "Mine"\ninput 1x9x9\nconv 3 kernel=3\nrelu\n');
    const plan = erfPlan(analysis, 'conv1')!;
    const result = await runErf({
      targets: [{ model: { spec: plan.spec }, unit: { layerId: plan.layerId, y: plan.y, x: plan.x } }],
      init: 'uniform',
    });
    const target = result.targets[0]!;
    expect(target.modelId).toBe('mine');
    expect(target.unit.field.size).toEqual([3, 3]);
    // Unit (3, 3) of the 7×7 output sees input pixels 3…5 on each axis.
    expect(target.unit.stats.support).toEqual({ top: 3, left: 3, bottom: 5, right: 5 });
  });
});

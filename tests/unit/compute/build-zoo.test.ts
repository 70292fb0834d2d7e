import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { getModel, modelIds } from '../../../src/lib/models/zoo.ts';
import type { ModelSpec } from '../../../src/lib/models/types.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { randomBatch, take, useCpu } from './helpers.ts';

beforeAll(useCpu);

/** The smallest input each ImageNet model accepts comfortably; CIFAR and LeNet nets at their own. */
function smallInput(spec: ModelSpec): [number, number, number] {
  if (spec.id === 'alexnet') return [63, 63, 3];
  if (spec.id === 'alexnet_original') return [67, 67, 3];
  const [h, w, c] = spec.inputShape;
  return h > 32 ? [32, 32, c] : [h, w, c];
}

describe('build every zoo model', () => {
  test.each([...modelIds])(
    "build(%s) at a small input allocates analyze()'s parameters and outputs analyze()'s shape",
    (id) => {
      const spec = getModel(id);
      const inputShape = smallInput(spec);
      const analysis = analyze(spec, inputShape);
      const net = build(spec, { inputShape, seed: 1 });
      try {
        expect(net.paramCount()).toBe(analysis.params);
        expect(net.trainableParamCount()).toBe(analysis.trainableParams);
        const x = randomBatch([1, ...inputShape], 2);
        const { output } = net.forward(x);
        expect(output.shape).toEqual([1, ...analysis.outputShape]);
        expect(take(output).every(Number.isFinite)).toBe(true);
        x.dispose();
      } finally {
        net.dispose();
      }
    },
  );
});

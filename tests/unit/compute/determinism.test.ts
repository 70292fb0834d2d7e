import { beforeAll, describe, expect, test } from 'vitest';
import { getModel } from '../../../src/lib/models/zoo.ts';
import type { ModelSpec } from '../../../src/lib/models/types.ts';
import { build } from '../../../src/lib/compute/network.ts';
import type { InitScheme } from '../../../src/lib/compute/init.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

const withDropout: ModelSpec = {
  id: 'with_dropout',
  name: 'conv, dropout, dense',
  inputShape: [8, 8, 2],
  sources: [],
  layers: [
    { id: 'conv', kind: 'conv', filters: 4, kernel: 3 },
    { id: 'relu', kind: 'activation', activation: 'relu' },
    { id: 'drop', kind: 'dropout', rate: 0.5 },
    { id: 'flatten', kind: 'flatten' },
    { id: 'fc', kind: 'dense', units: 3 },
  ],
};

describe('determinism', () => {
  test.each<InitScheme>(['he', 'glorot', 'normal'])(
    'build(resnet20, %s) with the same seed gives identical weights and outputs; another seed differs',
    (init) => {
      const spec = getModel('resnet20');
      const a = build(spec, { init, seed: 7 });
      const b = build(spec, { init, seed: 7 });
      const c = build(spec, { init, seed: 8 });
      const x = randomBatch([2, 32, 32, 3], 1);
      expect(a.getWeights()).toEqual(b.getWeights());
      const ya = take(a.forward(x).output);
      expect(take(b.forward(x).output)).toEqual(ya);
      expect(take(c.forward(x).output)).not.toEqual(ya);
      expect(a.getWeights()['conv1/kernel']).not.toEqual(c.getWeights()['conv1/kernel']);
      tf.dispose(x);
      [a, b, c].forEach((n) => n.dispose());
    },
  );

  test("a layer's initial weights depend on the seed and its key, not on the rest of the network", () => {
    const resnet = build(getModel('resnet20'), { seed: 3 });
    const plain = build(getModel('plain20'), { seed: 3 });
    const r = resnet.getWeights();
    const p = plain.getWeights();
    expect(Object.keys(p).every((key) => key in r)).toBe(true);
    for (const key of Object.keys(p)) expect(p[key], key).toEqual(r[key]);
    resnet.dispose();
    plain.dispose();
  });

  test('training-mode dropout is reproducible with an explicit dropoutSeed, fresh per call without one, off in inference', () => {
    const net = build(withDropout, { seed: 1 });
    const x = randomBatch([1, 8, 8, 2], 2);
    const run = (options: Parameters<typeof net.forward>[1]): Float32Array => take(net.forward(x, options).output);
    const inference = run({});
    expect(run({})).toEqual(inference);
    const seeded = run({ training: true, dropoutSeed: 5 });
    expect(run({ training: true, dropoutSeed: 5 })).toEqual(seeded);
    expect(seeded).not.toEqual(inference);
    expect(run({ training: true })).not.toEqual(run({ training: true }));
    const second = build(withDropout, { seed: 1 });
    const first = build(withDropout, { seed: 1 });
    expect(take(second.forward(x, { training: true }).output)).toEqual(
      take(first.forward(x, { training: true }).output),
    );
    tf.dispose(x);
    [net, first, second].forEach((n) => n.dispose());
  });
});

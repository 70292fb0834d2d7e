import { beforeAll, describe, expect, test } from 'vitest';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { inputGradient, predict, readActivations } from '../../../src/lib/compute/readback.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

describe('plain-array helpers', () => {
  test('predict, readActivations and inputGradient return the same numbers as the tensor API', async () => {
    const net = build(getModel('lenet5'), { seed: 2 });
    const x = randomBatch([2, 32, 32, 1], 1);
    const predicted = await predict(net, x);
    expect(predicted.shape).toEqual([2, 10]);
    expect(predicted.values).toEqual(take(net.forward(x).output));

    const acts = await readActivations(net, x, ['S2', 'F6']);
    expect(acts['S2']?.shape).toEqual([2, 14, 14, 6]);
    expect(acts['F6']?.values).toEqual(take(net.activations(x, ['F6'])['F6'] as tf.Tensor));

    const loss = (o: Readonly<Record<string, tf.Tensor>>): tf.Scalar => tf.mean(o['output'] as tf.Tensor);
    const plain = await inputGradient(net, x, loss);
    const raw = net.gradients(x, loss, { wrt: 'input' });
    expect(plain.loss).toBeCloseTo(take(raw.value)[0] ?? NaN, 5);
    expect(plain.gradient.shape).toEqual([2, 32, 32, 1]);
    expect(plain.gradient.values).toEqual(take(raw.input as tf.Tensor));
    x.dispose();
    net.dispose();
  });
});

import { beforeAll, describe, expect, test } from 'vitest';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { resnetStyle } from '../../../src/lib/models/families.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { inputGradient, predict, readActivations } from '../../../src/lib/compute/readback.ts';
import { inputGradientOfUnit } from '../../../src/lib/compute/receptive-field.ts';
import { allSkips } from '../../../src/lib/compute/skips.ts';
import { randomBatch, tensorsLeftBy, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

describe('no tensor leaks', () => {
  // Small enough for weight gradients: the CPU backend's Conv2DBackpropFilter is a naive loop.
  const spec = resnetStyle({
    depth: 8,
    width: 4,
    skip: true,
    bn: true,
    activation: 'relu',
    inputShape: [16, 16, 3],
    classes: 10,
  });
  const sumOutput = (o: Readonly<Record<string, tf.Tensor>>): tf.Scalar => tf.sum(o['fc'] as tf.Tensor);

  test('forward, activations, gradients and the array helpers leave tf.memory().numTensors unchanged', async () => {
    const net = build(spec);
    const x = randomBatch([2, 16, 16, 3], 1);
    const jobs: [string, () => Promise<void> | void][] = [
      ['forward', () => tf.dispose(net.forward(x).output)],
      [
        'forward, training + updateStats',
        () => tf.dispose(net.forward(x, { training: true, updateStats: true }).output),
      ],
      ['forward, skips off', () => tf.dispose(net.forward(x, { skips: allSkips(spec, false) }).output)],
      [
        'activations',
        () => tf.dispose(Object.values(net.activations(x, ['stage1.block0.add', 'stage3.block0.relu2']))),
      ],
      [
        'gradients (all targets)',
        () =>
          net
            .gradients(x, sumOutput, {
              wrt: ['input', { activation: 'stage2.block0.conv1' }, { weights: 'all' }],
              training: true,
              updateStats: true,
            })
            .dispose(),
      ],
      ['predict', async () => void (await predict(net, x))],
      ['readActivations', async () => void (await readActivations(net, x, ['stem.bn', 'avgpool']))],
      ['inputGradient', async () => void (await inputGradient(net, x, sumOutput))],
      [
        'inputGradientOfUnit',
        async () => void (await inputGradientOfUnit(net, x, { layerId: 'stage2.block0.relu2', y: 3, x: 4 })),
      ],
    ];
    for (const [name, job] of jobs) {
      expect(await tensorsLeftBy(job), name).toBe(0);
    }
    x.dispose();
    net.dispose();
  });

  test('100 gradient jobs leak nothing', async () => {
    const net = build(getModel('lenet5'));
    const x = randomBatch([1, 32, 32, 1], 2);
    const left = await tensorsLeftBy(async () => {
      for (let i = 0; i < 100; i++) await inputGradientOfUnit(net, x, { layerId: 'C3', y: i % 10, x: 5 });
    });
    expect(left).toBe(0);
    x.dispose();
    net.dispose();
  });

  test('a failing loss function leaves nothing behind', () => {
    const net = build(getModel('lenet5_modern'));
    const x = randomBatch([1, 32, 32, 1], 3);
    const before = tf.memory().numTensors;
    expect(() =>
      net.gradients(
        x,
        () => {
          throw new Error('bad loss');
        },
        { wrt: [{ activation: 'C1' }] },
      ),
    ).toThrow('bad loss');
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    net.dispose();
  });
});

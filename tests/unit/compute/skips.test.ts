import { beforeAll, describe, expect, test } from 'vitest';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { resnetStyle } from '../../../src/lib/models/families.ts';
import { build } from '../../../src/lib/compute/network.ts';
import { allSkips, residualBlocks, shortcutEnabled } from '../../../src/lib/compute/skips.ts';
import { randomBatch, take, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

describe('skip connections', () => {
  test('residualBlocks(resnet20) lists its nine blocks by torchvision-style id', () => {
    const blocks = residualBlocks(getModel('resnet20')).map((b) => b.block);
    expect(blocks).toEqual([
      'layer1.0',
      'layer1.1',
      'layer1.2',
      'layer2.0',
      'layer2.1',
      'layer2.2',
      'layer3.0',
      'layer3.1',
      'layer3.2',
    ]);
  });

  test('shortcutEnabled: the innermost key present decides (add id, then block, then stage)', () => {
    const add = getModel('resnet20').layers.find((l) => l.id === 'layer1.0.add');
    if (add === undefined) throw new Error('no add');
    expect(shortcutEnabled(add, undefined)).toBe(true);
    expect(shortcutEnabled(add, { layer1: false })).toBe(false);
    expect(shortcutEnabled(add, { layer1: false, 'layer1.0': true })).toBe(true);
    expect(shortcutEnabled(add, { 'layer1.0': true, 'layer1.0.add': false })).toBe(false);
    expect(shortcutEnabled(add, { 'layer2.0': false })).toBe(true);
  });

  test('resnet20 with every skip off computes plain20 exactly, with the same parameter count', () => {
    const resnet = build(getModel('resnet20'), { seed: 4 });
    const plain = build(getModel('plain20'), { seed: 9 });
    expect(resnet.paramCount()).toBe(plain.paramCount());
    const weights = resnet.getWeights();
    plain.setWeights(Object.fromEntries(plain.plan.map((w) => [w.key, weights[w.key] as Float32Array])));
    const x = randomBatch([2, 32, 32, 3], 1);
    const off = take(resnet.forward(x, { skips: allSkips(resnet.spec, false) }).output);
    expect(off).toEqual(take(plain.forward(x).output));
    expect(take(resnet.forward(x).output)).not.toEqual(off);
    x.dispose();
    resnet.dispose();
    plain.dispose();
  });

  test('switching one block off changes the output, and differs from switching all off', () => {
    const net = build(getModel('resnet20'), { seed: 4 });
    const x = randomBatch([1, 32, 32, 3], 2);
    const on = take(net.forward(x).output);
    const oneOff = take(net.forward(x, { skips: { 'layer2.1': false } }).output);
    const allOff = take(net.forward(x, { skips: allSkips(net.spec, false) }).output);
    expect(oneOff).not.toEqual(on);
    expect(oneOff).not.toEqual(allOff);
    expect(take(net.forward(x, { skips: allSkips(net.spec, true) }).output)).toEqual(on);
    x.dispose();
    net.dispose();
  });

  test('run-time switches equal building resnetStyle with those skips (same weights by key)', () => {
    const options = { depth: 14, width: 4, bn: true, activation: 'relu', inputShape: [16, 16, 3], classes: 5 } as const;
    const flags = [true, false, true, true, false, false];
    const switchable = build(resnetStyle({ ...options, skip: true }), { seed: 6 });
    const mixed = build(resnetStyle({ ...options, skip: flags }), { seed: 6 });
    const blocks = residualBlocks(switchable.spec).map((b) => b.block);
    const skips = Object.fromEntries(blocks.map((block, i) => [block, flags[i] ?? true]));
    const x = randomBatch([2, 16, 16, 3], 3);
    const a = take(switchable.forward(x, { skips }).output);
    const b = take(mixed.forward(x).output);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i] ?? NaN, 5));
    x.dispose();
    switchable.dispose();
    mixed.dispose();
  });

  test('a switched-off projection shortcut is not computed: its weights get no gradient', () => {
    const net = build(getModel('resnet18'), { inputShape: [32, 32, 3], seed: 1 });
    const x = randomBatch([1, 32, 32, 3], 4);
    const loss = (o: Readonly<Record<string, tf.Tensor>>): tf.Scalar => tf.sum(o['fc'] as tf.Tensor);
    const grad = (skips: Record<string, boolean>): Float32Array => {
      const result = net.gradients(x, loss, { wrt: { weights: ['layer2.0.downsample.0'] }, skips });
      const g = take(result.weights['layer2.0.downsample.0/kernel'] as tf.Tensor);
      result.dispose();
      return g;
    };
    expect(grad({}).some((v) => v !== 0)).toBe(true);
    expect(grad({ 'layer2.0': false }).every((v) => v === 0)).toBe(true);
    x.dispose();
    net.dispose();
  });
});

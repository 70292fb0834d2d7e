import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { ModelCache, networkBytes } from '../../../src/lib/compute/model-cache.ts';
import { build } from '../../../src/lib/compute/network.ts';
import * as tf from '../../../src/lib/compute/tf.ts';
import { resnetStyle } from '../../../src/lib/models/families.ts';

const net = (width: number) =>
  build(
    resnetStyle({ depth: 8, width, skip: true, bn: false, activation: 'relu', inputShape: [8, 8, 1], classes: 2 }),
    { seed: 1 },
  );

describe('ModelCache', () => {
  it('returns the cached network for the same key instead of building again', async () => {
    await tf.setBackend('cpu');
    const cache = new ModelCache();
    let builds = 0;
    const make = () => (builds++, net(4));
    const a = cache.get('k', make);
    expect(cache.get('k', make)).toBe(a);
    expect(builds).toBe(1);
    cache.clear();
  });

  it('disposes the least recently used networks once over its byte budget, freeing their tensors', async () => {
    await tf.setBackend('cpu');
    const probe = net(4);
    const bytes = networkBytes(probe);
    probe.dispose();
    const before = tf.memory().numTensors;
    const cache = new ModelCache(bytes * 2.5);
    const a = cache.get('a', () => net(4));
    const b = cache.get('b', () => net(4));
    cache.get('a', () => net(4)); // a is now the most recent
    const c = cache.get('c', () => net(4));
    expect(cache.size).toBe(2);
    expect(b.isDisposed).toBe(true);
    expect(a.isDisposed).toBe(false);
    expect(c.isDisposed).toBe(false);
    expect(cache.bytes).toBeLessThanOrEqual(bytes * 2.5);
    cache.clear();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('clear(prefix) drops only that backend’s networks', async () => {
    await tf.setBackend('cpu');
    const cache = new ModelCache();
    const web = cache.get('webgl|x', () => net(4));
    const cpu = cache.get('cpu|x', () => net(4));
    cache.clear('webgl|');
    expect(web.isDisposed).toBe(true);
    expect(cpu.isDisposed).toBe(false);
    cache.clear();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { forwardTimingJob } from '../../../src/lib/compute/jobs/forward-timing.ts';
import { specFromSource } from '../../../src/lib/compute/model-source.ts';
import { build } from '../../../src/lib/compute/network.ts';
import * as tf from '../../../src/lib/compute/tf.ts';
import { compareInception } from '../../../src/lib/models/inception-cost.ts';
import { jobContext, useWasm } from './helpers.ts';

const naive = { inception: { module: 'inception3a', form: 'paper', reduce: 'none' } } as const;
const reduced = { inception: { module: 'inception3a', form: 'paper', reduce: '1' } } as const;

describe('forward-timing', () => {
  beforeAll(useWasm);

  it("an Inception module source builds a TF.js network with the zoo's parameter count, in every form", async () => {
    for (const choice of [naive.inception, reduced.inception, { ...reduced.inception, form: 'torchvision' as const }]) {
      const net = build(await specFromSource({ inception: choice }), { seed: 0 });
      try {
        expect(net.paramCount()).toBe(compareInception(choice).chosen.params);
      } finally {
        net.dispose();
      }
    }
  });

  it('times each network in turn, returns a median per network and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const result = await forwardTimingJob().run({ models: [naive, reduced], rounds: 2 }, jobContext());
    expect(result.medianMs).toHaveLength(2);
    for (const ms of result.medianMs) expect(ms).toBeGreaterThan(0);
    expect(result).toMatchObject({ rounds: 2, batch: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    [{ models: [naive], rounds: 0 }, /rounds must be 1…50/],
    [{ models: [naive], batch: 17 }, /batch must be 1…16/],
    [{ models: [] }, /time 1 to 4 networks/],
  ])('refuses %j', async (params, message) => {
    await expect(forwardTimingJob().run(params, jobContext())).rejects.toThrow(message);
  });
});

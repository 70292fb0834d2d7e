import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mnistSplit } from '../../../scripts/mnist-asset.ts';
import { readShippedWeights } from '../../../scripts/lenet-eval.ts';
import { weightsDir } from '../../../scripts/train-lenet.ts';
import {
  fetchLenetWeights,
  inferLenet,
  LENET_STAGES,
  lenetInferJob,
  lenetNetwork,
  lenetWeightsFromFiles,
  type LenetModel,
} from '../../../src/lib/compute/jobs/lenet-infer.ts';
import { createJobs } from '../../../src/lib/compute/jobs/index.ts';
import { ModelCache } from '../../../src/lib/compute/model-cache.ts';
import type { Network } from '../../../src/lib/compute/network.ts';
import { lenetInput } from '../../../src/lib/data/lenet-input.ts';
import type { FetchBytes } from '../../../src/lib/data/mnist-fetch.ts';
import { jobContext, tensorsLeftBy, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

const test2000 = mnistSplit().test;
const digit = (k: number): Uint8Array => test2000.images.slice(k * 784, (k + 1) * 784);

/** A `fetch` over public/weights/ served at '/weights/', counting requests; other URLs are 404s. */
function diskFetch(requests: string[] = []): FetchBytes {
  return async (url) => {
    requests.push(url);
    const file = url.startsWith('/weights/') ? join(weightsDir, url.slice('/weights/'.length)) : null;
    const bytes = file === null ? null : readFileSync(file);
    return {
      ok: bytes !== null,
      status: bytes === null ? 404 : 200,
      arrayBuffer: async () => (bytes === null ? new ArrayBuffer(0) : new Uint8Array(bytes).buffer),
    };
  };
}

describe.each<LenetModel>(['lenet5', 'lenet5_modern'])('inferLenet with the shipped %s weights', (model) => {
  let net: Network;
  beforeAll(() => {
    net = lenetNetwork(model, readShippedWeights(model).values);
  });
  afterAll(() => net.dispose());

  test('classifies the first 10 test digits as their labels, with probabilities summing to 1', async () => {
    for (let k = 0; k < 10; k++) {
      const result = await inferLenet(net, digit(k));
      expect(result.predicted, `test digit ${k}`).toBe(test2000.labels[k]);
      expect(result.probabilities).toHaveLength(10);
      expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(Math.max(...result.probabilities)).toBe(result.probabilities[result.predicted]);
      expect(result.logits.indexOf(Math.max(...result.logits))).toBe(result.predicted);
    }
  });

  test('returns C1 28×28×6, S2 14×14×6, C3 10×10×16, S4 5×5×16, C5 120 and F6 84 maps with their ranges', async () => {
    const { stages } = await inferLenet(net, digit(0));
    const shapes = LENET_STAGES.map((s) => [s, stages[s].height, stages[s].width, stages[s].maps]);
    expect(shapes).toEqual([
      ['C1', 28, 28, 6],
      ['S2', 14, 14, 6],
      ['C3', 10, 10, 16],
      ['S4', 5, 5, 16],
      ['C5', 1, 1, 120],
      ['F6', 1, 1, 84],
    ]);
    for (const stage of LENET_STAGES) {
      const { values, min, max, maps, height, width, range } = stages[stage];
      expect(values).toHaveLength(maps * height * width);
      expect(values.every(Number.isFinite)).toBe(true);
      for (let k = 0; k < maps; k++) {
        const map = values.subarray(k * height * width, (k + 1) * height * width);
        expect([min[k], max[k]]).toEqual([Math.min(...map), Math.max(...map)]);
      }
      expect(range).toEqual([Math.min(...values), Math.max(...values)]);
    }
  });

  test('reads each stage after its activation where it has one, matching Network.activations', async () => {
    const { stages } = await inferLenet(net, digit(3));
    const ids = LENET_STAGES.map((s) => stages[s].layerId);
    expect(ids).toEqual(
      model === 'lenet5'
        ? ['C1.act', 'S2.act', 'C3.act', 'S4.act', 'C5.act', 'F6.act']
        : ['C1.act', 'S2', 'C3.act', 'S4', 'C5.act', 'F6.act'],
    );
    // C3's channels-last activation, regrouped map by map: unit (r, c) of map k.
    const x = tf.tensor4d(lenetInput(digit(3)), [1, 32, 32, 1]);
    const reference = net.activations(x, ['C3.act'])['C3.act'] as tf.Tensor;
    const channelsLast = reference.dataSync();
    tf.dispose([x, reference]);
    const c3 = stages.C3;
    for (const [k, r, c] of [
      [0, 0, 0],
      [5, 3, 7],
      [15, 9, 9],
    ] as const) {
      expect(c3.values[k * 100 + r * 10 + c]).toBeCloseTo(channelsLast[(r * 10 + c) * 16 + k] as number, 5);
    }
  });

  test('leaves no tensors behind over 20 inferences', async () => {
    await inferLenet(net, digit(0)); // first pass: the backend's one-off allocations
    const left = await tensorsLeftBy(async () => {
      for (let k = 0; k < 20; k++) await inferLenet(net, digit(k));
    });
    expect(left).toBe(0);
  });
});

describe('inferLenet rejects what is not a 28×28 byte digit', () => {
  test('a wrong pixel count or a value outside 0…255 throws, leaving no tensors', async () => {
    const net = lenetNetwork('lenet5', readShippedWeights('lenet5').values);
    const left = await tensorsLeftBy(async () => {
      await expect(inferLenet(net, new Uint8Array(100))).rejects.toThrow(/784 pixels, got 100/);
      await expect(inferLenet(net, new Float32Array(784).fill(0.5))).rejects.toThrow(/pixel 0 is 0.5/);
    });
    net.dispose();
    expect(left).toBe(0);
  });
});

describe('loading the weight files', () => {
  test('fetchLenetWeights decodes what readShippedWeights reads from public/weights', async () => {
    const requests: string[] = [];
    const values = await fetchLenetWeights('lenet5_modern', '/weights/', diskFetch(requests));
    expect(requests).toEqual(['/weights/lenet5_modern.json', '/weights/lenet5_modern.bin']);
    expect(values).toEqual(readShippedWeights('lenet5_modern').values);
  });

  test('a missing file names its URL and status; a manifest of another model is refused', async () => {
    await expect(fetchLenetWeights('lenet5', '/nowhere/', diskFetch())).rejects.toThrow(
      'could not load /nowhere/lenet5.json (HTTP 404)',
    );
    const manifest: unknown = JSON.parse(readFileSync(join(weightsDir, 'lenet5.json'), 'utf8'));
    const bin = new Uint8Array(readFileSync(join(weightsDir, 'lenet5.bin')));
    expect(() => lenetWeightsFromFiles('lenet5_modern', manifest, bin)).toThrow(/holds weights of "lenet5"/);
    expect(() => lenetWeightsFromFiles('lenet5', manifest, bin.subarray(4))).toThrow(/bytes/);
  });
});

describe("job 'lenet-infer'", () => {
  test('fetches the weights once, keeps the network cached and classifies a test digit', async () => {
    const requests: string[] = [];
    const cache = new ModelCache();
    const job = lenetInferJob(cache, diskFetch(requests));
    const params = { model: 'lenet5' as const, weightsUrl: '/weights/', pixels: digit(1) };
    const first = await job.run(params, jobContext());
    expect(first.predicted).toBe(test2000.labels[1]);
    expect(first.model).toBe('lenet5');
    let again = first;
    const left = await tensorsLeftBy(async () => {
      again = await job.run({ ...params, pixels: digit(2) }, jobContext());
    });
    expect(left).toBe(0);
    expect(again.predicted).toBe(test2000.labels[2]);
    expect(requests).toEqual(['/weights/lenet5.json', '/weights/lenet5.bin']);
    expect(cache.size).toBe(1);
    cache.clear();
  });

  test('a failed fetch is retried on the next call; an unknown model is refused', async () => {
    let fail = true;
    const flaky: FetchBytes = async (url) =>
      fail ? { ok: false, status: 503, arrayBuffer: async () => new ArrayBuffer(0) } : diskFetch()(url);
    const cache = new ModelCache();
    const job = lenetInferJob(cache, flaky);
    const params = { model: 'lenet5' as const, weightsUrl: '/weights/', pixels: digit(0) };
    await expect(job.run(params, jobContext())).rejects.toThrow(/HTTP 503/);
    fail = false;
    expect((await job.run(params, jobContext())).predicted).toBe(test2000.labels[0]);
    await expect(job.run({ ...params, model: 'alexnet' as unknown as LenetModel }, jobContext())).rejects.toThrow(
      /no shipped weights for model "alexnet"/,
    );
    cache.clear();
  });

  test('is registered in the worker job registry', () => {
    expect(Object.keys(createJobs().jobs)).toContain('lenet-infer');
  });
});

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ComputeClient, JobFailed, JobSuperseded } from '../../../src/lib/worker/client.ts';
import { createComputeHost } from '../../../src/lib/worker/create-host.ts';
import { ComputeHost } from '../../../src/lib/worker/host.ts';
import { createJobs } from '../../../src/lib/compute/jobs/index.ts';
import type { JobRegistry } from '../../../src/lib/compute/jobs/kinds.ts';
import { createTfRuntime } from '../../../src/lib/compute/runtime.ts';
import { inThreadTransport } from '../../../src/lib/worker/transports.ts';

// The real host, real jobs and real TF.js backends, on this thread (the no-worker path).
// In Node there is no WebGPU and no canvas, so the ladder settles on WASM.
const wasmDir = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist/',
);
const client = new ComputeClient(
  inThreadTransport(async (post) => createComputeHost(post)),
  { preferred: null, wasmPath: wasmDir },
);
afterAll(() => client.dispose());

const tiny = {
  model: {
    resnetStyle: { depth: 8, width: 4, skip: true, bn: true, activation: 'relu', inputShape: [12, 12, 1], classes: 3 },
  },
  seed: 7,
} as const;
const centre = { layerId: 'stage1.block0.add', y: 6, x: 6 };

describe('compute runtime (host + client, no worker)', () => {
  it('walks the ladder WebGPU → WebGL → WASM and says why it skipped each', async () => {
    const ready = await client.ready;
    expect(ready.backend).toBe('wasm');
    expect(ready.skipped.map((s) => s.backend)).toEqual(['webgpu', 'webgl']);
    expect(ready.skipped[0]?.reason).toBe('this browser has no WebGPU');
    // No GPU was passed over for being emulated: WASM is simply the first that starts.
    expect(ready.choices.forward).toEqual({ backend: 'wasm', why: { basis: 'only' } });
  });

  it('runs an input-gradient job on WASM itself', async () => {
    const { result, meta } = await client.run('input-gradient', { ...tiny, unit: centre }).done;
    expect(meta.backend).toBe('wasm');
    expect(meta.fellBackFrom).toBeUndefined();
    expect(result.map).toHaveLength(12 * 12);
    expect(result.map.some((v) => v !== 0)).toBe(true);
  });

  it('runs a training job on WASM itself (no move to CPU)', async () => {
    const { result, meta } = await client.run('train-steps', { ...tiny, batch: 4, steps: 2 }).done;
    expect(meta.backend).toBe('wasm');
    expect(meta.fellBackFrom).toBeUndefined();
    expect(meta.fallbackReason).toBeUndefined();
    expect(result.losses).toHaveLength(2);
    expect(result.losses.every(Number.isFinite)).toBe(true);
    expect((await client.ready).backend).toBe('wasm');
  });

  it('streams progress for each training step', async () => {
    const seen: unknown[] = [];
    await client.run('train-steps', { ...tiny, batch: 2, steps: 3 }, { onProgress: (p) => seen.push(p) }).done;
    expect(seen.map((p) => (p as { step: number }).step)).toEqual([1, 2, 3]);
  });

  it('rejects a job that throws in the host with its message instead of hanging', async () => {
    const bad = client.run('input-gradient', { ...tiny, unit: { ...centre, y: 99 } }).done;
    await expect(bad).rejects.toThrow(JobFailed);
    await expect(bad).rejects.toThrow(/outside layer "stage1.block0.add"/);
    // @ts-expect-error: a kind no job has, as a page built against another worker might send
    await expect(client.run('no-such-job', {}).done).rejects.toThrow(/Unknown job kind "no-such-job"/);
  });

  it('a newer request on a channel supersedes the running one; the latest wins', async () => {
    const channel = client.channel();
    const first = channel.run('train-steps', { ...tiny, batch: 2, steps: 200 });
    const second = channel.run('forward', { ...tiny, batch: 1 });
    await expect(first).rejects.toThrow(JobSuperseded);
    const { result } = await second;
    expect(result.shape).toEqual([1, 3]);
  });

  it('a cancelled training job stops computing in the host, not only in the page', async () => {
    // The page drops progress once it cancels, so what it sees cannot tell whether the host
    // stopped. Count the steps the host's real training job actually reports instead.
    let hostSteps = 0;
    const { jobs } = createJobs();
    const train = jobs['train-steps']!;
    const counting: JobRegistry = {
      ...jobs,
      'train-steps': {
        ...train,
        run: (params, context) =>
          train.run(params, {
            ...context,
            progress: (progress) => {
              hostSteps += 1;
              context.progress(progress);
            },
          }),
      },
    };
    const counted = new ComputeClient(
      inThreadTransport(async (post) => new ComputeHost(counting, createTfRuntime(), post)),
      { preferred: null, wasmPath: wasmDir },
    );
    try {
      let pageSteps = 0;
      const job = counted.run(
        'train-steps',
        { ...tiny, batch: 2, steps: 500 },
        {
          onProgress: () => {
            pageSteps += 1;
            if (pageSteps === 2) counted.cancel(job.id);
          },
        },
      );
      await expect(job.done).rejects.toThrow(JobSuperseded);
      // The host runs one job at a time: this one starts only after the cancelled one has ended.
      await counted.run('forward', tiny).done;
      expect(pageSteps).toBe(2);
      expect(hostSteps).toBeGreaterThanOrEqual(2);
      expect(hostSteps).toBeLessThan(10);
    } finally {
      counted.dispose();
    }
  });

  it('100 jobs leak no tensor', async () => {
    await client.run('forward', tiny).done;
    await client.run('input-gradient', { ...tiny, unit: centre }).done;
    const before = await client.memory();
    for (let i = 0; i < 50; i++) {
      await client.run('forward', { ...tiny, dataSeed: i }).done;
      await client.run('input-gradient', { ...tiny, unit: centre, dataSeed: i }).done;
    }
    const after = await client.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
  });

  it('the same job gives the same numbers twice (deterministic)', async () => {
    const a = await client.run('forward', { ...tiny, batch: 2, dataSeed: 3 }).done;
    const b = await client.run('forward', { ...tiny, batch: 2, dataSeed: 3 }).done;
    expect(Array.from(a.result.values)).toEqual(Array.from(b.result.values));
  });
});

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComputeClient, failureCode, type Transport } from '../../../src/lib/worker/client.ts';
import { createComputeHost } from '../../../src/lib/worker/create-host.ts';
import { ComputeHost } from '../../../src/lib/worker/host.ts';
import { inThreadTransport } from '../../../src/lib/worker/transports.ts';
import type { BackendRuntime } from '../../../src/lib/compute/runtime.ts';
import type { WorkerResponse } from '../../../src/lib/worker/protocol.ts';

// The fault paths of the compute runtime with the real host, jobs and TF.js (WASM, in Node). A
// worker's breaking is the one thing Node cannot do for real: `breakable` wraps the real in-thread
// transport and reports a failure on demand, as a Worker's `error` event would.
const wasmPath = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist/',
);
const tiny = {
  model: {
    resnetStyle: { depth: 8, width: 4, skip: true, bn: true, activation: 'relu', inputShape: [12, 12, 1], classes: 3 },
  },
  seed: 7,
} as const;

interface Breakable extends Transport {
  fail(reason: string): void;
  readonly name: string;
}

function breakable(name: string, made: string[]): Breakable {
  made.push(name);
  const inner = inThreadTransport(async (post) => createComputeHost(post));
  let onFailure: (reason: string) => void = () => {};
  return {
    name,
    post: (m) => inner.post(m),
    onMessage: (h) => inner.onMessage(h),
    onFailure: (h) => (onFailure = h),
    terminate: () => inner.terminate(),
    fail: (reason) => onFailure(reason),
  };
}

describe('compute faults', () => {
  it('a worker that breaks after it was ready is replaced by a new worker, not by the main thread', async () => {
    const made: string[] = [];
    let current = breakable('worker 1', made);
    const client = new ComputeClient(current, {
      preferred: null,
      wasmPath,
      fallback: () => breakable('main thread', made),
      restart: () => (current = breakable(`worker ${made.length + 1}`, made)),
    });
    await client.ready;
    const inFlight = client.run('train-steps', { ...tiny, batch: 2, steps: 400 }).done;
    const first = current;
    first.fail('an uncaught exception');
    await expect(inFlight).rejects.toMatchObject({ code: 'worker-restarted' });
    expect(made).toEqual(['worker 1', 'worker 2']);
    expect(client.onMainThread).toBe(false);
    // Later jobs run in the new worker; the broken one's late words are ignored.
    const { meta } = await client.run('forward', tiny).done;
    expect(meta.backend).toBe('wasm');
    first.fail('a second report from the old worker');
    expect(made).toEqual(['worker 1', 'worker 2']);
    client.dispose();
  });

  it('a worker that breaks before it was ready hands over to the main thread, and jobs in flight are re-sent', async () => {
    const made: string[] = [];
    const first = breakable('worker 1', made);
    const client = new ComputeClient(first, {
      preferred: null,
      wasmPath,
      fallback: () => breakable('main thread', made),
      restart: () => breakable('worker again', made),
    });
    const job = client.run('forward', tiny).done;
    first.fail('the worker script could not load');
    const { meta } = await job;
    expect(meta.backend).toBe('wasm');
    expect(made).toEqual(['worker 1', 'main thread']);
    expect(client.onMainThread).toBe(true);
    client.dispose();
  });

  it('a failure outside any job leaves the jobs in flight running', async () => {
    let post: (m: WorkerResponse) => void = () => {};
    const inner = inThreadTransport(async (p) => {
      post = p;
      return createComputeHost(p);
    });
    const client = new ComputeClient(inner, { preferred: null, wasmPath });
    await client.ready;
    const job = client.run('train-steps', { ...tiny, batch: 2, steps: 3 }).done;
    post({ type: 'error', jobId: null, code: 'internal', message: 'a stray rejection in the worker' });
    const { result } = await job;
    expect(result.losses).toHaveLength(3);
    client.dispose();
  });

  it('when no backend can start, ready rejects and queued jobs are answered, not run', async () => {
    const failing: BackendRuntime = {
      ...({} as BackendRuntime),
      start: () => Promise.reject(new Error('No TF.js backend could start: wasm: failed to initialise')),
    };
    const ran: string[] = [];
    const jobs = {
      forward: {
        run: () => {
          ran.push('forward');
          return Promise.resolve({ values: new Float32Array(1), shape: [1] });
        },
      },
    };
    const transport = inThreadTransport(async (post) => new ComputeHost(jobs, failing, post));
    const client = new ComputeClient(transport, { preferred: null, wasmPath });
    const job = client.run('forward', { ...tiny, batch: 1 }).done;
    await expect(client.ready).rejects.toMatchObject({ code: 'no-backend' });
    await expect(job).rejects.toMatchObject({ code: 'no-backend' });
    expect(ran).toEqual([]);
    client.dispose();
  });

  it('errors cross with a code: a run the worker does not hold is run-missing, an unknown kind unknown-job', async () => {
    const client = new ComputeClient(
      inThreadTransport(async (post) => createComputeHost(post)),
      {
        preferred: null,
        wasmPath,
      },
    );
    const missing = client.run('lab-lesion', { runId: 'never-trained', lesions: [] }).done;
    await expect(missing).rejects.toMatchObject({ code: 'run-missing' });
    // @ts-expect-error: a kind no job has, as a page built against another worker might send
    const unknown = await client.run('no-such-job', {}).done.catch((e: unknown) => failureCode(e));
    expect(unknown).toBe('unknown-job');
    client.dispose();
  });
});

describe('the host', () => {
  it('keeps no cancel for a job that has already finished (a cancel that crossed its result)', async () => {
    const answered: WorkerResponse[] = [];
    const host = createComputeHost((message) => answered.push(message));
    host.handle({ type: 'init', preferred: null, wasmPath });
    host.handle({ type: 'run', jobId: 1, kind: 'forward', params: tiny });
    await expect.poll(() => answered.some((m) => m.type === 'result' && m.jobId === 1), { timeout: 30_000 }).toBe(true);
    host.handle({ type: 'cancel', jobId: 1 });
    expect(host.cancellationsHeld).toBe(0);
  });
});

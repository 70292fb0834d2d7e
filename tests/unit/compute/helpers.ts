/** Shared test setup for src/lib/compute: the CPU and WASM backends, seeded inputs, leak checks. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { useBackend, type BackendName } from '../../../src/lib/compute/backend.ts';
import { mulberry32 } from '../../../src/lib/math/rng.ts';
import * as tf from '../../../src/lib/compute/tf.ts';
import type { JobContext } from '../../../src/lib/compute/jobs/job.ts';

/** Where tfjs-backend-wasm's .wasm files are, for `useBackend('wasm', { wasmPath })` in Node. */
export const wasmPath = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist/',
);

/** Activates the WASM backend with the site's training kernels, as the page's worker runs it (call in beforeAll). */
export async function useWasm(): Promise<void> {
  tf.env().set('IS_TEST', true);
  if (!(await useBackend('wasm', { wasmPath }))) throw new Error('the wasm backend did not start');
}

/** Activates the CPU backend (call in beforeAll). Quiets TF.js's "install tfjs-node" notice. */
export async function useCpu(): Promise<void> {
  tf.env().set('IS_TEST', true);
  if (!(await useBackend('cpu'))) throw new Error('the cpu backend did not start');
}

/** A seeded batch [batch, h, w, c] with values uniform in [lo, hi). */
export function randomBatch(
  shape: readonly [number, number, number, number],
  seed: number,
  lo = -1,
  hi = 1,
): tf.Tensor4D {
  const rng = mulberry32(seed);
  const values = Float32Array.from(
    { length: shape[0] * shape[1] * shape[2] * shape[3] },
    () => lo + (hi - lo) * rng.uniform(),
  );
  return tf.tensor4d(values, [...shape]);
}

/** Runs `body` and returns how many tensors it left allocated (should be 0). */
export async function tensorsLeftBy(body: () => Promise<void> | void): Promise<number> {
  const before = tf.memory().numTensors;
  await body();
  return tf.memory().numTensors - before;
}

/** Reads a tensor's values and disposes it. */
export function take(t: tf.Tensor): Float32Array {
  const values = Float32Array.from(t.dataSync());
  t.dispose();
  return values;
}

/** A job context on the active backend that records progress messages into `progress`. */
export function jobContext(progress: unknown[] = []): JobContext {
  return {
    progress: (p) => progress.push(p),
    cancelled: () => false,
    checkpoint: async () => {},
    backend: tf.getBackend() as BackendName, // the one the file's beforeAll activated
  };
}

export { tf };

/**
 * src/lib/compute in Node, for headless experiments: the WASM backend with the site's training
 * kernels (as in the page's worker), or the CPU backend with its fast filter gradient; and the
 * site's MNIST split, read from public/data/ as the widgets fetch it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BackendName } from '../../src/lib/compute/backend.ts';
import type { JobContext } from '../../src/lib/compute/jobs/job.ts';
import type { MnistSplit } from '../../src/lib/data/mnist.ts';
import { readDigits, resolveTfjsForNode } from '../train-lenet.ts';
import { assetFiles, dataDir, mnistSplit } from '../mnist-asset.ts';
import type { ExperimentBackend } from './args.ts';

/** Starts `backend` for src/lib/compute in this process; throws when it cannot start. */
export async function startNodeBackend(backend: ExperimentBackend): Promise<void> {
  resolveTfjsForNode();
  const { useBackend } = await import('../../src/lib/compute/backend.ts');
  const tf = await import('../../src/lib/compute/tf.ts');
  tf.env().set('PROD', true); // no debug checks; no "install tfjs-node" hint
  const wasmPath = join(
    dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'dist/',
  );
  if (!(await useBackend(backend, { wasmPath }))) throw new Error(`the TF.js ${backend} backend did not start`);
  if (backend === 'cpu') {
    const { useFastCpuFilterGradient } = await import('../../src/lib/compute/training/cpu-filter-gradient.ts');
    useFastCpuFilterGradient();
  }
}

/**
 * The site's MNIST split (8,000 training and 2,000 test digits): the asset in public/data/ as the
 * widgets fetch it, or, in a fresh clone that has not built it yet, the same split made in memory
 * from the `mnist` package (the asset is its lossless encoding).
 */
export async function readMnistSplit(): Promise<MnistSplit> {
  if (!existsSync(join(dataDir, assetFiles.train)) || !existsSync(join(dataDir, assetFiles.test))) return mnistSplit();
  return { train: await readDigits('train'), test: await readDigits('test') };
}

/**
 * What a compute job needs from its host, in this process: progress goes to `onProgress`, nothing
 * cancels, and checkpoints only yield. Call after startNodeBackend.
 */
export async function nodeJobContext<G>(onProgress: (progress: G) => void = () => {}): Promise<JobContext<G>> {
  const tf = await import('../../src/lib/compute/tf.ts');
  return {
    progress: onProgress,
    cancelled: () => false,
    checkpoint: () => new Promise((resolve) => setImmediate(resolve)),
    backend: tf.getBackend() as BackendName,
  };
}

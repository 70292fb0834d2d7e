/** Shared setup of the training experiments' unit tests: the CPU backend and a few real digits. */
import { afterAll, beforeAll } from 'vitest';
import { mnistSplit } from '../../../scripts/mnist-asset.ts';
import { selectDigits, type MnistSplit } from '../../../src/lib/data/mnist.ts';
import { useFastCpuFilterGradient } from '../../../src/lib/compute/training/cpu-filter-gradient.ts';
import { useCpu, useWasm } from './helpers.ts';

/** Registers hooks that run the file's tests on the CPU backend with the fast filter gradient. */
export function trainOnCpu(): void {
  let restoreKernel: () => void = () => undefined;
  beforeAll(async () => {
    await useCpu();
    restoreKernel = useFastCpuFilterGradient();
  });
  afterAll(() => restoreKernel());
}

/** Registers a hook that runs the file's tests on the WASM backend, as the site's worker trains. */
export function trainOnWasm(): void {
  beforeAll(useWasm);
}

/** The first `train` training and first `test` held-out digits of the MNIST asset's split. */
export function firstDigits(train: number, test: number): MnistSplit {
  const first = (n: number) => Array.from({ length: n }, (_, i) => i);
  const full = mnistSplit();
  return { train: selectDigits(full.train, first(train)), test: selectDigits(full.test, first(test)) };
}

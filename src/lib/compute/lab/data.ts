/**
 * The lab's data: MNIST digits in LeNet-5's 32×32 field (background −0.1, ink 1.175, so inputs
 * have mean ≈ 0 and variance ≈ 1), the CIFAR networks' input size. Training uses the 8,000
 * training digits; test accuracy (lesions) a fixed prefix of the 2,000 held-out ones.
 */
import { lenetExamples } from '../../data/lenet-examples.ts';
import { selectDigits, type MnistSplit } from '../../data/mnist.ts';
import type { LabData } from './session.ts';

/**
 * Held-out digits the lesion study tests on by default: a 95% interval of about ±2.5% on an
 * accuracy near 90%, at a cost the study's dozens of evaluations can afford.
 */
export const LAB_TEST_COUNT = 500;

/** Lab examples from a split; `testCount` (≥ 1) of its test digits, in split order. */
export function labData(split: MnistSplit, testCount = LAB_TEST_COUNT): LabData {
  const count = Math.max(1, Math.min(testCount, split.test.count));
  const test = selectDigits(
    split.test,
    Array.from({ length: count }, (_, i) => i),
  );
  return { train: lenetExamples(split.train), test: lenetExamples(test) };
}

/**
 * The held-out test digits the drawing pad's picker offers, read at build time (Node only: the
 * component's frontmatter) from the MNIST asset in public/data/ and embedded in the page, so
 * picking one needs no download. Two of each class, in class order, the first of each class in
 * the seeded test split.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDigitsGzip } from '../../lib/data/mnist-codec.ts';
import { MNIST_ASSET_FILES } from '../../lib/data/mnist-fetch.ts';
import { MNIST_CLASSES, selectDigits, type DigitSet } from '../../lib/data/mnist.ts';

/**
 * Indices into `test` of its first `perClass` digits of each class, class 0 first:
 * [perClass × 10] indices.
 */
export function pickerIndices(test: DigitSet, perClass: number): number[] {
  const picked: number[] = [];
  for (let digit = 0; digit < MNIST_CLASSES; digit++) {
    let found = 0;
    for (let i = 0; i < test.count && found < perClass; i++) {
      if (test.labels[i] === digit) {
        picked.push(i);
        found++;
      }
    }
  }
  return picked;
}

let cached: Promise<DigitSet> | null = null;

/** The picker's digits (`count` / 10 per class) from public/data/ of the project being built. */
export function pickerDigits(count: number): Promise<DigitSet> {
  cached ??= (async () => {
    const file = join(process.cwd(), 'public', 'data', MNIST_ASSET_FILES.test);
    const test = await decodeDigitsGzip(new Uint8Array(readFileSync(file)), file);
    return selectDigits(test, pickerIndices(test, Math.ceil(count / MNIST_CLASSES)).slice(0, count));
  })();
  return cached;
}

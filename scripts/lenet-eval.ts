/**
 * `npm run lenet:eval` — evaluates the shipped LeNet-5 weights (public/weights/, written by
 * `npm run train:lenet`) on the 2,000 test digits of the site's MNIST split, reading both
 * through the same decoders the browser uses. Prints one line per model; the last line is
 * `lenet5 test accuracy: 0.xxxx`. Exits with 1 when a file is missing or damaged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWeights, parseWeightsManifest, type WeightsManifest } from '../src/lib/data/weights-file.ts';
import { loadCompute, readDigits, weightsDir } from './train-lenet.ts';

/** The models whose weights ship, in the order they are reported (lenet5 last). */
export const shippedModels = ['lenet5_modern', 'lenet5'] as const;

/** A model's shipped manifest and weight values by key, decoded and checked (no TF.js). */
export function readShippedWeights(
  model: string,
  dir = weightsDir,
): { manifest: WeightsManifest; values: Record<string, Float32Array> } {
  const file = `${model}.json`;
  const manifest = parseWeightsManifest(JSON.parse(readFileSync(join(dir, file), 'utf8')), file);
  if (manifest.model !== model) throw new Error(`${file} holds weights of "${manifest.model}", not "${model}"`);
  const values = decodeWeights(manifest, new Uint8Array(readFileSync(join(dir, manifest.bin))));
  return { manifest, values };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { build, evaluateClassifier } = await loadCompute();
  const { getModel } = await import('../src/lib/models/zoo.ts');
  const { lenetExamples } = await import('../src/lib/data/lenet-examples.ts');
  const test = lenetExamples(await readDigits('test'));
  for (const model of shippedModels) {
    const { values } = readShippedWeights(model);
    const net = build(getModel(model));
    net.setWeights(values);
    const { accuracy, correct, count } = await evaluateClassifier(net, test);
    net.dispose();
    console.error(`${model}: ${correct} of ${count} test digits right`);
    console.log(`${model} test accuracy: ${accuracy.toFixed(4)}`);
  }
}

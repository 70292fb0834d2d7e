/**
 * `npm run train:lenet` — trains the zoo's `lenet5` (LeCun et al. 1998: C3 connection table,
 * scaled tanh, trainable subsampling, RBF output) and `lenet5_modern` on the 8,000 training
 * digits of the site's MNIST split, on TF.js's CPU backend, and writes their weights to
 * public/weights/<model>.json + <model>.bin (format: src/lib/data/weights-file.ts).
 *
 *   npm run train:lenet                  both models, each in its own process (2 cores)
 *   node scripts/train-lenet.ts lenet5   one model
 *
 * Deterministic: the initial weights, the batch order and the augmentation shifts all come
 * from the recipe's seed, and the CPU backend computes in plain JavaScript, so the same
 * command gives the same files byte for byte. The manifest records the recipe and the test
 * accuracy; `npm run lenet:eval` re-measures it from the files.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeDigitsGzip } from '../src/lib/data/mnist-codec.ts';
import { MNIST_SPLIT_SEED, type DigitSet } from '../src/lib/data/mnist.ts';
import { encodeWeights } from '../src/lib/data/weights-file.ts';
import type { InitScheme } from '../src/lib/compute/init.ts';
import { assetFiles, dataDir } from './mnist-asset.ts';

/** Where the site serves its weight files from. */
export const weightsDir = fileURLToPath(new URL('../public/weights/', import.meta.url));

/** How one model is trained; written into its manifest. */
export interface Recipe {
  /** Seed of the initial weights, the batch order and the shifts. */
  readonly seed: number;
  readonly init: InitScheme;
  /**
   * Start value of the subsampling coefficients (S2, S4), or null to keep the init scheme's
   * random values. 1/4 makes each subsampling unit start as the mean of its 2×2 window, so
   * the scaled tanh after it starts in its linear range instead of saturating.
   */
  readonly subsampleCoefficient: number | null;
  readonly epochs: number;
  readonly batchSize: number;
  /** Peak η of the cosine schedule (src/lib/compute/training/schedule.ts). */
  readonly learningRate: number;
  readonly warmupEpochs: number;
  readonly momentum: number;
  readonly weightDecay: number;
  /** Training digits are shifted by up to this many pixels each way (data augmentation). */
  readonly maxShift: number;
}

/** The recipes of the shipped weights. */
export const recipes: Readonly<Record<string, Recipe>> = {
  lenet5: {
    seed: 1998,
    init: 'glorot',
    subsampleCoefficient: 0.25,
    epochs: 40,
    batchSize: 32,
    // Ten times lower than lenet5_modern's: the RBF output acts like a fixed output layer with
    // weights ±2 (−y_i = 2·c_i·x + terms equal for every class), so its logits, gradients and
    // curvature are ~10× larger than a freshly initialised dense layer's. At η ≥ 0.01 training
    // diverged (the tanh units saturate); 0.003–0.005 was stable.
    learningRate: 0.004,
    warmupEpochs: 1,
    momentum: 0.9,
    weightDecay: 0,
    maxShift: 2,
  },
  lenet5_modern: {
    seed: 1998,
    init: 'he',
    subsampleCoefficient: null,
    epochs: 20,
    batchSize: 32,
    learningRate: 0.05,
    warmupEpochs: 1,
    momentum: 0.9,
    weightDecay: 0,
    maxShift: 2,
  },
};

let hooked = false;

/**
 * Lets Node load src/lib/compute. Its tf.ts imports `@tensorflow/tfjs-core/dist/register_all_gradients`,
 * a file of tfjs-core's ES-module build, whose imports omit the ".js" extension: Vite and
 * Vitest resolve that, Node's loader does not. This hook retries such imports with ".js". The
 * module copy it loads registers the gradients in TF.js's global registry, which the CommonJS
 * build Node uses for everything else shares.
 */
export function resolveTfjsForNode(): void {
  if (hooked) return;
  hooked = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        const fromTfjs =
          specifier.startsWith('@tensorflow/') || (context.parentURL ?? '').includes('/node_modules/@tensorflow/');
        const code = (error as { code?: unknown }).code;
        if (!fromTfjs || (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_UNSUPPORTED_DIR_IMPORT')) throw error;
        return nextResolve(`${specifier}.js`, context);
      }
    },
  });
}

/** src/lib/compute on TF.js's CPU backend, with the fast filter-gradient kernel, for Node. */
export async function loadCompute() {
  resolveTfjsForNode();
  const compute = await import('../src/lib/compute/index.ts');
  const training = await import('../src/lib/compute/training/index.ts');
  const { Sgd } = await import('../src/lib/compute/sgd.ts');
  // PROD skips TF.js's debug checks; its "install tfjs-node" hint does not apply here.
  compute.tf.env().set('PROD', true);
  if (!(await compute.useBackend('cpu'))) throw new Error('the TF.js CPU backend did not start');
  training.useFastCpuFilterGradient();
  return { ...compute, ...training, Sgd };
}

/** One split of the MNIST asset in public/data/ (written by scripts/mnist-asset.ts). */
export async function readDigits(part: keyof typeof assetFiles): Promise<DigitSet> {
  const file = assetFiles[part];
  return decodeDigitsGzip(new Uint8Array(readFileSync(join(dataDir, file))), file);
}

/** Trains `model` by `recipe`, writes its weight files into `dir` and returns the test accuracy. */
export async function trainModel(model: string, recipe = recipes[model], dir = weightsDir): Promise<number> {
  if (recipe === undefined) throw new Error(`no recipe for "${model}"; models: ${Object.keys(recipes).join(', ')}`);
  const { build, Sgd, trainEpoch, evaluateClassifier, cosineLearningRate } = await loadCompute();
  const { getModel } = await import('../src/lib/models/zoo.ts');
  const { lenetExamples } = await import('../src/lib/data/lenet-examples.ts');
  const [train, test] = [await readDigits('train'), await readDigits('test')];

  const net = build(getModel(model), { init: recipe.init, seed: recipe.seed });
  if (recipe.subsampleCoefficient !== null) {
    const coefficient = recipe.subsampleCoefficient;
    net.setWeights(
      Object.fromEntries(
        net.plan
          .filter((w) => w.name === 'coefficient')
          .map((w) => [w.key, new Float32Array(w.size).fill(coefficient)]),
      ),
    );
  }
  const sgd = new Sgd({
    learningRate: recipe.learningRate,
    momentum: recipe.momentum,
    weightDecay: recipe.weightDecay,
  });
  const examples = lenetExamples(train, { maxShift: recipe.maxShift, seed: recipe.seed });
  const testExamples = lenetExamples(test);
  const stepsPerEpoch = Math.ceil(train.count / recipe.batchSize);
  const schedule = {
    peak: recipe.learningRate,
    warmupSteps: recipe.warmupEpochs * stepsPerEpoch,
    totalSteps: recipe.epochs * stepsPerEpoch,
  };
  const started = performance.now();
  for (let epoch = 0; epoch < recipe.epochs; epoch++) {
    const { meanLoss } = await trainEpoch(net, sgd, examples, {
      batchSize: recipe.batchSize,
      seed: recipe.seed,
      epoch,
      learningRate: (step) => cosineLearningRate(schedule, epoch * stepsPerEpoch + step),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`${model} epoch ${epoch + 1}/${recipe.epochs}: train loss ${meanLoss.toFixed(4)} (${seconds} s)`);
  }
  const result = await evaluateClassifier(net, testExamples);
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(`${model}: test accuracy ${result.accuracy.toFixed(4)} after ${minutes} min`);

  const shapes = Object.fromEntries(net.plan.map((w) => [w.key, w.shape]));
  const { manifest, bin } = encodeWeights(model, net.getWeights(), shapes, {
    command: 'npm run train:lenet',
    backend: 'cpu',
    data: {
      train: `public/data/${assetFiles.train}`,
      test: `public/data/${assetFiles.test}`,
      trainCount: train.count,
      testCount: test.count,
      splitSeed: MNIST_SPLIT_SEED,
      preprocessing: '28×28 centred in 32×32; background −0.1, ink 1.175 (src/lib/data/lenet-input.ts)',
    },
    loss: 'softmax cross-entropy; for RBF outputs the logits are the negative energies',
    schedule: 'linear warm-up, then cosine decay to 0, per step',
    recipe,
    testAccuracy: result.accuracy,
    testCorrect: result.correct,
  });
  mkdirSync(dir, { recursive: true });
  // One line per shape, so the manifest reads as a table of weights.
  const json = JSON.stringify(manifest, null, 2).replace(
    /\[\s+([0-9,\s]+?)\s+\]/g,
    (_, n: string) => `[${n.split(/,\s*/).join(', ')}]`,
  );
  writeFileSync(join(dir, `${model}.json`), `${json}\n`);
  writeFileSync(join(dir, manifest.bin), bin);
  console.log(`wrote ${relative(process.cwd(), join(dir, `${model}.json`))} and ${manifest.bin}`);
  sgd.dispose();
  net.dispose();
  return result.accuracy;
}

/** Runs `node scripts/train-lenet.ts <model>` for every model at once; rejects if any fails. */
async function trainAllInParallel(): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  const runs = Object.keys(recipes).map(
    (model) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [script, model], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`training ${model} exited with ${code}`)),
        );
      }),
  );
  await Promise.all(runs);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const models = process.argv.slice(2);
  if (models.length === 0) {
    await trainAllInParallel();
    console.log(
      `trained ${Object.keys(recipes).join(' and ')} in ${((performance.now() - started) / 60_000).toFixed(1)} min`,
    );
  } else {
    for (const model of models) await trainModel(model);
  }
}

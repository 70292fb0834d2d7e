/**
 * "Train it yourself": LeNet-5 trained from scratch in the reader's browser on the site's MNIST
 * asset. One run lives in the worker's LenetTrainStore between jobs: 'lenet-train' takes a chunk
 * of SGD steps and then measures test accuracy (the page loops chunks, so pause is simply not
 * asking for the next one); 'lenet-infer' with `trained` reads the run's current weights; and
 * 'lenet-train-reset' frees it. Needs weight gradients, so on WASM it runs on the CPU backend.
 */
import { lenetExamples, type LenetExamples } from '../../data/lenet-examples.ts';
import { selectDigits } from '../../data/mnist.ts';
import type { InitScheme } from '../init.ts';
import { build, type Network } from '../network.ts';
import { Sgd } from '../sgd.ts';
import { shuffledBatches } from '../training/batches.ts';
import { evaluateClassifier } from '../training/evaluate.ts';
import { RunStore, type MnistSource } from '../training/run-store.ts';
import { trainStep } from '../training/train-step.ts';
import { lenetSpec, type LenetModel } from './lenet-infer.ts';
import type { JobDefinition } from './job.ts';

/**
 * How each variant trains in the browser: the initialisation, subsampling start value, momentum
 * and peak learning rate of scripts/train-lenet.ts's recipes (which made the shipped weights),
 * at a constant rate after a short warm-up, since a reader's run is a few hundred steps.
 */
export const BROWSER_RECIPES: Readonly<
  Record<
    LenetModel,
    {
      readonly init: InitScheme;
      readonly subsampleCoefficient: number | null;
      readonly learningRate: number;
      readonly momentum: number;
    }
  >
> = {
  lenet5: { init: 'glorot', subsampleCoefficient: 0.25, learningRate: 0.004, momentum: 0.9 },
  lenet5_modern: { init: 'he', subsampleCoefficient: null, learningRate: 0.05, momentum: 0.9 },
};
/** Steps over which the learning rate ramps up linearly to its peak. */
export const WARMUP_STEPS = 20;
/** Digits of a training batch. */
export const TRAIN_BATCH = 32;
/** Seed of the initial weights, the batch order and the shifts. */
export const TRAIN_SEED = 1998;

export interface LenetTrainParams {
  /** Names the run; a new id with `resume` false starts a fresh run (freeing the previous one). */
  readonly runId: string;
  readonly model: LenetModel;
  /** Where the digits come from: the site's data directory, or a split given inline (tests). */
  readonly data: MnistSource;
  /** Steps in this chunk, 1…500. */
  readonly steps: number;
  /** True: continue run `runId`, which must exist. */
  readonly resume: boolean;
  /** Held-out digits the accuracy after the chunk is measured on, 10…2000. Default 500. */
  readonly testCount?: number;
  /** Digits per batch, 1…128. Default {@link TRAIN_BATCH}. */
  readonly batchSize?: number;
}

/** Streamed after every step. */
export interface LenetTrainStep {
  /** Steps done so far, counting this one. */
  readonly step: number;
  /** The batch's mean cross-entropy before the update, nats. */
  readonly loss: number;
  /** Wall time of the step, ms. */
  readonly ms: number;
}

export interface LenetTrainResult {
  readonly step: number;
  readonly steps: readonly LenetTrainStep[];
  /** Test accuracy 0–1 and mean loss (nats) after the chunk, on `testCount` held-out digits. */
  readonly test: { readonly accuracy: number; readonly loss: number; readonly count: number };
}

/** One training run: the network, its optimiser and where it is in its batches. */
export class LenetRun {
  readonly net: Network;
  readonly sgd: Sgd;
  step = 0;
  #batches: number[][] = [];
  #epoch = 0;

  readonly model: LenetModel;
  readonly train: LenetExamples;
  readonly test: LenetExamples;
  readonly batchSize: number;

  constructor(model: LenetModel, train: LenetExamples, test: LenetExamples, batchSize: number) {
    this.model = model;
    this.train = train;
    this.test = test;
    this.batchSize = batchSize;
    const recipe = BROWSER_RECIPES[model];
    this.net = build(lenetSpec(model), { init: recipe.init, seed: TRAIN_SEED });
    const coefficient = recipe.subsampleCoefficient;
    if (coefficient !== null) {
      this.net.setWeights(
        Object.fromEntries(
          this.net.plan
            .filter((w) => w.name === 'coefficient')
            .map((w) => [w.key, new Float32Array(w.size).fill(coefficient)]),
        ),
      );
    }
    this.sgd = new Sgd({ learningRate: recipe.learningRate, momentum: recipe.momentum });
  }

  /** One SGD step on the next batch; resolves to its loss. */
  async trainStep(): Promise<number> {
    if (this.#batches.length === 0)
      this.#batches = shuffledBatches(this.train.count, this.batchSize, TRAIN_SEED, this.#epoch++);
    const indices = this.#batches.shift()!;
    const peak = BROWSER_RECIPES[this.model].learningRate;
    const rate = peak * Math.min(1, (this.step + 1) / WARMUP_STEPS);
    const loss = await trainStep(this.net, this.sgd, this.train.batch(indices), rate);
    this.step++;
    return loss;
  }

  /** True once disposed, or when its network died with its backend. */
  get disposed(): boolean {
    return this.net.isDisposed;
  }

  dispose(): void {
    this.net.dispose();
    this.sgd.dispose();
  }
}

/** What a LeNet run is opened with. */
interface LenetRunConfig {
  readonly model: LenetModel;
  readonly batchSize: number;
}

/** The worker's LeNet training state: the digits (loaded once) and at most one run. */
export class LenetTrainStore extends RunStore<LenetRunConfig, LenetRun> {
  constructor() {
    super((config, split, testCount = split.test.count) => {
      const test = selectDigits(
        split.test,
        Array.from({ length: Math.min(testCount, split.test.count) }, (_, i) => i),
      );
      return new LenetRun(
        config.model,
        lenetExamples(split.train, { maxShift: 2, seed: TRAIN_SEED }),
        lenetExamples(test),
        config.batchSize,
      );
    });
  }
}

function checkInt(name: string, value: number, low: number, high: number): void {
  if (!Number.isInteger(value) || value < low || value > high) {
    throw new Error(`${name} must be a whole number in ${low}…${high}, got ${String(value)}`);
  }
}

/** 'lenet-train': a chunk of steps of run `runId` (opened when new), then its test accuracy. */
export function lenetTrainJob(
  store: LenetTrainStore,
): JobDefinition<LenetTrainParams, LenetTrainResult, LenetTrainStep> {
  return {
    needs: { weightGradients: true },
    async run(params, context) {
      checkInt('steps', params.steps, 1, 500);
      const testCount = params.testCount ?? 500;
      const batchSize = params.batchSize ?? TRAIN_BATCH;
      checkInt('testCount', testCount, 10, 2000);
      checkInt('batchSize', batchSize, 1, 128);
      lenetSpec(params.model);
      const run = params.resume
        ? store.get(params.runId)
        : await store.open(params.runId, { model: params.model, batchSize }, params.data, testCount);
      if (run.model !== params.model) throw new Error(`run "${params.runId}" trains ${run.model}, not ${params.model}`);
      const steps: LenetTrainStep[] = [];
      for (let i = 0; i < params.steps; i++) {
        await context.checkpoint();
        const started = performance.now();
        const loss = await run.trainStep();
        const step = { step: run.step, loss, ms: performance.now() - started };
        steps.push(step);
        context.progress(step);
      }
      await context.checkpoint();
      const evaluation = await evaluateClassifier(run.net, run.test);
      return {
        step: run.step,
        steps,
        test: { accuracy: evaluation.accuracy, loss: evaluation.loss, count: evaluation.count },
      };
    },
  };
}

/** 'lenet-train-reset': frees the run (the page's Reset). */
export function lenetTrainResetJob(
  store: LenetTrainStore,
): JobDefinition<Record<string, never>, { readonly reset: true }> {
  return {
    async run() {
      store.reset();
      return { reset: true };
    },
  };
}

/**
 * Networks that train side by side: the same batches, in the same order, each network with
 * its own optimiser state, so the curves differ only by what differs between the networks.
 * The skip-connection lab (plain, residual, shallow) and the ReLU-vs-tanh experiment share it.
 */
import type { RunOptions } from '../graph.ts';
import { perExampleCrossEntropy } from '../cross-entropy.ts';
import type { Network } from '../network.ts';
import type { Sgd } from '../sgd.ts';
import * as tf from '../tf.ts';
import { shuffledBatches } from './batches.ts';
import type { ExampleSource, LabelledBatch } from './examples.ts';

/** One network's numbers after one training step. */
export interface NetStep {
  /** Mean softmax cross-entropy of the batch before the update, nats. */
  readonly loss: number;
  /** Fraction of the batch classified correctly before the update, 0–1. */
  readonly accuracy: number;
}

/** One training step of every network of a run, on the same batch. */
export interface SideBySideStep<N extends string> {
  /** 1-based step count after this step. */
  readonly step: number;
  readonly learningRate: number;
  readonly nets: Readonly<Record<N, NetStep>>;
}

/** One network of a side-by-side step: how it runs (e.g. its switched-off shortcuts) and its optimiser. */
export interface SideBySideNet<N extends string> {
  readonly name: N;
  readonly net: Network;
  readonly sgd: Sgd;
  readonly run?: RunOptions;
}

/**
 * Full mini-batches of a training set, epoch after epoch, each epoch in a fresh seeded order
 * (a short last batch is dropped, so every step sees `batch` examples).
 */
export class BatchCycle {
  #order: number[][] = [];
  #epoch = 0;

  readonly #source: ExampleSource;
  readonly #batch: number;
  readonly #seed: number;

  constructor(source: ExampleSource, batch: number, seed: number) {
    if (source.count < batch) throw new Error(`training needs at least ${batch} examples, got ${source.count}`);
    this.#source = source;
    this.#batch = batch;
    this.#seed = seed;
  }

  /** The next batch of the run. */
  next(): LabelledBatch {
    if (this.#order.length === 0) {
      this.#order = shuffledBatches(this.#source.count, this.#batch, this.#seed, this.#epoch++).filter(
        (indices) => indices.length === this.#batch,
      );
    }
    return this.#source.batch(this.#order.shift() as number[]);
  }
}

/**
 * One SGD step of each of `nets` (in training mode, batch-norm statistics updated) on the same
 * `batch`, inputs [k, ...inputShape], labels of `classes` classes. Returns each network's loss
 * and accuracy before its update. Leaves no tensors behind.
 */
export async function trainSideBySide<N extends string>(
  nets: readonly SideBySideNet<N>[],
  batch: LabelledBatch,
  inputShape: readonly [number, number, number],
  learningRate: number,
  classes = 10,
): Promise<Record<N, NetStep>> {
  const k = batch.labels.length;
  const x = tf.tensor4d(batch.inputs, [k, ...inputShape]);
  const labels = tf.tensor1d(batch.labels, 'int32');
  const targets = tf.tidy(() => tf.cast(tf.oneHot(labels, classes), 'float32') as tf.Tensor2D);
  const results = {} as Record<N, NetStep>;
  try {
    for (const { name, net, sgd, run } of nets) {
      let correct: tf.Scalar | null = null;
      const result = net.gradients(
        x,
        (outputs) => {
          const logits = outputs[net.outputId] as tf.Tensor2D;
          correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')));
          return tf.mean(perExampleCrossEntropy(logits, targets));
        },
        { ...run, wrt: { weights: 'all' }, training: true, updateStats: true },
      );
      try {
        sgd.step(net, result.weights, learningRate);
        const packed = tf.tidy(() => tf.stack([result.value, correct ?? tf.scalar(Number.NaN)]));
        try {
          const [loss = Number.NaN, right = Number.NaN] = await packed.data(); // may reject (a lost context)
          results[name] = { loss, accuracy: right / k };
        } finally {
          packed.dispose();
        }
      } finally {
        result.dispose();
        tf.dispose(correct ?? []);
      }
    }
  } finally {
    tf.dispose([x, labels, targets]);
  }
  return results;
}

/**
 * Takes `steps` steps of `session` in order (a lab or ReLU-vs-tanh session), calling `onStep`
 * after each, and returns every step's record: the run an experiment then judges.
 */
export async function recordSteps<S>(
  session: { trainStep(): Promise<S> },
  steps: number,
  onStep?: (step: S) => void,
): Promise<S[]> {
  const history: S[] = [];
  for (let s = 0; s < steps; s++) {
    const step = await session.trainStep();
    history.push(step);
    onStep?.(step);
  }
  return history;
}

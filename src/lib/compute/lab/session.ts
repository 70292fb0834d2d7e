/**
 * A lab run in progress: the three networks of a {@link LabConfig}, their optimisers, the
 * data and the step count. It lives in the worker between jobs, so training can pause and
 * resume, and the lesion study and landscape slices see the trained weights.
 */
import { residualBlocks, allSkips, type SkipSwitches } from '../skips.ts';
import { build, type Network } from '../network.ts';
import { Sgd } from '../sgd.ts';
import type { RunOptions } from '../graph.ts';
import { perExampleCrossEntropy } from '../cross-entropy.ts';
import { shuffledBatches } from '../training/batches.ts';
import type { ExampleSource, LabelledBatch } from '../training/examples.ts';
import * as tf from '../tf.ts';
import { assertLabConfig, LAB_NETS, labLearningRate, type LabConfig, type LabNet } from './config.ts';
import { labSpec } from './spec.ts';

/** Labelled examples the lab trains and tests on, inputs [32, 32, 1]. */
export interface LabData {
  readonly train: ExampleSource;
  readonly test: ExampleSource;
}

/** One network's numbers after one training step. */
export interface NetStep {
  /** Mean softmax cross-entropy of the batch before the update, nats. */
  readonly loss: number;
  /** Fraction of the batch classified correctly before the update, 0–1. */
  readonly accuracy: number;
}

/** One training step of all three networks on the same batch. */
export interface LabStep {
  /** 1-based step count after this step. */
  readonly step: number;
  readonly learningRate: number;
  readonly nets: Readonly<Record<LabNet, NetStep>>;
}

/** How the residual net runs: with its identity shortcuts (the default) or without. */
export interface LabRunSwitches {
  /** False: the residual net runs (and trains) with every shortcut off, as a plain net. */
  readonly identity?: boolean;
}

export class LabSession {
  readonly config: LabConfig;
  readonly nets: Readonly<Record<LabNet, Network>>;
  #sgd: Record<LabNet, Sgd>;
  #data: LabData;
  #step = 0;
  #order: number[][] = [];
  #epoch = 0;

  /** Builds the three networks from one seed (the plain and residual nets start identical). */
  constructor(config: LabConfig, data: LabData) {
    assertLabConfig(config);
    if (data.train.count < config.batch) throw new Error(`the lab needs at least ${config.batch} training examples`);
    this.config = config;
    this.#data = data;
    const make = (net: LabNet): Network => build(labSpec(config, net), { init: 'he', seed: config.seed });
    const nets = { shallow: make('shallow'), plain: make('plain'), residual: make('residual') };
    this.nets = nets;
    const sgd = (): Sgd =>
      new Sgd({ learningRate: config.learningRate, momentum: config.momentum, weightDecay: config.weightDecay });
    this.#sgd = { shallow: sgd(), plain: sgd(), residual: sgd() };
  }

  /** Steps taken so far. */
  get step(): number {
    return this.#step;
  }

  get data(): LabData {
    return this.#data;
  }

  /**
   * How `net` runs: the plain nets with every shortcut off; the residual net with its
   * shortcuts unless `identity` is false.
   */
  runOptions(net: LabNet, switches: LabRunSwitches = {}): RunOptions {
    const skipsOn = net === 'residual' && switches.identity !== false;
    const skips: SkipSwitches | undefined = skipsOn ? undefined : allSkips(this.nets[net].spec, false);
    return skips === undefined ? {} : { skips };
  }

  /** The residual block ids of `net`, in order (stage1.block0, …). */
  blocks(net: LabNet): string[] {
    return residualBlocks(this.nets[net].spec).map((b) => b.block);
  }

  #nextBatch(): LabelledBatch {
    if (this.#order.length === 0) {
      this.#order = shuffledBatches(this.#data.train.count, this.config.batch, this.config.seed, this.#epoch++).filter(
        (indices) => indices.length === this.config.batch,
      );
    }
    return this.#data.train.batch(this.#order.shift() as number[]);
  }

  /** One SGD step of every network on the same batch. Leaves no tensors behind. */
  async trainStep(switches: LabRunSwitches = {}): Promise<LabStep> {
    const batch = this.#nextBatch();
    const learningRate = labLearningRate(this.config, this.#step);
    const k = batch.labels.length;
    const x = tf.tensor4d(batch.inputs, [k, 32, 32, 1]);
    const labels = tf.tensor1d(batch.labels, 'int32');
    const targets = tf.tidy(() => tf.cast(tf.oneHot(labels, 10), 'float32') as tf.Tensor2D);
    const results = {} as Record<LabNet, NetStep>;
    try {
      for (const name of LAB_NETS) {
        const net = this.nets[name];
        let correct: tf.Scalar | null = null;
        const result = net.gradients(
          x,
          (outputs) => {
            const logits = outputs[net.outputId] as tf.Tensor2D;
            correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')));
            return tf.mean(perExampleCrossEntropy(logits, targets));
          },
          { ...this.runOptions(name, switches), wrt: { weights: 'all' }, training: true, updateStats: true },
        );
        try {
          this.#sgd[name].step(net, result.weights, learningRate);
          const packed = tf.stack([result.value, correct ?? tf.scalar(Number.NaN)]);
          const [loss = Number.NaN, right = Number.NaN] = await packed.data();
          packed.dispose();
          results[name] = { loss, accuracy: right / k };
        } finally {
          result.dispose();
          tf.dispose(correct ?? []);
        }
      }
    } finally {
      tf.dispose([x, labels, targets]);
    }
    this.#step++;
    return { step: this.#step, learningRate, nets: results };
  }

  /** True once disposed, or when a network died with its backend (lost GPU context). */
  get disposed(): boolean {
    return LAB_NETS.some((name) => this.nets[name].isDisposed);
  }

  /** Frees the networks and optimiser state. */
  dispose(): void {
    for (const name of LAB_NETS) {
      this.#sgd[name].dispose();
      this.nets[name].dispose();
    }
  }
}

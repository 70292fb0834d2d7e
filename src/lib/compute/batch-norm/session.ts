/**
 * A batch-norm run in progress: the plain and the batch-norm network, their optimisers, the
 * batches, the held-out digits and the step count. It lives in the worker between jobs, so
 * training can pause and resume.
 */
import { build, type Network } from '../network.ts';
import { Sgd } from '../sgd.ts';
import type { LabData } from '../lab/session.ts';
import { evaluateClassifier } from '../training/evaluate.ts';
import { BatchCycle, trainSideBySide, type SideBySideStep } from '../training/side-by-side.ts';
import { assertBatchNormConfig, BATCH_NORM_NETS, type BatchNormConfig, type BatchNormNet } from './config.ts';
import { batchNormSpec } from './spec.ts';

/** A network's results on the held-out digits. */
export interface HeldOut {
  /** Fraction classified correctly, 0–1. */
  readonly accuracy: number;
  /** Mean softmax cross-entropy, nats. */
  readonly loss: number;
}

/** Both networks on the held-out digits, taken after a step. */
export interface BatchNormCheck {
  /** The plain net (it has no batch norm, so it has one mode). */
  readonly plain: HeldOut;
  /** The batch-norm net in eval mode: each layer normalised by its running mean and variance. */
  readonly bnEval: HeldOut;
  /** The batch-norm net in train mode: each test batch of `batch` digits normalised by its own statistics. */
  readonly bnTrain: HeldOut;
}

/** One training step of both networks on the same batch; every `evalEvery` steps, with a check. */
export type BatchNormStep = SideBySideStep<BatchNormNet> & { readonly check?: BatchNormCheck };

export class BatchNormSession {
  readonly config: BatchNormConfig;
  readonly nets: Readonly<Record<BatchNormNet, Network>>;
  readonly #data: LabData;
  #sgd: Record<BatchNormNet, Sgd>;
  #batches: BatchCycle;
  #step = 0;

  /** Builds both networks from one seed (Glorot init, as for sigmoid units). `data` holds inputs [32, 32, 1]. */
  constructor(config: BatchNormConfig, data: LabData) {
    assertBatchNormConfig(config);
    this.config = config;
    this.#data = data;
    this.#batches = new BatchCycle(data.train, config.batch, config.seed);
    const make = (net: BatchNormNet): Network =>
      build(batchNormSpec(config, net), { init: 'glorot', seed: config.seed });
    this.nets = { plain: make('plain'), bn: make('bn') };
    // Plain SGD, as in Ioffe & Szegedy's MNIST experiment: momentum would blur what BN does to the step size.
    const sgd = (): Sgd => new Sgd({ learningRate: config.learningRate, momentum: 0, weightDecay: 0 });
    this.#sgd = { plain: sgd(), bn: sgd() };
  }

  /** Steps taken so far. */
  get step(): number {
    return this.#step;
  }

  /** One SGD step of both networks on the same batch, then a check when due. Leaves no tensors behind. */
  async trainStep(): Promise<BatchNormStep> {
    const { learningRate, evalEvery } = this.config;
    const nets = BATCH_NORM_NETS.map((name) => ({ name, net: this.nets[name], sgd: this.#sgd[name] }));
    const results = await trainSideBySide(nets, this.#batches.next(), [32, 32, 1], learningRate);
    this.#step++;
    const step = { step: this.#step, learningRate, nets: results };
    return this.#step % evalEvery === 0 ? { ...step, check: await this.check() } : step;
  }

  /** Both networks on the held-out digits now: the plain one, and the batch-norm one in both modes. */
  async check(): Promise<BatchNormCheck> {
    const test = this.#data.test;
    const held = ({ accuracy, loss }: HeldOut): HeldOut => ({ accuracy, loss });
    const plain = held(await evaluateClassifier(this.nets.plain, test));
    const bnEval = held(await evaluateClassifier(this.nets.bn, test));
    const bnTrain = held(await evaluateClassifier(this.nets.bn, test, this.config.batch, { training: true }));
    return { plain, bnEval, bnTrain };
  }

  /** True once disposed, or when a network died with its backend (lost GPU context). */
  get disposed(): boolean {
    return BATCH_NORM_NETS.some((name) => this.nets[name].isDisposed);
  }

  /** Frees the networks and optimiser state. */
  dispose(): void {
    for (const name of BATCH_NORM_NETS) {
      this.#sgd[name].dispose();
      this.nets[name].dispose();
    }
  }
}

/**
 * A ReLU-vs-tanh run in progress: the two networks, their optimisers, the batches and the step
 * count. It lives in the worker between jobs, so training can pause and resume.
 */
import { build, type Network } from '../network.ts';
import { deriveSeed } from '../../math/rng.ts';
import { Sgd } from '../sgd.ts';
import type { ExampleSource } from '../training/examples.ts';
import { BatchCycle, trainSideBySide, type SideBySideStep } from '../training/side-by-side.ts';
import {
  assertReluTanhConfig,
  RELU_TANH_INIT,
  RELU_TANH_NETS,
  type ReluTanhConfig,
  type ReluTanhNet,
} from './config.ts';
import { reluTanhSpec } from './spec.ts';

/** One training step of both networks on the same batch. */
export type ReluTanhStep = SideBySideStep<ReluTanhNet>;

export class ReluTanhSession {
  readonly config: ReluTanhConfig;
  readonly nets: Readonly<Record<ReluTanhNet, Network>>;
  #sgd: Record<ReluTanhNet, Sgd>;
  #batches: BatchCycle;
  #step = 0;

  /**
   * Builds both networks from one seed, each with its own initialisation ({@link RELU_TANH_INIT}).
   * `train` holds inputs [32, 32, 1].
   */
  constructor(config: ReluTanhConfig, train: ExampleSource) {
    assertReluTanhConfig(config);
    this.config = config;
    this.#batches = new BatchCycle(train, config.batch, config.seed);
    const make = (net: ReluTanhNet): Network =>
      build(reluTanhSpec(config, net), { init: RELU_TANH_INIT[net], seed: config.seed });
    this.nets = { relu: make('relu'), tanh: make('tanh') };
    const sgd = (): Sgd => new Sgd({ learningRate: config.learningRate, momentum: config.momentum, weightDecay: 0 });
    this.#sgd = { relu: sgd(), tanh: sgd() };
  }

  /** Steps taken so far. */
  get step(): number {
    return this.#step;
  }

  /** One SGD step of both networks on the same batch (with dropout, the same masks). Leaves no tensors behind. */
  async trainStep(): Promise<ReluTanhStep> {
    const { learningRate, seed } = this.config;
    // One dropout seed per step for both nets: they drop the same units.
    const run = { dropoutSeed: deriveSeed(seed, `dropout-step${this.#step}`) };
    const nets = RELU_TANH_NETS.map((name) => ({ name, net: this.nets[name], sgd: this.#sgd[name], run }));
    const results = await trainSideBySide(nets, this.#batches.next(), [32, 32, 1], learningRate);
    this.#step++;
    return { step: this.#step, learningRate, nets: results };
  }

  /** True once disposed, or when a network died with its backend (lost GPU context). */
  get disposed(): boolean {
    return RELU_TANH_NETS.some((name) => this.nets[name].isDisposed);
  }

  /** Frees the networks and optimiser state. */
  dispose(): void {
    for (const name of RELU_TANH_NETS) {
      this.#sgd[name].dispose();
      this.nets[name].dispose();
    }
  }
}

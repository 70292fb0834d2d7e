/**
 * A lab run in progress: the three networks of a {@link LabConfig}, their optimisers, the
 * data and the step count. It lives in the worker between jobs, so training can pause and
 * resume, and the lesion study and landscape slices see the trained weights.
 */
import { residualBlocks, allSkips, type SkipSwitches } from '../skips.ts';
import { build, type Network } from '../network.ts';
import { Sgd } from '../sgd.ts';
import type { RunOptions } from '../graph.ts';
import { BatchCycle, trainSideBySide, type SideBySideStep } from '../training/side-by-side.ts';
import type { ExampleSource } from '../training/examples.ts';
import { recalibrateBatchNorm } from '../training/recalibrate.ts';
import { assertLabConfig, LAB_NETS, labLearningRate, type LabConfig, type LabNet } from './config.ts';
import { labSpec } from './spec.ts';

export type { NetStep } from '../training/side-by-side.ts';

/** Training batches whose statistics become the running ones before the nets run in inference mode. */
export const RECALIBRATION_BATCHES = 8;

/** Labelled examples the lab trains and tests on, inputs [32, 32, 1]. */
export interface LabData {
  readonly train: ExampleSource;
  readonly test: ExampleSource;
}

/** One training step of all three networks on the same batch. */
export type LabStep = SideBySideStep<LabNet>;

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
  #batches: BatchCycle;
  #step = 0;
  #calibratedAt = -1;

  /** Builds the three networks from one seed (the plain and residual nets start identical). */
  constructor(config: LabConfig, data: LabData) {
    assertLabConfig(config);
    this.config = config;
    this.#data = data;
    this.#batches = new BatchCycle(data.train, config.batch, config.seed);
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

  /** One SGD step of every network on the same batch. Leaves no tensors behind. */
  async trainStep(switches: LabRunSwitches = {}): Promise<LabStep> {
    const learningRate = labLearningRate(this.config, this.#step);
    const nets = LAB_NETS.map((name) => ({
      name,
      net: this.nets[name],
      sgd: this.#sgd[name],
      run: this.runOptions(name, switches),
    }));
    const results = await trainSideBySide(nets, this.#batches.next(), [32, 32, 1], learningRate);
    this.#step++;
    return { step: this.#step, learningRate, nets: results };
  }

  /**
   * Makes inference mode describe the nets as trained so far: every batch norm's running
   * statistics are recalibrated to the current weights (see recalibrate.ts), once per step
   * count. Call before testing, lesioning or slicing the nets. Without it a short run's running
   * statistics lag the weights, and test accuracy sits near chance while training accuracy climbs.
   */
  prepareInference(): void {
    if (this.#calibratedAt === this.#step) return;
    for (const name of LAB_NETS) {
      recalibrateBatchNorm(this.nets[name], this.#data.train, {
        batches: RECALIBRATION_BATCHES,
        batchSize: this.config.batch,
        run: this.runOptions(name),
      });
    }
    this.#calibratedAt = this.#step;
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

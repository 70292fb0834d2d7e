/**
 * Where the worker keeps a training experiment's state between jobs: the MNIST digits (loaded
 * once per page) and at most one run, so memory stays bounded however often a reader presses
 * Reset. The skip-connection lab, the ReLU-vs-tanh experiment and LeNet-5 training each keep one.
 */
import { fetchMnistSplit } from '../../data/mnist-fetch.ts';
import type { MnistSplit } from '../../data/mnist.ts';
import { JobError } from '../jobs/job.ts';

/** Where the digits come from: the site's data directory, or a split given inline (tests). */
export type MnistSource = { readonly base: string } | { readonly split: MnistSplit };

/** What a store holds: a run that owns tensors. */
export interface DisposableRun {
  /** True once disposed, or when its networks died with their backend (lost GPU context). */
  readonly disposed: boolean;
  dispose(): void;
}

/** Thrown when a job names a run this worker does not hold (reset, replaced, or lost with the GPU). */
export class RunMissing extends JobError {
  override readonly name = 'RunMissing';
  constructor(runId: string) {
    super(
      'run-missing',
      `the training run "${runId}" is no longer in this tab's compute worker (it was reset, replaced, ` +
        'or lost with the GPU context): press Reset, then Train',
    );
  }
}

/** One run of configuration type C at a time, built by `create` from the digits. */
export class RunStore<C, S extends DisposableRun> {
  #splits = new Map<string, Promise<MnistSplit>>();
  #run: { readonly id: string; readonly session: S } | null = null;

  readonly #create: (config: C, split: MnistSplit, testCount?: number) => S;

  constructor(create: (config: C, split: MnistSplit, testCount?: number) => S) {
    this.#create = create;
  }

  async #split(source: MnistSource): Promise<MnistSplit> {
    if ('split' in source) return source.split;
    let split = this.#splits.get(source.base);
    if (split === undefined) {
      split = fetchMnistSplit(source.base);
      this.#splits.set(source.base, split);
      split.catch(() => this.#splits.delete(source.base)); // a failed load may be retried
    }
    return split;
  }

  /** Starts run `id`, disposing the previous one. */
  async open(id: string, config: C, source: MnistSource, testCount?: number): Promise<S> {
    const split = await this.#split(source);
    this.reset();
    const session = this.#create(config, split, testCount);
    this.#run = { id, session };
    return session;
  }

  /** Run `id`, or null when this worker does not hold it. */
  find(id: string): S | null {
    const run = this.#run;
    if (run === null || run.id !== id || run.session.disposed) return null;
    return run.session;
  }

  /** Run `id`; throws {@link RunMissing} when this worker does not hold it. */
  get(id: string): S {
    const session = this.find(id);
    if (session === null) throw new RunMissing(id);
    return session;
  }

  /** Disposes the current run, if any. */
  reset(): void {
    try {
      this.#run?.session.dispose();
    } catch {
      // Its backend is already gone (lost GPU context): nothing left to free.
    }
    this.#run = null;
  }
}

/**
 * Where the worker keeps the lab's state between jobs: the digits (loaded once per page) and
 * at most one training run, so memory stays bounded however often a reader presses Reset.
 */
import { fetchMnistSplit } from '../../data/mnist-fetch.ts';
import type { MnistSplit } from '../../data/mnist.ts';
import type { LabConfig } from './config.ts';
import { labData } from './data.ts';
import { LabSession } from './session.ts';

/** Where the digits come from: the site's data directory, or a split given inline (tests). */
export type LabDataSource = { readonly base: string } | { readonly split: MnistSplit };

/** Thrown when a job names a run this worker does not hold (reset, replaced, or lost with the GPU). */
export class LabRunMissing extends Error {
  override readonly name = 'LabRunMissing';
  constructor(runId: string) {
    super(
      `the training run "${runId}" is no longer in this tab's compute worker (it was reset, replaced, ` +
        'or lost with the GPU context): press Reset, then Train',
    );
  }
}

export class LabStore {
  #splits = new Map<string, Promise<MnistSplit>>();
  #run: { readonly id: string; readonly session: LabSession } | null = null;

  async #split(source: LabDataSource): Promise<MnistSplit> {
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
  async open(id: string, config: LabConfig, source: LabDataSource, testCount?: number): Promise<LabSession> {
    const split = await this.#split(source);
    this.reset();
    const session = new LabSession(config, labData(split, testCount));
    this.#run = { id, session };
    return session;
  }

  /** Run `id`, or null when this worker does not hold it. */
  find(id: string): LabSession | null {
    const run = this.#run;
    if (run === null || run.id !== id || run.session.disposed) return null;
    return run.session;
  }

  /** Run `id`; throws {@link LabRunMissing} when this worker does not hold it. */
  get(id: string): LabSession {
    const session = this.find(id);
    if (session === null) throw new LabRunMissing(id);
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

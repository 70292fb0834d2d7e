/**
 * The training job of a side-by-side experiment: a chunk of steps of the run its store holds
 * (opened on the first chunk). The page loops chunks, so pause is simply not asking for the
 * next one. Every step is streamed as progress, with its wall time.
 */
import type { DisposableRun, MnistSource, RunStore } from '../training/run-store.ts';
import type { JobDefinition } from './job.ts';

export interface ChunkParams<C> {
  /** Names the run; a new id with `resume` false starts a fresh run. */
  readonly runId: string;
  readonly config: C;
  readonly data: MnistSource;
  /** Held-out digits kept for test accuracy. */
  readonly testCount?: number;
  /** Steps in this chunk, 1…1000. */
  readonly steps: number;
  /** False: continue run `runId`, which must exist. */
  readonly resume: boolean;
}

/** A step as streamed: the session's numbers and the wall time of the step (all networks), ms. */
export type Timed<T> = T & { readonly ms: number };

export interface ChunkResult<T> {
  /** The run's step count after the chunk. */
  readonly step: number;
  readonly steps: readonly Timed<T>[];
}

/** A chunked training job over `store`'s run; `trainStep` takes one step of every network. */
export function sideBySideTrainJob<C, S extends DisposableRun & { readonly step: number }, P extends ChunkParams<C>, T>(
  store: RunStore<C, S>,
  trainStep: (session: S, params: P) => Promise<T>,
): JobDefinition<P, ChunkResult<T>, Timed<T>> {
  return {
    needs: { weightGradients: true },
    async run(params, context) {
      if (!Number.isInteger(params.steps) || params.steps < 1 || params.steps > 1000) {
        throw new Error(`steps must be a whole number in 1…1000, got ${String(params.steps)}`);
      }
      const session = params.resume
        ? store.get(params.runId)
        : (store.find(params.runId) ?? (await store.open(params.runId, params.config, params.data, params.testCount)));
      const steps: Timed<T>[] = [];
      for (let i = 0; i < params.steps; i++) {
        await context.checkpoint();
        const started = performance.now();
        const step = await trainStep(session, params);
        const progress = { ...step, ms: performance.now() - started };
        steps.push(progress);
        context.progress(progress);
      }
      return { step: session.step, steps };
    },
  };
}

/** The reset job of a side-by-side experiment: frees its store's run (the page's Reset, or leaving the page). */
export function resetRunJob(store: { reset(): void }): JobDefinition<Record<string, never>, { readonly reset: true }> {
  return {
    async run() {
      store.reset();
      return { reset: true };
    },
  };
}

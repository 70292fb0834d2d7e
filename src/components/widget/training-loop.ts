/**
 * How a training widget drives its run in the worker: a loop of short chunked training jobs
 * (pause = stop asking for the next one, so it takes effect within a chunk), each streaming its
 * steps into the page's history, and the status line that reports it. The skip-connection lab
 * and the ReLU-vs-tanh experiment share it.
 */
import type { JobKind, JobParams, JobProgress, JobResult } from '../../lib/compute/jobs/index.ts';
import type { JobChannel } from '../../lib/worker/client.ts';
import type { JobMeta } from '../../lib/worker/protocol.ts';

/** The jobs that train in chunks: each resolves with the step its run has reached. */
export type ChunkedTrainingKind = {
  [K in JobKind]: JobResult<K> extends { readonly step: number } ? K : never;
}[JobKind];

/** A run's chunks, as a widget describes them. */
export interface ChunkedTraining<K extends ChunkedTrainingKind> {
  readonly channel: JobChannel;
  /** The chunked training job, e.g. 'lab-train'. */
  readonly kind: K;
  /** Where streamed steps go; its length is the page's step count. */
  readonly history: { readonly length: number; push(step: JobProgress<K>): void };
  readonly totalSteps: number;
  /** Steps per job. */
  readonly chunkSteps: number;
  /** The job's parameters for a chunk of `steps` steps; `resume` once the run has steps. */
  params(steps: number, resume: boolean): JobParams<K>;
  /** False stops the loop after the chunk in flight (pause, reset). */
  keepGoing(): boolean;
  /** After every streamed step. */
  onStep(): void;
  /** After every chunk: where it ran. */
  onMeta(meta: JobMeta): void;
}

/** Runs chunks until the run is finished or `keepGoing` says stop; rejects with the job's error. */
export async function trainInChunks<K extends ChunkedTrainingKind>(run: ChunkedTraining<K>): Promise<void> {
  const { history } = run;
  while (run.keepGoing() && history.length < run.totalSteps) {
    const steps = Math.min(run.chunkSteps, run.totalSteps - history.length);
    const { result, meta } = await run.channel.run(run.kind, run.params(steps, history.length > 0), {
      onProgress: (step) => {
        history.push(step);
        run.onStep();
      },
    });
    run.onMeta(meta);
    // K's result has a step (ChunkedTrainingKind), which TypeScript cannot see through the generic.
    if ((result as { readonly step: number }).step !== history.length)
      throw new Error(`the run is at step ${result.step}, the page at ${history.length}`);
  }
}

/**
 * `loop`, never twice at once. Train pressed right after Pause, while the paused loop's chunk is
 * still in flight, must not start a second loop: it would cancel that chunk in the worker while
 * the run there had already advanced ("the run is at step N, the page at N−1"), and the first
 * loop's error handling would stop the second. The loop in flight sees the reader's Train through
 * its `keepGoing` and goes on. Returns whether a new loop started.
 */
export function oneLoopAtATime(loop: () => Promise<void>): () => boolean {
  let inFlight = false;
  return () => {
    if (inFlight) return false;
    inFlight = true;
    void loop().finally(() => (inFlight = false));
    return true;
  };
}

/** The status line's words. */
export interface TrainingStatusStrings {
  trainingStatus(step: number, total: number, rate: string): string;
  finished(total: number): string;
  readonly paused: string;
}

/** "Step 12 of 300 · 4.2 steps/s", with "Paused." when not running; "Finished: …" at the end; '' before. */
export function trainingStatusText(
  history: { readonly length: number; stepsPerSecond(): number },
  totalSteps: number,
  running: boolean,
  t: TrainingStatusStrings,
): string {
  if (history.length === 0) return '';
  if (history.length >= totalSteps) return t.finished(totalSteps);
  const rate = history.stepsPerSecond().toFixed(1);
  return `${t.trainingStatus(history.length, totalSteps, rate)}${running ? '' : ` ${t.paused}`}`;
}

/** How often a training widget redraws its curves, table and status while steps stream in, ms (redraw.ts). */
export const TRAINING_REDRAW_MS = 250;

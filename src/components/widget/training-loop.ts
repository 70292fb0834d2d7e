/**
 * One chunk of a side-by-side training run in the worker (a short training job streaming its
 * steps into the page's history), and the status line that reports the run. The skip-connection
 * lab and the ReLU-vs-tanh experiment share it; TrainingRun (training-run.ts) loops the chunks.
 */
import type { JobKind, JobParams, JobProgress, JobResult } from '../../lib/compute/jobs/index.ts';
import type { JobChannel } from '../../lib/worker/client.ts';
import type { JobMeta } from '../../lib/worker/protocol.ts';
import { showJobMeta } from '../runtime/badge.ts';
import type { RuntimeStrings } from '../../i18n/strings.ts';

/** The jobs that train in chunks: each resolves with the step its run has reached. */
export type ChunkedTrainingKind = {
  [K in JobKind]: JobResult<K> extends { readonly step: number } ? K : never;
}[JobKind];

/** A run's chunks, as a widget describes them (a job whose params are a run id, the data, steps, resume and its settings). */
export interface ChunkedTraining<K extends ChunkedTrainingKind> {
  readonly channel: JobChannel;
  /** The chunked training job, e.g. 'lab-train'. */
  readonly kind: K;
  /** Where streamed steps go; its length is the page's step count. */
  readonly history: { readonly length: number; push(step: JobProgress<K>): void };
  readonly totalSteps: number;
  /** Steps per job. */
  readonly chunkSteps: number;
  /** The job's own parameters (its configuration); the chunk adds the run id, the data and the steps. */
  settings(): Omit<JobParams<K>, 'runId' | 'data' | 'steps' | 'resume'>;
  /** After every streamed step. */
  onStep(): void;
  /** After every chunk: where it ran. */
  onMeta(meta: JobMeta): void;
}

/** Where a training job finds the MNIST asset: public/data/ on this site. */
export function mnistData(): { readonly base: string } {
  return { base: new URL('/data/', location.href).href };
}

/**
 * The reporting every chunk of a page's run shares: a streamed step clears the status line and
 * schedules a redraw; the job's metadata (where it ran) goes to the backend badge.
 */
export function chunkReporting(
  status: HTMLElement,
  redraw: () => void,
  badge: HTMLElement,
  onMainThread: () => boolean,
  runtime: RuntimeStrings,
): { onStep(): void; onMeta(meta: JobMeta): void } {
  return {
    onStep: () => {
      status.textContent = '';
      redraw();
    },
    onMeta: (meta) => showJobMeta(badge, meta, onMainThread(), runtime),
  };
}

/** Trains the next chunk (at most `chunkSteps`, never past `totalSteps`) of run `runId`; rejects with the job's error. */
export async function trainChunk<K extends ChunkedTrainingKind>(run: ChunkedTraining<K>, runId: string): Promise<void> {
  const { history } = run;
  const steps = Math.min(run.chunkSteps, run.totalSteps - history.length);
  // Every chunked training job takes these four besides its settings (spread loses K's type).
  const params = { runId, data: mnistData(), steps, resume: history.length > 0, ...run.settings() } as JobParams<K>;
  const { result, meta } = await run.channel.run(run.kind, params, {
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

/**
 * The messages between the main thread and the compute worker. Everything crossing is plain,
 * structured-cloneable data (numbers, strings, typed arrays): no TF.js objects.
 */
import type { BackendName } from '../compute/backend.ts';
import type { WorkKind } from '../compute/backend-race.ts';
import type { JobErrorCode } from '../compute/jobs/job.ts';
import type { BackendBasis, KindChoice } from '../compute/runtime.ts';

/** Requests, main thread → worker. */
export type WorkerRequest =
  | {
      readonly type: 'init';
      /** Backend to try first (`?backend=`), or null for the normal ladder. */
      readonly preferred: BackendName | null;
      /** URL directory serving the WASM backend's .wasm files. */
      readonly wasmPath: string;
    }
  | {
      readonly type: 'run';
      readonly jobId: number;
      readonly kind: string;
      readonly params: unknown;
    }
  | { readonly type: 'cancel'; readonly jobId: number }
  /** Test hook: make the active WebGL context lose itself (WEBGL_lose_context). */
  | { readonly type: 'lose-context' }
  /** Test hook: an uncaught exception in the worker, outside any job (as a bug or a crash would). */
  | { readonly type: 'crash' }
  /** Reports tf.memory() so tests can check that jobs free what they allocate. */
  | { readonly type: 'memory'; readonly jobId: number };

/** Where and how a job ran: shown in the widget's backend badge. */
export interface JobMeta {
  /** The backend the job ran on. */
  readonly backend: BackendName;
  /** Set when the job could not run on the active backend and moved: that backend. */
  readonly fellBackFrom?: BackendName;
  /** Why it moved, in words for the badge ("WASM has no weight gradients"). */
  readonly fallbackReason?: string;
  /** Wall time of the job in the worker, in milliseconds. */
  readonly ms: number;
  /** Why the job's kind of work runs on the backend it was given (before any fallback). */
  readonly why?: BackendBasis;
  /** Set when the job had to be re-run after a lost GPU context. */
  readonly recoveredFromContextLoss?: boolean;
}

/** Responses, worker → main thread. */
export type WorkerResponse =
  | {
      readonly type: 'ready';
      readonly backend: BackendName;
      /** Backends tried before `backend` that failed to start, with the reason. */
      readonly skipped: readonly { readonly backend: BackendName; readonly reason: string }[];
      /** Where forward work and training run, and why (measured, software GPU, forced). */
      readonly choices: Readonly<Record<WorkKind, KindChoice>>;
    }
  | { readonly type: 'progress'; readonly jobId: number; readonly progress: unknown }
  | { readonly type: 'result'; readonly jobId: number; readonly result: unknown; readonly meta: JobMeta }
  | { readonly type: 'cancelled'; readonly jobId: number }
  /**
   * A failure. With a job id: that job failed. Without: the runtime could not start (code
   * 'no-backend'), or something outside any job failed (jobs in flight go on and answer for themselves).
   */
  | {
      readonly type: 'error';
      readonly jobId: number | null;
      readonly code: JobErrorCode;
      readonly message: string;
      readonly stack?: string;
    }
  | { readonly type: 'memory'; readonly jobId: number; readonly numTensors: number; readonly numBytes: number }
  /** The GPU context was lost and the backend rebuilt; pending jobs are re-run. */
  | { readonly type: 'context-restored'; readonly backend: BackendName };

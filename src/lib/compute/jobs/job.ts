/**
 * What a compute job is: plain parameters in, plain data out, run by the compute host on the
 * backend it picks. Jobs own their tensors: whatever they allocate beyond cached networks is
 * freed before they resolve.
 */
import type { BackendName } from '../backend.ts';

/** What a capability-sensitive job needs from its backend. */
export interface JobNeeds {
  /** ∂loss/∂weights of conv layers (Conv2DBackpropFilter; every backend the site uses has it). */
  readonly weightGradients?: boolean;
}

/** What a running job can ask of the host; `G` is what it streams as progress. */
export interface JobContext<G = unknown> {
  /** Streams a progress message to the caller. */
  progress(progress: G): void;
  /** True once the caller cancelled this job. */
  cancelled(): boolean;
  /**
   * Long jobs await this between steps. It yields to the event loop, so that messages (a cancel,
   * a newer request) are received even on backends whose reads never yield (CPU, WASM), and
   * throws JobCancelled once the job was cancelled.
   */
  checkpoint(): Promise<void>;
  /** The backend the job runs on. */
  readonly backend: BackendName;
}

/**
 * One kind of job: what it needs, and how to run it: parameters `P` in, result `R` out, progress
 * `G` streamed on the way (never: none).
 */
export interface JobDefinition<P = never, R = unknown, G = never> {
  readonly needs?: JobNeeds;
  run(params: P, context: JobContext<G>): Promise<R>;
}

/**
 * What kind of failure a job's error is, so the page reacts to a code rather than to wording:
 * - run-missing: the training run named is not in this worker (reset, replaced, lost);
 * - cancelled: the caller cancelled the job;
 * - context-lost: the GPU context died under the job;
 * - out-of-memory: the backend could not allocate;
 * - invalid-config: the parameters describe something that cannot be computed;
 * - worker-restarted: the worker stopped and a new one took over (its runs are gone);
 * - no-backend: no TF.js backend could start;
 * - unknown-job: no job of that kind;
 * - internal: anything else (a bug).
 */
export type JobErrorCode =
  | 'run-missing'
  | 'cancelled'
  | 'context-lost'
  | 'out-of-memory'
  | 'invalid-config'
  | 'worker-restarted'
  | 'no-backend'
  | 'unknown-job'
  | 'internal';

/** An error raised on purpose, with its code; the message stays for people. */
export class JobError extends Error {
  override readonly name: string = 'JobError';
  readonly code: JobErrorCode;
  constructor(code: JobErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Thrown by a job that noticed it was cancelled; the host answers 'cancelled'. */
export class JobCancelled extends JobError {
  override readonly name = 'JobCancelled';
  constructor(message: string) {
    super('cancelled', message);
  }
}

/** The code of any error a job can end with: its own, or one read off a backend's failure. */
export function jobErrorCode(error: unknown): JobErrorCode {
  if (error instanceof JobError) return error.code;
  const message = error instanceof Error ? error.message : String(error);
  if (/out of memory|failed to allocate|allocation failed|Array buffer allocation/i.test(message))
    return 'out-of-memory';
  if (/context (was )?lost|CONTEXT_LOST/i.test(message)) return 'context-lost';
  return 'internal';
}

/** Resolves on a later task (not a microtask), without setTimeout's clamping. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

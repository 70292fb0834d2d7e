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

/** What a running job can ask of the host. */
export interface JobContext {
  /** Streams a progress message to the caller. */
  progress(progress: unknown): void;
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

/** One kind of job: what it needs, and how to run it. */
export interface JobDefinition<P = never, R = unknown> {
  readonly needs?: JobNeeds;
  run(params: P, context: JobContext): Promise<R>;
}

/** Jobs by kind. */
export type JobRegistry = Readonly<Record<string, JobDefinition<never, unknown>>>;

/** Thrown by a job that noticed it was cancelled; the host answers 'cancelled'. */
export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
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

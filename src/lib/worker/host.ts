/**
 * The compute host: receives requests, runs jobs one at a time on the chosen backend, streams
 * progress, and answers every job with exactly one of result, cancelled or error. It runs inside
 * the worker, or on the main thread when no worker can start; it never imports TF.js itself, the
 * runtime and jobs it is given do.
 */
import type { BackendRuntime } from '../compute/runtime.ts';
import {
  JobCancelled,
  JobError,
  jobErrorCode,
  nextTask,
  type JobContext,
  type JobDefinition,
} from '../compute/jobs/job.ts';
import { isJobKind, type JobRegistry } from '../compute/jobs/kinds.ts';
import { backendForJob, tryOrder } from './backend-ladder.ts';
import type { JobMeta, WorkerRequest, WorkerResponse } from './protocol.ts';

type RunRequest = WorkerRequest & { type: 'run' };

/** Serves requests from one client. */
export class ComputeHost {
  #jobs: Partial<JobRegistry>;
  #post: (message: WorkerResponse) => void;
  #runtime: BackendRuntime;
  #queue: RunRequest[] = [];
  #cancelled = new Set<number>();
  #started: Promise<void> | null = null;
  /** Why the runtime could not start; queued jobs are answered with it instead of running. */
  #startFailure: string | null = null;
  #busy = false;
  /** The job running now, if any. */
  #running: number | null = null;

  /** `jobs`: the kinds this host serves (every kind, in the worker); a request for another is unknown-job. */
  constructor(jobs: Partial<JobRegistry>, runtime: BackendRuntime, post: (message: WorkerResponse) => void) {
    this.#jobs = jobs;
    this.#runtime = runtime;
    this.#post = post;
  }

  /** Handles one request; never throws (failures are posted back as errors). */
  handle(request: WorkerRequest): void {
    switch (request.type) {
      case 'init':
        this.#started = this.#runtime.start(tryOrder(request.preferred), request.wasmPath, request.preferred).then(
          (info) => this.#post({ type: 'ready', backend: info.backend, skipped: info.skipped, choices: info.choices }),
          (error: unknown) => {
            this.#startFailure = messageOf(error);
            this.#post({ type: 'error', jobId: null, code: 'no-backend', message: this.#startFailure });
          },
        );
        return;
      case 'run':
        this.#queue.push(request);
        void this.#pump();
        return;
      case 'cancel': {
        const queued = this.#queue.findIndex((r) => r.jobId === request.jobId);
        if (queued >= 0) {
          this.#queue.splice(queued, 1);
          this.#post({ type: 'cancelled', jobId: request.jobId });
        } else if (request.jobId === this.#running) {
          this.#cancelled.add(request.jobId);
        } // else: the job has finished; nothing to remember
        return;
      }
      case 'memory':
        this.#post({ type: 'memory', jobId: request.jobId, ...this.#runtime.memory() });
        return;
      case 'lose-context':
        this.#runtime.loseContext();
        return;
      case 'crash':
        setTimeout(() => {
          throw new Error('a deliberate uncaught exception in the compute worker (test hook)');
        }, 0);
        return;
    }
  }

  async #pump(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      await this.#started;
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
        if (this.#startFailure === null) await this.#runOne(next);
        else this.#post({ type: 'error', jobId: next.jobId, code: 'no-backend', message: this.#startFailure });
      }
    } finally {
      this.#busy = false;
    }
  }

  /** Job ids marked cancelled while running (none once those jobs have ended). */
  get cancellationsHeld(): number {
    return this.#cancelled.size;
  }

  async #runOne(request: RunRequest): Promise<void> {
    const { jobId } = request;
    this.#running = jobId;
    try {
      const job: JobDefinition<never, unknown, unknown> | undefined = isJobKind(request.kind)
        ? this.#jobs[request.kind]
        : undefined;
      if (!job) throw new JobError('unknown-job', `Unknown job kind "${request.kind}"`);
      let recovered = false;
      if (this.#runtime.contextLost()) recovered = await this.#recover();
      let outcome: { result: unknown; meta: JobMeta };
      try {
        outcome = await this.#execute(job, request);
      } catch (error) {
        // A job that died with the GPU context is re-run once on the rebuilt backend.
        if (!this.#runtime.contextLost()) throw error;
        recovered = await this.#recover();
        outcome = await this.#execute(job, request);
      }
      if (this.#cancelled.has(jobId)) this.#post({ type: 'cancelled', jobId });
      else {
        const meta = recovered ? { ...outcome.meta, recoveredFromContextLoss: true } : outcome.meta;
        this.#post({ type: 'result', jobId, result: outcome.result, meta });
      }
    } catch (error) {
      if (this.#cancelled.has(jobId)) this.#post({ type: 'cancelled', jobId });
      else
        this.#post({ type: 'error', jobId, code: jobErrorCode(error), message: messageOf(error), ...stackOf(error) });
    } finally {
      this.#cancelled.delete(jobId);
      this.#running = null;
    }
  }

  async #recover(): Promise<boolean> {
    await this.#runtime.restore();
    this.#post({ type: 'context-restored', backend: this.#runtime.active() });
    return true;
  }

  async #execute(
    job: JobDefinition<never, unknown, unknown>,
    request: RunRequest,
  ): Promise<{ result: unknown; meta: JobMeta }> {
    const active = this.#runtime.active();
    const preferred = this.#runtime.choiceFor(job.needs?.weightGradients ? 'train' : 'forward');
    const choice = backendForJob(preferred.backend, job.needs ?? {});
    const started = performance.now();
    if (choice.backend !== active) await this.#runtime.use(choice.backend);
    try {
      const context: JobContext = {
        backend: choice.backend,
        progress: (progress) => {
          if (!this.#cancelled.has(request.jobId)) this.#post({ type: 'progress', jobId: request.jobId, progress });
        },
        cancelled: () => this.#cancelled.has(request.jobId),
        checkpoint: async () => {
          await nextTask();
          if (this.#cancelled.has(request.jobId)) throw new JobCancelled(`Job ${request.jobId} was cancelled`);
        },
      };
      // The one unchecked step of the protocol: parameters as they arrive over the wire. Each job
      // validates what it reads (out-of-range values get an invalid-config error).
      const result = await job.run(request.params as never, context);
      const meta: JobMeta = {
        backend: choice.backend,
        ms: performance.now() - started,
        why: preferred.why,
        ...(choice.fellBackFrom ? { fellBackFrom: choice.fellBackFrom, fallbackReason: choice.reason ?? '' } : {}),
      };
      return { result, meta };
    } finally {
      if (choice.backend !== active) await this.#runtime.use(active);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stackOf(error: unknown): { stack?: string } {
  return error instanceof Error && error.stack ? { stack: error.stack } : {};
}

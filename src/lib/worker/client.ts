/**
 * The main-thread side of the compute runtime. Widgets get a `JobChannel` each: one live job
 * at a time, and a newer request supersedes (cancels) the older one, so the latest slider value
 * wins. Progress streams to a callback; a failure inside the worker rejects the job's promise
 * with its message, never leaving it hanging.
 */
import type { BackendName } from '../compute/backend.ts';
import type { JobMeta, WorkerRequest, WorkerResponse } from './protocol.ts';
import type { WorkKind } from '../compute/backend-race.ts';
import type { KindChoice } from '../compute/runtime.ts';
import type { JobErrorCode } from '../compute/jobs/job.ts';
import type { JobKind, JobParams, JobProgress, JobResult } from '../compute/jobs/kinds.ts';

/** How requests reach the compute host: a Worker, or the same host on the main thread. */
export interface Transport {
  post(message: WorkerRequest): void;
  /** Registers the one handler for responses. */
  onMessage(handler: (message: WorkerResponse) => void): void;
  /** Registers the handler for a transport that broke (a worker that failed to load or crashed). */
  onFailure(handler: (reason: string) => void): void;
  terminate(): void;
}

/** The runtime is up: the backend it settled on and the ones it skipped. */
export interface ReadyInfo {
  readonly backend: BackendName;
  readonly skipped: readonly { readonly backend: BackendName; readonly reason: string }[];
  /** Where forward work and training run, and why. */
  readonly choices: Readonly<Record<WorkKind, KindChoice>>;
  /** True when jobs run on the main thread because no worker could start. */
  readonly mainThread: boolean;
}

/** A finished job: its result and where it ran. */
export interface JobOutcome<R> {
  readonly result: R;
  readonly meta: JobMeta;
}

/** The rejection of a job that a newer request on the same channel replaced. Widgets ignore it. */
export class JobSuperseded extends Error {
  override readonly name = 'JobSuperseded';
}

/** The rejection of a job that failed in the worker; `message` is the worker's, `code` says what kind. */
export class JobFailed extends Error {
  override readonly name = 'JobFailed';
  readonly code: JobErrorCode;
  constructor(message: string, code: JobErrorCode = 'internal') {
    super(message);
    this.code = code;
  }
}

/** The code of a job's rejection (JobFailed's), or null for anything else. */
export function failureCode(error: unknown): JobErrorCode | null {
  return error instanceof JobFailed ? error.code : null;
}

/** Options for one job. */
export interface RunOptions<P> {
  readonly onProgress?: (progress: P) => void;
}

interface Pending {
  resolve(outcome: JobOutcome<unknown>): void;
  reject(error: Error): void;
  onProgress?: ((progress: unknown) => void) | undefined;
  request: WorkerRequest & { type: 'run' };
}

/** Settings the host needs at start-up. */
export interface ClientOptions {
  readonly preferred: BackendName | null;
  readonly wasmPath: string;
  /** Builds the main-thread transport if the first one fails before it is ready (no worker allowed). */
  readonly fallback?: () => Transport;
  /** Builds a fresh transport of the first kind (a new worker) when a ready one breaks (a crash). */
  readonly restart?: () => Transport;
  /** True when `transport` already runs the host on the main thread. */
  readonly mainThread?: boolean;
}

/** Talks to one compute host. Create it once per page and share it between widgets. */
export class ComputeClient {
  #transport: Transport;
  #options: ClientOptions;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #memoryWaiters = new Map<number, (m: { numTensors: number; numBytes: number }) => void>();
  #ready: Promise<ReadyInfo>;
  #resolveReady!: (info: ReadyInfo) => void;
  #rejectReady!: (error: Error) => void;
  /** True once the current transport's host said it is ready. */
  #transportReady = false;
  #restartListeners = new Set<(reason: string) => void>();
  #mainThread = false;
  #contextListeners = new Set<(backend: BackendName) => void>();

  constructor(transport: Transport, options: ClientOptions) {
    this.#transport = transport;
    this.#options = options;
    this.#mainThread = options.mainThread ?? false;
    this.#ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.#ready.catch(() => {}); // callers that await it see the rejection; nobody else must
    this.#connect(transport);
  }

  /** True while jobs run on the main thread (no worker could start), as of now. */
  get onMainThread(): boolean {
    return this.#mainThread;
  }

  /** Resolves once the host has picked a backend. */
  get ready(): Promise<ReadyInfo> {
    return this.#ready;
  }

  #connect(transport: Transport): void {
    this.#transportReady = false;
    transport.onMessage((message) => {
      if (transport === this.#transport) this.#receive(message);
    });
    transport.onFailure((reason) => {
      if (transport === this.#transport) this.#transportFailed(reason);
    });
    transport.post({ type: 'init', preferred: this.#options.preferred, wasmPath: this.#options.wasmPath });
  }

  #rejectAll(message: string, code: JobErrorCode): void {
    for (const [id, pending] of this.#pending) {
      pending.reject(new JobFailed(message, code));
      this.#pending.delete(id);
    }
  }

  #transportFailed(reason: string): void {
    const { fallback, restart } = this.#options;
    if (this.#transportReady && restart && !this.#mainThread) {
      // A worker that was working broke (an uncaught exception, a crash): start a new one. Whatever
      // it held (training runs, cached networks) is gone; the jobs in flight fail with a code that
      // says so, and later jobs run on the new worker.
      this.#transport.terminate();
      this.#transport = restart();
      this.#connect(this.#transport);
      this.#rejectAll(`The compute worker stopped (${reason}) and was restarted; start again.`, 'worker-restarted');
      for (const listener of this.#restartListeners) listener(reason);
      return;
    }
    if (!fallback || this.#mainThread) {
      this.#rejectAll(`The compute worker stopped: ${reason}`, 'internal');
      return;
    }
    // No worker here (old browser, strict CSP, a worker that never started): run the same host on
    // the main thread and re-send what was in flight.
    this.#transport.terminate();
    this.#mainThread = true;
    this.#transport = fallback();
    this.#connect(this.#transport);
    for (const pending of this.#pending.values()) this.#transport.post(pending.request);
  }

  #receive(message: WorkerResponse): void {
    switch (message.type) {
      case 'ready':
        this.#transportReady = true;
        this.#resolveReady({
          backend: message.backend,
          skipped: message.skipped,
          choices: message.choices,
          mainThread: this.#mainThread,
        });
        return;
      case 'progress':
        this.#pending.get(message.jobId)?.onProgress?.(message.progress);
        return;
      case 'result': {
        const pending = this.#pending.get(message.jobId);
        this.#pending.delete(message.jobId);
        pending?.resolve({ result: message.result, meta: message.meta });
        return;
      }
      case 'cancelled':
        this.#pending.delete(message.jobId);
        return;
      case 'error': {
        if (message.jobId !== null) {
          const pending = this.#pending.get(message.jobId);
          this.#pending.delete(message.jobId);
          pending?.reject(new JobFailed(message.message, message.code));
        } else if (message.code === 'no-backend') {
          // The runtime could not start: nothing will run (the host answers queued jobs the same way).
          this.#rejectReady(new JobFailed(message.message, 'no-backend'));
          this.#rejectAll(message.message, 'no-backend');
        } else {
          // A failure outside any job: the jobs in flight go on and answer for themselves.
          console.error(`compute worker: ${message.message}`);
        }
        return;
      }
      case 'memory':
        this.#memoryWaiters.get(message.jobId)?.({ numTensors: message.numTensors, numBytes: message.numBytes });
        this.#memoryWaiters.delete(message.jobId);
        return;
      case 'context-restored':
        for (const listener of this.#contextListeners) listener(message.backend);
        return;
    }
  }

  /** Starts job `kind` with `params`; resolves with its result and where it ran. */
  run<K extends JobKind>(
    kind: K,
    params: JobParams<K>,
    options: RunOptions<JobProgress<K>> = {},
  ): { id: number; done: Promise<JobOutcome<JobResult<K>>> } {
    const id = this.#nextId++;
    const request = { type: 'run', jobId: id, kind, params } as const;
    const done = new Promise<JobOutcome<JobResult<K>>>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: resolve as (o: JobOutcome<unknown>) => void,
        reject,
        onProgress: options.onProgress as ((p: unknown) => void) | undefined,
        request,
      });
    });
    this.#transport.post(request);
    return { id, done };
  }

  /** Cancels job `id`: its promise rejects with JobSuperseded; the host drops or stops it. */
  cancel(id: number): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    pending.reject(new JobSuperseded(`Job ${id} was superseded by a newer request`));
    this.#transport.post({ type: 'cancel', jobId: id });
  }

  /** A channel for one widget: one live job at a time, the latest request wins. */
  channel(): JobChannel {
    return new JobChannel(this);
  }

  /** tf.memory() in the host: live tensors and bytes. */
  memory(): Promise<{ numTensors: number; numBytes: number }> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#memoryWaiters.set(id, resolve);
      this.#transport.post({ type: 'memory', jobId: id });
    });
  }

  /** Test hook: makes the host's WebGL context lose itself. */
  loseContext(): void {
    this.#transport.post({ type: 'lose-context' });
  }

  /** Called with the reason after a broken worker was replaced by a new one (its runs are gone). */
  onRestart(listener: (reason: string) => void): () => void {
    this.#restartListeners.add(listener);
    return () => this.#restartListeners.delete(listener);
  }

  /** Test hook: an uncaught exception in the worker outside any job. */
  crash(): void {
    this.#transport.post({ type: 'crash' });
  }

  /** Called after the host rebuilt a lost GPU context. */
  onContextRestored(listener: (backend: BackendName) => void): () => void {
    this.#contextListeners.add(listener);
    return () => this.#contextListeners.delete(listener);
  }

  /** Rejects everything in flight and stops the host. */
  dispose(): void {
    for (const id of [...this.#pending.keys()]) this.cancel(id);
    this.#transport.terminate();
  }
}

/** One widget's job slot: a new `run` cancels the job still running. */
export class JobChannel {
  #client: ComputeClient;
  #current: number | null = null;

  constructor(client: ComputeClient) {
    this.#client = client;
  }

  /** Runs a job, superseding the previous one on this channel. */
  async run<K extends JobKind>(
    kind: K,
    params: JobParams<K>,
    options: RunOptions<JobProgress<K>> = {},
  ): Promise<JobOutcome<JobResult<K>>> {
    if (this.#current !== null) this.#client.cancel(this.#current);
    const { id, done } = this.#client.run(kind, params, options);
    this.#current = id;
    try {
      return await done;
    } finally {
      if (this.#current === id) this.#current = null;
    }
  }

  /** Cancels the running job, if any. */
  cancel(): void {
    if (this.#current !== null) this.#client.cancel(this.#current);
    this.#current = null;
  }
}

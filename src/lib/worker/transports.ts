/**
 * The two ways requests reach a compute host: a module Worker (the normal case), and the same
 * host on the main thread, for browsers or pages where no worker can start.
 */
import type { Transport } from './client.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/** Wraps a Worker. A worker that fails to load or throws at top level reports a failure. */
export function workerTransport(worker: Worker): Transport {
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => handler(e.data)),
    onFailure: (handler) => {
      worker.addEventListener('error', (e) => handler(e.message || 'the compute worker could not start'));
      worker.addEventListener('messageerror', () => handler('a message from the compute worker could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

/** A host as the in-thread transport sees it. */
export interface HostLike {
  handle(request: WorkerRequest): void;
}

/**
 * Runs a host on this thread. Messages are delivered on later tasks, in order, as with a
 * worker, so callers behave the same either way. `makeHost` may load the host lazily.
 */
export function inThreadTransport(makeHost: (post: (message: WorkerResponse) => void) => Promise<HostLike>): Transport {
  let onMessage: (message: WorkerResponse) => void = () => {};
  let onFailure: (reason: string) => void = () => {};
  let closed = false;
  const host = makeHost((message) => {
    if (!closed) setTimeout(() => onMessage(message), 0);
  });
  host.catch((error: unknown) => onFailure(error instanceof Error ? error.message : String(error)));
  return {
    post: (message) => {
      void host.then((h) => {
        if (!closed) setTimeout(() => h.handle(message), 0);
      });
    },
    onMessage: (handler) => (onMessage = handler),
    onFailure: (handler) => (onFailure = handler),
    terminate: () => (closed = true),
  };
}

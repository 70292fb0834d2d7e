/**
 * The compute worker's entry. Every failure, including one in an async job, is posted back as an
 * error message: an exception here must never leave the page waiting.
 */
import { createComputeHost } from './create-host.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
};

const post = (message: WorkerResponse): void => scope.postMessage(message);
const host = createComputeHost(post);

scope.addEventListener('message', (event) => {
  try {
    host.handle(event.data);
  } catch (error) {
    const jobId = event.data.type === 'run' ? event.data.jobId : null;
    post({ type: 'error', jobId, message: error instanceof Error ? error.message : String(error) });
  }
});

scope.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  post({ type: 'error', jobId: null, message: reason instanceof Error ? reason.message : String(reason) });
});

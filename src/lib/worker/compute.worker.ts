/**
 * The compute worker's entry. Every failure, including one in an async job, is posted back as an
 * error message: an exception here must never leave the page waiting.
 */
import { jobErrorCode } from '../compute/jobs/job.ts';
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
    post({
      type: 'error',
      jobId,
      code: jobErrorCode(error),
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

scope.addEventListener('unhandledrejection', (event) => {
  // Outside any job (each job's own failure is answered by the host): the jobs in flight go on.
  const reason: unknown = event.reason;
  post({
    type: 'error',
    jobId: null,
    code: 'internal',
    message: reason instanceof Error ? reason.message : String(reason),
  });
});

/**
 * A compute host wired to the real TF.js runtime and job registry. The worker entry and the
 * main-thread fallback both start here, so the two run the same code.
 */
import { createJobs } from '../compute/jobs/index.ts';
import { createTfRuntime } from '../compute/runtime.ts';
import { ComputeHost } from './host.ts';
import type { WorkerResponse } from './protocol.ts';

/** A host that answers through `post`. */
export function createComputeHost(post: (message: WorkerResponse) => void): ComputeHost {
  const runtime = createTfRuntime();
  const { jobs, cache, forgetTrainingRuns } = createJobs();
  // A rebuilt backend starts empty: networks cached on the old one are gone with it, and so is
  // every training run kept in the worker (its next job says so and the page offers a reset).
  runtime.onBackendReset((backend) => {
    cache.clear(`${backend}|`);
    forgetTrainingRuns();
  });
  return new ComputeHost(jobs, runtime, post);
}

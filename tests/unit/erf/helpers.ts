/** Shared setup for the ERF tests: a job context on the CPU backend, and the explorer's nets. */
import type { JobContext } from '../../../src/lib/compute/jobs/job.ts';
import { JobCancelled } from '../../../src/lib/compute/jobs/job.ts';
import type { ErfParams, ErfResult } from '../../../src/lib/compute/jobs/erf.ts';
import { erfJob } from '../../../src/lib/compute/jobs/erf.ts';

export { useCpu, tf } from '../compute/helpers.ts';

/** A job context that records progress and cancels after `cancelAfter` checkpoints. */
export function testContext(cancelAfter = Number.POSITIVE_INFINITY): JobContext & { progressed: unknown[] } {
  let checkpoints = 0;
  const progressed: unknown[] = [];
  return {
    progressed,
    progress: (p) => progressed.push(p),
    cancelled: () => checkpoints > cancelAfter,
    checkpoint: async () => {
      if (++checkpoints > cancelAfter) throw new JobCancelled('cancelled');
    },
    backend: 'cpu',
  };
}

/** Runs the 'erf' job on the CPU backend. */
export function runErf(params: ErfParams, context: JobContext = testContext()): Promise<ErfResult> {
  return erfJob().run(params, context);
}

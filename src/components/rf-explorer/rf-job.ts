/**
 * The explorer's 'erf' jobs in the compute worker, on one channel: a newer request supersedes the
 * running one, whose progress and result are then ignored. Shows the job's progress, errors and
 * backend badge, and sets the widget's `data-state` (computing, ready, error).
 */
import type { UiStrings } from '../../i18n/strings.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { measurement, rfJob, type RfMeasurement } from './rf-measurement.ts';
import type { RfShown } from './rf-readout.ts';
import type { RfModel } from './rf-reducer.ts';

/**
 * The job runner of `root` (an <rf-explorer>): the function that measures a model's networks,
 * superseding the job running (it resolves when its job ends or is superseded). `show` receives
 * the maps streamed and the finished result, with the last finished measurement (whose chart
 * later jobs of the same state reuse).
 */
export function rfJobs(
  root: HTMLElement,
  strings: Pick<UiStrings, 'rfExplorer' | 'runtime'>,
  show: (shown: RfShown, last: RfMeasurement | null) => void,
): (model: RfModel) => Promise<void> {
  const { rfExplorer: t, runtime } = strings;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const error = root.querySelector<HTMLElement>('[data-error]')!;
  const badge = root.querySelector<HTMLElement>('.backend-badge')!;
  const client = computeClient();
  const channel = client.channel();
  let last: RfMeasurement | null = null;
  let runs = 0;
  const settle = (state: 'ready' | 'error'): void => {
    status.textContent = '';
    root.dataset['state'] = state;
  };
  return async ({ state, plans }) => {
    const run = ++runs;
    const job = rfJob(state, plans, last);
    root.dataset['state'] = 'computing';
    status.textContent = runtime.computing;
    try {
      const { result, meta } = await channel.run('erf', job.params, {
        onProgress: (progress) => {
          if (run !== runs) return;
          status.textContent = t.progress(progress.done, progress.total);
          if (progress.maps) show({ maps: progress.maps, result: null }, last);
        },
      });
      if (run !== runs) return;
      if (!job.reusesChart) last = measurement(state, plans, result);
      show({ maps: [], result }, last);
      showJobMeta(badge, meta, client.onMainThread, runtime);
      error.hidden = true;
      settle('ready');
    } catch (e) {
      if (e instanceof JobSuperseded || run !== runs) return;
      error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
      error.hidden = false;
      settle('error');
    }
  };
}

/**
 * Fetching a recorded reference run from public/runs/ on the page. Loaded on demand, after the
 * widget has mounted: the first paint already drew the run from the build.
 */
import { parseRecordedRun, RecordedRunError } from '../../lib/data/recorded-run-file.ts';
import { replayRecordedRun, type Recording } from './recorded-run.ts';

/** Where the recorded runs are served (public/runs/). */
const RUNS_BASE = '/runs/';

/**
 * Fetches and checks public/runs/<experiment>.json, then replays it. Rejects with a
 * RecordedRunError (a missing file, an offline copy without it, a file of another layout).
 */
export async function fetchRecording<N extends string>(experiment: string, names: readonly N[]): Promise<Recording<N>> {
  let response: Response;
  try {
    response = await fetch(new URL(`${RUNS_BASE}${experiment}.json`, location.href));
  } catch {
    throw new RecordedRunError(`the recorded ${experiment} run could not be loaded`);
  }
  if (!response.ok)
    throw new RecordedRunError(`the recorded ${experiment} run could not be loaded (${response.status})`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new RecordedRunError(`the recorded ${experiment} run is not JSON`);
  }
  return replayRecordedRun(parseRecordedRun(json, experiment, names), names);
}

/**
 * A recorded reference run read at build time, from public/runs/ in the project (the page's
 * first paint draws it before any script runs). Server only: it reads the file system.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecordedRun } from '../../lib/data/recorded-run-file.ts';
import { replayRecordedRun, type Recording } from './recorded-run.ts';

/** public/runs/<experiment>.json, checked and replayed; throws (failing the build) when it is missing or malformed. */
export function readRecording<N extends string>(experiment: string, names: readonly N[]): Recording<N> {
  const file = join(process.cwd(), 'public', 'runs', `${experiment}.json`);
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return replayRecordedRun(parseRecordedRun(json, experiment, names), names);
}

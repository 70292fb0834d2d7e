/**
 * A recorded reference run on the page (see src/lib/data/recorded-run.ts), replayed
 * into a SideBySideHistory so the widget's own series, summary and
 * table functions read it as they read the live run, and drawn as faint curves behind the live
 * ones.
 */
import { recordedSteps, type RecordedRun } from '../../lib/data/recorded-run.ts';
import type { LineSeries } from '../../lib/viz/line-chart.ts';
import { SideBySideHistory } from './training-history.ts';
import type { RecordedRunStrings } from '../../i18n/strings.ts';

/** Steps between rows of a recorded run's Data table. */
export const RECORDED_ROW_EVERY = 20;

/** A recorded run and its steps as a history. */
export interface Recording<N extends string> {
  readonly run: RecordedRun;
  readonly history: SideBySideHistory<N>;
}

/** `run`'s steps pushed into a history of the networks `names` (each step timed 0 ms). */
export function replayRecordedRun<N extends string>(run: RecordedRun, names: readonly N[]): Recording<N> {
  const history = new SideBySideHistory(names);
  for (const step of recordedSteps<N>(run)) history.push({ ...step, ms: 0 });
  return { run, history };
}

/** `series` of a recorded run, drawn faintly behind the live ones and left out of the legend. */
export function asRecordedSeries(series: readonly LineSeries[]): LineSeries[] {
  return series.map((s) => ({ ...s, className: `${s.className} lc-recorded`, legend: false }));
}

/** A chart's step axis: the run's length, or the recorded run's when it is drawn and longer. */
export function stepDomainEnd(totalSteps: number, shown: Recording<string> | null): number {
  return Math.max(totalSteps, shown?.run.steps ?? 0);
}

/**
 * A widget's recorded run as it arrives: null until fetched (on demand, after mount), then the
 * run, or the reason there is none (a missing file, an offline copy, a failed chunk).
 */
export class RecordedRunSlot<N extends string> {
  recording: Recording<N> | null = null;
  problem: string | null = null;
  readonly #experiment: string;
  readonly #names: readonly N[];

  constructor(experiment: string, names: readonly N[]) {
    this.#experiment = experiment;
    this.#names = names;
  }

  /** Fetches the run; settles (never rejects) once `recording` or `problem` is set. */
  async load(): Promise<void> {
    try {
      const { fetchRecording } = await import('./recorded-run-fetch.ts');
      this.recording = await fetchRecording(this.#experiment, this.#names);
    } catch (e) {
      this.problem = e instanceof Error ? e.message : String(e);
    }
  }

  /** The note under the charts: `describe(recording)` once it is here, why it is missing (in the words of `t`), or null while it loads. */
  note(describe: (recording: Recording<N>) => string, t: RecordedRunStrings): string | null {
    if (this.problem !== null) return t.unavailable(this.problem);
    return this.recording === null ? null : describe(this.recording);
  }
}

/**
 * What the LeNet-5 training panel shows (button labels and states, the weights note, the status
 * line) as a pure function of the page's record of the reader's run and the run's state.
 * training-panel.ts keeps the record and reconciles the DOM with this. No DOM, so it is
 * unit-tested in Node.
 */
import type { LenetLiveStrings } from '../../i18n/strings.ts';
import { formatPercent, TRAIN_TOTAL_STEPS, type TrainingPoint } from './plan.ts';

/** What the page keeps of the run that the panel shows. */
export interface TrainingRecord {
  /** One point per finished chunk, in step order. */
  readonly points: readonly TrainingPoint[];
  /** Whether the reader asked the pad to read with the run's weights. */
  readonly useTrained: boolean;
}

/** Steps a run has reached after the chunks `points` (0 before the first chunk). */
export function stepsDone(points: readonly TrainingPoint[]): number {
  return points.at(-1)?.step ?? 0;
}

/** The run's state as the panel needs it: a TrainingRun, or its values. */
export interface RunState {
  /** The reader wants it training. */
  readonly running: boolean;
  /** A loop is still in flight (after Pause, until its last chunk is in). */
  readonly looping: boolean;
  /** The run the worker holds, or null (before the first Train, after Reset). */
  readonly runId: string | null;
}

/** What the training panel shows. */
export interface TrainingPanelView {
  readonly trainLabel: string;
  readonly trainDisabled: boolean;
  readonly resetDisabled: boolean;
  readonly useDisabled: boolean;
  /** The use-my-weights button's aria-pressed. */
  readonly usePressed: boolean;
  readonly weightsNote: string;
  readonly status: string;
}

/** The panel for `record` while the run is in state `run`, worded by `t`. */
export function trainingPanelView(t: LenetLiveStrings, record: TrainingRecord, run: RunState): TrainingPanelView {
  const { points } = record;
  const step = stepsDone(points);
  const done = step >= TRAIN_TOTAL_STEPS;
  const accuracy = formatPercent(points.at(-1)?.accuracy ?? 0);
  // After Pause the chunk in flight still finishes: the button waits for it. A run held out of
  // view is training as far as the reader is concerned: its button pauses it.
  const training = run.running || run.looping;
  const hasRun = run.runId !== null;
  // The pad reads with the run's weights while the reader wants it and the worker holds the run.
  const trained = record.useTrained && hasRun;
  return {
    trainLabel: training ? t.pause : points.length === 0 ? t.train : t.resume,
    trainDisabled: run.running ? false : run.looping || done,
    resetDisabled: !hasRun,
    useDisabled: points.length === 0,
    usePressed: trained,
    weightsNote: trained ? t.usingTrained(step) : t.usingShipped,
    status:
      points.length === 0
        ? ''
        : done
          ? t.finished(TRAIN_TOTAL_STEPS, accuracy)
          : `${t.trainingStatus(step, TRAIN_TOTAL_STEPS, accuracy)}${training ? '' : ` ${t.paused}`}`,
  };
}

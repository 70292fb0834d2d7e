/**
 * The lab's training curves: loss and accuracy of the three nets over the faint curves of the
 * recorded reference run (when it is this configuration's), the verdict line, the recorded run's
 * note and the history table. Redrawn whole, or a few times a second while steps stream in.
 */
import type { RecordedRunStrings, SkipLabStrings } from '../../i18n/strings.ts';
import { LAB_NETS } from '../../lib/compute/lab/config.ts';
import { RecordedRunSlot } from '../widget/recorded-run.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { atMostEvery } from '../widget/redraw.ts';
import { fillRows } from '../widget/table-rows.ts';
import { TRAINING_REDRAW_MS } from '../widget/training-loop.ts';
import { curveChart, type CurveMetric } from './charts.ts';
import type { TrainingHistory } from './history.ts';
import { degradationSummary, historyRows, recordedNote, showsRecording } from './plan.ts';
import type { LabSettings } from './settings-state.ts';

/** The curves' part the widget drives. */
export interface CurvesView {
  /** Redraws both charts, the verdict, the note and the table now. */
  draw(): void;
  /** Redraws them soon: at most every TRAINING_REDRAW_MS, a frame per chart, then one for the rest and `after`. */
  schedule(): void;
}

/**
 * The curves of the widget `root` (`[data-chart=loss|accuracy]`, `[data-verdict]`,
 * `[data-recorded-note]`, `[data-history-table]`) for `history` under the current `settings`;
 * `after` runs with each scheduled redraw's last frame (the status line). Fetches the recorded
 * run and redraws once it is here (or is not).
 */
export function curvesView(
  root: HTMLElement,
  strings: { readonly skipLab: SkipLabStrings; readonly recordedRun: RecordedRunStrings },
  history: TrainingHistory,
  settings: () => LabSettings,
  after: () => void,
): CurvesView {
  const { skipLab: t, recordedRun } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const verdict = q<HTMLElement>('[data-verdict]');
  const note = q<HTMLElement>('[data-recorded-note]');
  /** The recorded reference run, once fetched; or why it could not be. */
  const recorded = new RecordedRunSlot('degradation', LAB_NETS);

  const drawChart = (metric: CurveMetric): void => {
    const { state, config } = settings();
    const recording = showsRecording(recorded.recording, state, config) ? recorded.recording : null;
    patchMarkup(q(`[data-chart="${metric}"]`), curveChart(t, metric, history, recording, config, state.identity));
  };
  const drawSummary = (): void => {
    const { state, config } = settings();
    note.textContent =
      recorded.note((r) => recordedNote(t, recordedRun, r, state, config), recordedRun) ?? note.textContent;
    verdict.textContent = degradationSummary(t, history, config);
    fillRows(q('[data-history-table]'), historyRows(history));
  };
  const draw = (): void => {
    drawChart('loss');
    drawChart('accuracy');
    drawSummary();
  };
  // The page's first paint already drew the recorded run; redraw once it is here (or is not).
  void recorded.load().then(draw);

  return {
    draw,
    schedule: atMostEvery(
      TRAINING_REDRAW_MS,
      () => drawChart('loss'),
      () => drawChart('accuracy'),
      () => {
        drawSummary();
        after();
      },
    ),
  };
}

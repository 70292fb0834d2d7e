/**
 * The interactive part of <relu-tanh>, loaded when the widget nears the viewport. Training
 * runs as a loop of short 'relu-tanh-train' jobs (pause = stop asking for the next one, so it
 * takes effect within a chunk), each streaming its steps into the history; plan.ts words and
 * tabulates the curves, the line-chart renderer draws them.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import { RELU_TANH_NETS } from '../../lib/compute/relu-tanh/config.ts';
import { reluTanhSchema, type ReluTanhState } from '../../lib/state/schemas/relu-tanh.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { RecordedRunSlot } from '../widget/recorded-run.ts';
import { fillRows } from '../widget/table-rows.ts';
import { SideBySideHistory } from '../widget/training-history.ts';
import { TRAINING_REDRAW_MS, trainingStatusText } from '../widget/training-loop.ts';
import { renderRunControls, sideBySideRun } from '../widget/side-by-side-run.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { atMostEvery } from '../widget/redraw.ts';
import {
  CHUNK_STEPS,
  errorChart,
  recordedNote,
  reluTanhConfig,
  reluTanhHistoryRows,
  reluTanhSummary,
  summaryRows,
} from './plan.ts';

export interface MountOptions {
  readonly initial: Partial<ReluTanhState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: ReluTanhState) => void;
}

/** Settings fixed for a run (the target only words the summary, so it may change at any time). */
const RUN_SETTINGS = ['width', 'batch', 'lr', 'momentum', 'steps'] as const;

/** The UI strings this client uses, in the page's language. */
export type ReluTanhUi = Pick<UiStrings, 'reluTanh' | 'runtime' | 'recordedRun'>;

/** Wires one <relu-tanh> element. Nothing trains until the reader presses Train. */
export function mountReluTanh(root: HTMLElement, options: MountOptions, strings: ReluTanhUi): void {
  const { reluTanh: t, runtime, recordedRun } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const inputs = RUN_SETTINGS.map((key) => [key, q<HTMLInputElement>(`[data-input="${key}"]`)] as const);
  const targetInput = q<HTMLInputElement>('[data-input="target"]');
  const dropoutInput = q<HTMLInputElement>('[data-input="dropout"]');
  const trainingStatus = q<HTMLElement>('[data-training-status]');
  const summary = q<HTMLElement>('[data-summary]');
  const history = new SideBySideHistory(RELU_TANH_NETS);
  const recordedNoteText = q<HTMLElement>('[data-recorded-note]');
  /** The recorded reference run, once fetched; or why it could not be. */
  const recorded = new RecordedRunSlot('relu-tanh', RELU_TANH_NETS);

  const validate = (value: Partial<ReluTanhState>): ReluTanhState => stateFromProps(reluTanhSchema, value).state;
  let state = validate(options.initial);

  const drawChart = (): void =>
    patchMarkup(q<HTMLElement>('[data-chart="error"]'), errorChart(t, history, recorded.recording, state));
  const drawSummary = (): void => {
    recordedNoteText.textContent =
      recorded.note((r) => recordedNote(t, recordedRun, r, state), recordedRun) ?? recordedNoteText.textContent;
    summary.textContent = reluTanhSummary(t, history, state);
    fillRows(q('[data-summary-table]'), history.length === 0 ? [] : summaryRows(t, history, state));
    fillRows(q('[data-history-table]'), reluTanhHistoryRows(history));
  };
  const drawCurves = (): void => {
    drawChart();
    drawSummary();
  };
  /** Curves, tables and status line, redrawn a few times a second however fast steps stream in: the chart in one frame, the rest in the next. */
  const scheduleRedraw = atMostEvery(TRAINING_REDRAW_MS, drawChart, () => {
    drawSummary();
    renderTrainingStatus();
  });

  /** Controls in line with the state; the run's settings locked while a run exists. */
  const renderControls = (): void => {
    for (const [key, input] of inputs) input.value = String(state[key]);
    targetInput.value = String(state.target);
    dropoutInput.checked = state.dropout;
    const settings = [...inputs.map(([, input]) => input), dropoutInput];
    renderRunControls(root, run, history.length, state.steps, settings, t);
  };

  const renderTrainingStatus = (): void => {
    trainingStatus.textContent = trainingStatusText(history, state.steps, run.running, t);
  };

  /** The reader's run: chunks of 'relu-tanh-train' jobs, Train / Pause / Resume / Reset. */
  const run = sideBySideRun({
    root,
    client: computeClient(),
    kind: 'relu-tanh-train',
    resetKind: 'relu-tanh-reset',
    history,
    chunkSteps: CHUNK_STEPS,
    run: () => {
      const config = reluTanhConfig(state);
      return { totalSteps: config.totalSteps, settings: { config } };
    },
    loading: t.loadingData,
    runtime,
    redraw: scheduleRedraw,
    drawAll: drawCurves,
    changed: () => {
      renderControls();
      renderTrainingStatus();
    },
  });

  const update = (next: Partial<ReluTanhState>): void => {
    const previous = state;
    state = validate({ ...state, ...next });
    if (JSON.stringify(previous) !== JSON.stringify(state)) options.onStateChange?.(state);
    renderControls();
    drawCurves();
    renderTrainingStatus();
  };
  for (const [key, input] of [...inputs, ['target', targetInput] as const]) {
    input.addEventListener('change', () => update({ [key]: Number(input.value) } as Partial<ReluTanhState>));
  }
  dropoutInput.addEventListener('change', () => update({ dropout: dropoutInput.checked }));

  renderControls();
  // The page's first paint already drew the recorded run; redraw once it is here (or is not).
  void recorded.load().then(drawCurves);
}

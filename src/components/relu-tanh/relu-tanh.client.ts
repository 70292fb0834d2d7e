/**
 * The interactive part of <relu-tanh>, loaded when the widget nears the viewport. Training
 * runs as a loop of short 'relu-tanh-train' jobs (pause = stop asking for the next one, so it
 * takes effect within a chunk), each streaming its steps into the history; plan.ts words and
 * tabulates the curves, the line-chart renderer draws them.
 */
import { RELU_TANH_NETS } from '../../lib/compute/relu-tanh/config.ts';
import { reluTanhSchema, type ReluTanhState } from '../../lib/state/schemas/relu-tanh.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { reluTanh } from '../../i18n/en/relu-tanh.ts';
import { RecordedRunSlot } from '../widget/recorded-run.ts';
import { runtime } from '../../i18n/en/runtime.ts';
import { fillRows } from '../widget/table-rows.ts';
import { SideBySideHistory } from '../widget/training-history.ts';
import { chunkReporting, TRAINING_REDRAW_MS, trainChunk, trainingStatusText } from '../widget/training-loop.ts';
import { loopStateHooks, TrainingRun } from '../widget/training-run.ts';
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

const t = reluTanh;

export interface MountOptions {
  readonly initial: Partial<ReluTanhState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: ReluTanhState) => void;
}

/** Settings fixed for a run (the target only words the summary, so it may change at any time). */
const RUN_SETTINGS = ['width', 'batch', 'lr', 'momentum', 'steps'] as const;

/** Wires one <relu-tanh> element. Nothing trains until the reader presses Train. */
export function mountReluTanh(root: HTMLElement, options: MountOptions): void {
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const inputs = RUN_SETTINGS.map((key) => [key, q<HTMLInputElement>(`[data-input="${key}"]`)] as const);
  const targetInput = q<HTMLInputElement>('[data-input="target"]');
  const dropoutInput = q<HTMLInputElement>('[data-input="dropout"]');
  const trainButton = q<HTMLButtonElement>('[data-action="train"]');
  const resetButton = q<HTMLButtonElement>('[data-action="reset"]');
  const trainingStatus = q<HTMLElement>('[data-training-status]');
  const summary = q<HTMLElement>('[data-summary]');
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const notice = q<HTMLElement>('[data-notice]');
  const badge = q<HTMLElement>('.backend-badge');
  const client = computeClient();
  const train = client.channel();
  const history = new SideBySideHistory(RELU_TANH_NETS);
  const recordedNoteText = q<HTMLElement>('[data-recorded-note]');
  /** The recorded reference run, once fetched; or why it could not be. */
  const recorded = new RecordedRunSlot('relu-tanh', RELU_TANH_NETS);

  const validate = (value: Partial<ReluTanhState>): ReluTanhState => stateFromProps(reluTanhSchema, value).state;
  let state = validate(options.initial);

  const showError = (e: unknown): void => {
    if (e instanceof JobSuperseded) return;
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    root.dataset['state'] = 'error';
    run.forgetIfLost(e); // reset elsewhere, lost with the GPU, a restarted worker
  };

  const drawChart = (): void =>
    patchMarkup(q<HTMLElement>('[data-chart="error"]'), errorChart(history, recorded.recording, state));
  const drawSummary = (): void => {
    recordedNoteText.textContent = recorded.note((r) => recordedNote(r, state)) ?? recordedNoteText.textContent;
    summary.textContent = reluTanhSummary(history, state);
    fillRows(q('[data-summary-table]'), history.length === 0 ? [] : summaryRows(history, state));
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
    for (const [key, input] of inputs) {
      input.value = String(state[key]);
      input.disabled = run.runId !== null;
    }
    targetInput.value = String(state.target);
    dropoutInput.checked = state.dropout;
    dropoutInput.disabled = run.runId !== null;
    const locked = run.runId !== null && history.length > 0;
    notice.textContent = locked ? t.settingsLocked : '';
    notice.hidden = !locked;
    trainButton.textContent = run.running ? t.pause : history.length === 0 ? t.train : t.resume;
    trainButton.disabled = history.length >= state.steps && !run.running;
    resetButton.disabled = run.runId === null;
  };

  const renderTrainingStatus = (): void => {
    trainingStatus.textContent = trainingStatusText(history, state.steps, run.running, t);
  };

  const loopViews = { root, error, status, loading: t.loadingData, empty: () => history.length === 0 };
  /** The reader's run: chunks of 'relu-tanh-train' jobs, Train / Pause / Resume / Reset. */
  const run = new TrainingRun('run', {
    chunk: (runId) => {
      const config = reluTanhConfig(state);
      return trainChunk(
        {
          channel: train,
          kind: 'relu-tanh-train',
          history,
          totalSteps: config.totalSteps,
          chunkSteps: CHUNK_STEPS,
          settings: () => ({ config }),
          ...chunkReporting(status, scheduleRedraw, badge, () => client.onMainThread),
        },
        runId,
      );
    },
    finished: () => history.length >= state.steps,
    ...loopStateHooks(loopViews, drawCurves),
    failed: showError,
    forgotten: () => {
      history.clear();
      drawCurves();
    },
    changed: () => {
      renderControls();
      renderTrainingStatus();
    },
    cancel: () => train.cancel(),
    release: () => client.channel().run('relu-tanh-reset', {}),
  });

  trainButton.addEventListener('click', () => run.toggle());
  resetButton.addEventListener('click', () => {
    run.reset();
    root.dataset['state'] = 'idle';
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

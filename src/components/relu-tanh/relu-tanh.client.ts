/**
 * The interactive part of <relu-tanh>, loaded when the widget nears the viewport. Training
 * runs as a loop of short 'relu-tanh-train' jobs (pause = stop asking for the next one, so it
 * takes effect within a chunk), each streaming its steps into the history; plan.ts words and
 * tabulates the curves, the line-chart renderer draws them.
 */
import { RELU_TANH_NETS } from '../../lib/compute/relu-tanh/config.ts';
import { reluTanhSchema, type ReluTanhState } from '../../lib/state/schemas/relu-tanh.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { failureCode, JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { reluTanh } from '../../i18n/en/relu-tanh.ts';
import { RecordedRunSlot } from '../widget/recorded-run.ts';
import { runtime } from '../../i18n/en/runtime.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { fillRows } from '../widget/table-rows.ts';
import { SideBySideHistory } from '../widget/training-history.ts';
import { oneLoopAtATime, TRAINING_REDRAW_MS, trainInChunks, trainingStatusText } from '../widget/training-loop.ts';
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
/** Where the MNIST asset is served (public/data/). */
const DATA_BASE = '/data/';

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
  /** The run the worker holds (null before Train and after Reset), and whether it is training. */
  let runId: string | null = null;
  let running = false;

  const showError = (e: unknown): void => {
    if (e instanceof JobSuperseded) return;
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    root.dataset['state'] = 'error';
    // The worker no longer holds the run (reset elsewhere, lost with the GPU, a restarted worker).
    if (failureCode(e) === 'run-missing' || failureCode(e) === 'worker-restarted') forgetRun();
  };

  const drawCurves = (): void => {
    patchMarkup(q<HTMLElement>('[data-chart="error"]'), errorChart(history, recorded.recording, state));
    recordedNoteText.textContent = recorded.note((r) => recordedNote(r, state)) ?? recordedNoteText.textContent;
    summary.textContent = reluTanhSummary(history, state);
    fillRows(q('[data-summary-table]'), history.length === 0 ? [] : summaryRows(history, state));
    fillRows(q('[data-history-table]'), reluTanhHistoryRows(history));
  };
  /** Curves, tables and status line, redrawn a few times a second however fast steps stream in. */
  const scheduleRedraw = atMostEvery(TRAINING_REDRAW_MS, () => {
    drawCurves();
    renderTrainingStatus();
  });

  /** Controls in line with the state; the run's settings locked while a run exists. */
  const renderControls = (): void => {
    for (const [key, input] of inputs) {
      input.value = String(state[key]);
      input.disabled = runId !== null;
    }
    targetInput.value = String(state.target);
    dropoutInput.checked = state.dropout;
    dropoutInput.disabled = runId !== null;
    const locked = runId !== null && history.length > 0;
    notice.textContent = locked ? t.settingsLocked : '';
    notice.hidden = !locked;
    trainButton.textContent = running ? t.pause : history.length === 0 ? t.train : t.resume;
    trainButton.disabled = history.length >= state.steps && !running;
    resetButton.disabled = runId === null;
  };

  const renderTrainingStatus = (): void => {
    trainingStatus.textContent = trainingStatusText(history, state.steps, running, t);
  };

  const forgetRun = (): void => {
    running = false;
    runId = null;
    history.clear();
    renderControls();
    renderTrainingStatus();
    drawCurves();
  };

  const loop = async (): Promise<void> => {
    root.dataset['state'] = 'computing';
    error.hidden = true;
    if (history.length === 0) status.textContent = t.loadingData;
    const config = reluTanhConfig(state);
    try {
      await trainInChunks({
        channel: train,
        kind: 'relu-tanh-train',
        history,
        totalSteps: config.totalSteps,
        chunkSteps: CHUNK_STEPS,
        params: (steps, resume) => ({
          runId: runId!, // keepGoing() has just seen it set
          config,
          data: { base: new URL(DATA_BASE, location.href).href },
          steps,
          resume,
        }),
        keepGoing: () => running && runId !== null,
        onStep: () => {
          status.textContent = '';
          scheduleRedraw();
        },
        onMeta: (meta) => showJobMeta(badge, meta, client.onMainThread),
      });
      running = false;
      root.dataset['state'] = 'ready';
      status.textContent = '';
      renderControls();
      renderTrainingStatus();
      drawCurves();
    } catch (e) {
      running = false;
      renderControls();
      renderTrainingStatus();
      showError(e);
    }
  };

  const startLoop = oneLoopAtATime(loop);
  trainButton.addEventListener('click', () => {
    if (running) {
      running = false; // the chunk in flight finishes, then the loop stops
      renderControls();
      renderTrainingStatus();
      return;
    }
    runId ??= `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    running = true;
    renderControls();
    startLoop(); // or, right after Pause, the loop still in flight goes on
  });

  resetButton.addEventListener('click', () => {
    train.cancel();
    forgetRun();
    root.dataset['state'] = 'idle';
    void client.channel().run('relu-tanh-reset', {}).catch(showError);
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

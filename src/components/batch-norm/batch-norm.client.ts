/**
 * The interactive part of <batch-norm-lab>, loaded when the widget nears the viewport. Training
 * runs as a loop of short 'batch-norm-train' jobs through TrainingRun (pause = stop asking for
 * the next one), each streaming its steps, and every 20th step's held-out check, into the
 * history; plan.ts draws, words and tabulates them.
 */
import { batchNormSchema, type BatchNormState } from '../../lib/state/schemas/batch-norm.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { batchNorm } from '../../i18n/en/batch-norm.ts';
import { runtime } from '../../i18n/en/runtime.ts';
import { fillRows } from '../widget/table-rows.ts';
import { chunkReporting, TRAINING_REDRAW_MS, trainChunk, trainingStatusText } from '../widget/training-loop.ts';
import { loopStateHooks, TrainingRun } from '../widget/training-run.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { atMostEvery } from '../widget/redraw.ts';
import {
  BatchNormHistory,
  batchNormConfig,
  batchNormHistoryRows,
  batchNormSummary,
  CHUNK_STEPS,
  checkRows,
  errorChart,
  modeChart,
} from './plan.ts';

const t = batchNorm;

export interface MountOptions {
  readonly initial: Partial<BatchNormState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: BatchNormState) => void;
}

const SETTINGS = ['lr', 'batch', 'seed', 'steps'] as const;

/** Wires one <batch-norm-lab> element. Nothing trains until the reader presses Train. */
export function mountBatchNorm(root: HTMLElement, options: MountOptions): void {
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const inputs = SETTINGS.map((key) => [key, q<HTMLInputElement>(`[data-input="${key}"]`)] as const);
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
  const history = new BatchNormHistory();

  const validate = (value: Partial<BatchNormState>): BatchNormState => stateFromProps(batchNormSchema, value).state;
  let state = validate(options.initial);

  const showError = (e: unknown): void => {
    if (e instanceof JobSuperseded) return;
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    root.dataset['state'] = 'error';
    run.forgetIfLost(e); // reset elsewhere, lost with the GPU, a restarted worker
  };

  const drawErrorChart = (): void => patchMarkup(q<HTMLElement>('[data-chart="error"]'), errorChart(history, state));
  const drawModeChart = (): void => patchMarkup(q<HTMLElement>('[data-chart="modes"]'), modeChart(history, state));
  const drawSummary = (): void => {
    summary.textContent = batchNormSummary(history, state);
    fillRows(q('[data-checks-table]'), checkRows(history));
    fillRows(q('[data-history-table]'), batchNormHistoryRows(history));
  };
  const drawAll = (): void => {
    drawErrorChart();
    drawModeChart();
    drawSummary();
  };
  /** Charts, tables and status line, a few times a second however fast steps stream in: one part per frame. */
  const scheduleRedraw = atMostEvery(TRAINING_REDRAW_MS, drawErrorChart, drawModeChart, () => {
    drawSummary();
    renderTrainingStatus();
  });

  /** Controls in line with the state; the run's settings locked while a run exists. */
  const renderControls = (): void => {
    for (const [key, input] of inputs) {
      input.value = String(state[key]);
      input.disabled = run.runId !== null;
    }
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
  /** The reader's run: chunks of 'batch-norm-train' jobs, Train / Pause / Resume / Reset. */
  const run = new TrainingRun('run', {
    chunk: (runId) => {
      const config = batchNormConfig(state);
      return trainChunk(
        {
          channel: train,
          kind: 'batch-norm-train',
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
    ...loopStateHooks(loopViews, drawAll),
    failed: showError,
    forgotten: () => {
      history.clear();
      drawAll();
    },
    changed: () => {
      renderControls();
      renderTrainingStatus();
    },
    cancel: () => train.cancel(),
    release: () => client.channel().run('batch-norm-reset', {}),
  });

  trainButton.addEventListener('click', () => run.toggle());
  resetButton.addEventListener('click', () => {
    run.reset();
    root.dataset['state'] = 'idle';
  });

  for (const [key, input] of inputs) {
    input.addEventListener('change', () => {
      const previous = state;
      state = validate({ ...state, [key]: Number(input.value) });
      if (JSON.stringify(previous) !== JSON.stringify(state)) options.onStateChange?.(state);
      renderControls();
      drawAll();
      renderTrainingStatus();
    });
  }

  renderControls();
}

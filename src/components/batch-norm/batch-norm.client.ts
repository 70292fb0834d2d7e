/**
 * The interactive part of <batch-norm-lab>, loaded when the widget nears the viewport. Training
 * runs as a loop of short 'batch-norm-train' jobs through TrainingRun (pause = stop asking for
 * the next one), each streaming its steps, and every 20th step's held-out check, into the
 * history; plan.ts draws, words and tabulates them.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import { batchNormSchema, type BatchNormState } from '../../lib/state/schemas/batch-norm.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { fillRows } from '../widget/table-rows.ts';
import { TRAINING_REDRAW_MS, trainingStatusText } from '../widget/training-loop.ts';
import { renderRunControls, sideBySideRun } from '../widget/side-by-side-run.ts';
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

export interface MountOptions {
  readonly initial: Partial<BatchNormState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: BatchNormState) => void;
}

const SETTINGS = ['lr', 'batch', 'seed', 'steps'] as const;

/** The UI strings this client uses, in the page's language. */
export type BatchNormUi = Pick<UiStrings, 'batchNorm' | 'runtime'>;

/** Wires one <batch-norm-lab> element. Nothing trains until the reader presses Train. */
export function mountBatchNorm(root: HTMLElement, options: MountOptions, strings: BatchNormUi): void {
  const { batchNorm: t, runtime } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const inputs = SETTINGS.map((key) => [key, q<HTMLInputElement>(`[data-input="${key}"]`)] as const);
  const trainingStatus = q<HTMLElement>('[data-training-status]');
  const summary = q<HTMLElement>('[data-summary]');
  const history = new BatchNormHistory();

  const validate = (value: Partial<BatchNormState>): BatchNormState => stateFromProps(batchNormSchema, value).state;
  let state = validate(options.initial);

  const drawErrorChart = (): void => patchMarkup(q<HTMLElement>('[data-chart="error"]'), errorChart(t, history, state));
  const drawModeChart = (): void => patchMarkup(q<HTMLElement>('[data-chart="modes"]'), modeChart(t, history, state));
  const drawSummary = (): void => {
    summary.textContent = batchNormSummary(t, history, state);
    renderTrainingStatus();
  };
  const drawTables = (): void => {
    fillRows(q('[data-checks-table]'), checkRows(history));
    fillRows(q('[data-history-table]'), batchNormHistoryRows(history));
  };
  const drawAll = (): void => {
    drawErrorChart();
    drawModeChart();
    drawSummary();
    drawTables();
  };
  /** Charts, verdict, status line and tables, a few times a second however fast steps stream in: one part per frame. */
  const scheduleRedraw = atMostEvery(TRAINING_REDRAW_MS, drawErrorChart, drawModeChart, drawSummary, drawTables);

  /** Controls in line with the state; the run's settings locked while a run exists. */
  const renderControls = (): void => {
    for (const [key, input] of inputs) input.value = String(state[key]);
    const settings = inputs.map(([, input]) => input);
    renderRunControls(root, run, history.length, state.steps, settings, t);
  };

  const renderTrainingStatus = (): void => {
    trainingStatus.textContent = trainingStatusText(history, state.steps, run.running, t);
  };

  /** The reader's run: chunks of 'batch-norm-train' jobs, Train / Pause / Resume / Reset. */
  const run = sideBySideRun({
    root,
    client: computeClient(),
    kind: 'batch-norm-train',
    resetKind: 'batch-norm-reset',
    history,
    chunkSteps: CHUNK_STEPS,
    run: () => {
      const config = batchNormConfig(state);
      return { totalSteps: config.totalSteps, settings: { config } };
    },
    loading: t.loadingData,
    runtime,
    redraw: scheduleRedraw,
    drawAll,
    changed: () => {
      renderControls();
      renderTrainingStatus();
    },
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

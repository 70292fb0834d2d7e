/**
 * "Train it yourself": the reader's run as chunks of 'lenet-train' jobs (Train / Pause / Resume /
 * Reset through TrainingRun), its loss and accuracy curves and table, and the switch that makes
 * the pad read with the run's weights. What the panel shows is a pure function of the record kept
 * here (training-state.ts); this wires the jobs and reconciles the DOM.
 */
import type { RuntimeStrings, LenetLiveStrings } from '../../i18n/strings.ts';
import type { LenetLiveState } from '../../lib/state/schemas/lenet-live.ts';
import type * as LineChartModule from '../../lib/viz/line-chart.ts';
import type { ComputeClient } from '../../lib/worker/client.ts';
import type { JobMeta } from '../../lib/worker/protocol.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { pauseTrainingWhenUnseen } from '../widget/pause-when-unseen.ts';
import { fillRows } from '../widget/table-rows.ts';
import { mnistData } from '../widget/training-loop.ts';
import { TrainingRun } from '../widget/training-run.ts';
import { trainAccuracyOptions, trainLossOptions } from './charts.ts';
import {
  meanLoss,
  TRAIN_CHUNK_STEPS,
  TRAIN_TEST_COUNT,
  TRAIN_TOTAL_STEPS,
  trainingRows,
  type TrainingPoint,
} from './plan.ts';
import { stepsDone, trainingPanelView } from './training-state.ts';

/** What the panel asks of the rest of the widget. */
export interface TrainingPanelHost {
  /** The model the reader picked (the run trains it). */
  model(): LenetLiveState['model'];
  /** A chunk finished: its job's backend and timing, for the badge. */
  meta(meta: JobMeta): void;
  /** A run starts: the widget clears its error line. */
  started(): void;
  /** A chunk failed. */
  failed(error: unknown): void;
  /** The weights the pad reads with changed: classify again. */
  reclassify(): void;
}

/** The panel's part the widget reads. */
export interface TrainingPanel {
  /** The run (its id is what a 'lenet-infer' job reads trained weights from). */
  readonly run: TrainingRun;
  /** The run whose weights the pad reads with (the reader asked, and the worker holds it), or null for the shipped weights. */
  trainedRun(): string | null;
}

/**
 * Wires the panel in the widget `root` (its train, reset-training and use-trained buttons, status
 * and weights lines, train-loss and train-accuracy charts and training table) to `client`'s jobs.
 */
export function trainingPanel(
  root: HTMLElement,
  t: LenetLiveStrings,
  runtime: RuntimeStrings,
  client: ComputeClient,
  host: TrainingPanelHost,
): TrainingPanel {
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const trainChannel = client.channel();
  const trainButton = q<HTMLButtonElement>('[data-action="train"]');
  const resetButton = q<HTMLButtonElement>('[data-action="reset-training"]');
  const useButton = q<HTMLButtonElement>('[data-action="use-trained"]');
  const trainingStatus = q<HTMLElement>('[data-training-status]');
  const weightsNote = q<HTMLElement>('[data-weights-note]');
  // The record of the run: its chunks and step losses (appended as they stream in: one copy a
  // step would be quadratic), and whether the pad reads with its weights.
  let points: TrainingPoint[] = [];
  let stepLosses: [number, number][] = [];
  let useTrained = false;
  let frame = 0;

  // The line-chart renderer (with d3) loads with the first curve, not with the widget.
  let lineChart: Promise<typeof LineChartModule> | null = null;
  const drawCurves = async (): Promise<void> => {
    const { renderLineChart } = await (lineChart ??= import('../../lib/viz/line-chart.ts').catch((error: unknown) => {
      lineChart = null; // not kept: the next curve tries again
      throw error;
    }));
    patchMarkup(
      q<HTMLElement>('[data-chart="train-loss"]'),
      renderLineChart([{ className: 'll-series', label: t.lossSeries, points: stepLosses }], trainLossOptions(t)),
    );
    patchMarkup(
      q<HTMLElement>('[data-chart="train-accuracy"]'),
      renderLineChart(
        [
          {
            className: 'll-series',
            label: t.accuracySeries,
            points: points.map((p) => [p.step, p.accuracy]),
            dots: true,
          },
        ],
        trainAccuracyOptions(t),
      ),
    );
    fillRows(q('[data-training-table]'), trainingRows(points));
  };
  /** Redraws at most once a frame, however fast steps stream in. */
  const scheduleCurves = (): void => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      void drawCurves();
    });
  };
  const render = (): void => {
    const view = trainingPanelView(t, { points, useTrained }, run);
    trainButton.textContent = view.trainLabel;
    trainButton.disabled = view.trainDisabled;
    resetButton.disabled = view.resetDisabled;
    useButton.disabled = view.useDisabled;
    useButton.setAttribute('aria-pressed', String(view.usePressed));
    weightsNote.textContent = view.weightsNote;
    trainingStatus.textContent = view.status;
  };

  /** The reader's run: chunks of 'lenet-train' jobs, each ending with a test, Train / Pause / Resume / Reset. */
  const run = new TrainingRun('lenet', {
    chunk: async (runId) => {
      const done = stepsDone(points);
      const { result: trained, meta } = await trainChannel.run(
        'lenet-train',
        {
          runId,
          model: host.model(),
          data: mnistData(),
          steps: Math.min(TRAIN_CHUNK_STEPS, TRAIN_TOTAL_STEPS - done),
          resume: done > 0,
          testCount: TRAIN_TEST_COUNT,
        },
        {
          onProgress: (step) => {
            stepLosses.push([step.step, step.loss]);
            scheduleCurves();
          },
        },
      );
      points.push({ step: trained.step, loss: meanLoss(trained.steps), accuracy: trained.test.accuracy });
      host.meta(meta);
      await drawCurves();
      render();
      if (useTrained) host.reclassify();
    },
    finished: () => stepsDone(points) >= TRAIN_TOTAL_STEPS,
    started: () => {
      host.started();
      if (points.length === 0) trainingStatus.textContent = t.loadingData;
    },
    stopped: () => {},
    failed: host.failed,
    forgotten: () => {
      points = [];
      stepLosses = [];
      const wasTrained = useTrained;
      useTrained = false;
      void drawCurves();
      if (wasTrained) host.reclassify();
    },
    changed: render,
    cancel: () => trainChannel.cancel(),
    release: () => client.channel().run('lenet-train-reset', {}),
  });
  const hasRun = (): boolean => run.runId !== null;
  pauseTrainingWhenUnseen(root, run, runtime);

  trainButton.addEventListener('click', () => run.toggle());
  resetButton.addEventListener('click', () => run.reset());
  useButton.addEventListener('click', () => {
    useTrained = !useTrained && hasRun();
    render();
    host.reclassify();
  });
  render();

  return { run, trainedRun: () => (useTrained ? run.runId : null) };
}

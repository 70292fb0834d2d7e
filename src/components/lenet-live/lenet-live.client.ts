/**
 * The interactive part of <lenet-live>, loaded when the widget nears the viewport. The pad's ink
 * is made into an MNIST digit here (prepareDigit, plain arithmetic) and sent to the worker's
 * 'lenet-infer' job after each stroke; everything the job returns is drawn by plan.ts and the
 * renderers in src/lib/viz. No TF.js on this thread.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import type { FeatureMaps, LenetInference, LenetStage } from '../../lib/compute/jobs/lenet-infer.ts';
import type * as LineChartModule from '../../lib/viz/line-chart.ts';
import { trainAccuracyOptions, trainLossOptions } from './charts.ts';
import { digitRaster, prepareDigit } from '../../lib/data/digit-preprocess.ts';
import { LENET_MARGIN, LENET_SIDE } from '../../lib/data/lenet-input.ts';
import { MNIST_SIDE } from '../../lib/data/mnist.ts';
import { analyze, type Analysis } from '../../lib/models/analyze.ts';
import { lenet5, lenet5_modern, lenetC3Connections } from '../../lib/models/lenet.ts';
import { unitInputWindow } from '../../lib/models/unit-input-window.ts';
import { lenetLiveSchema, type LenetLiveState } from '../../lib/state/schemas/lenet-live.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { renderC3Table } from '../../lib/viz/c3-table.ts';
import { renderProbabilityBars } from '../../lib/viz/probability-bars.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { fillRows } from '../widget/table-rows.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { TrainingRun } from '../widget/training-run.ts';
import { pauseTrainingWhenUnseen } from '../widget/pause-when-unseen.ts';
import { mnistData } from '../widget/training-loop.ts';
import {
  decodeDigitBase64,
  formatPercent,
  formatValue,
  INFER_DEBOUNCE_MS,
  inkFromRgba,
  isUnitGrid,
  mapImage,
  mapRangeRows,
  meanLoss,
  moveUnit,
  TRAIN_CHUNK_STEPS,
  TRAIN_TEST_COUNT,
  TRAIN_TOTAL_STEPS,
  trainingRows,
  type TrainingPoint,
  PAD_SIDE,
  PEN_WIDTH,
  probabilityRows,
  rgbaFromInk,
  strongestUnit,
  UNIT_GRID_COLUMNS,
  unitGridImage,
} from './plan.ts';

/** Where the weight files are served (public/weights/). */
const WEIGHTS_BASE = '/weights/';
const CLASS_LABELS = [...'0123456789'];

export interface MountOptions {
  readonly initial: Partial<LenetLiveState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: LenetLiveState) => void;
}

/** A unit the reader pointed at: a map's unit (row, col), or unit k of a flat stage. */
type Pointed = { stage: LenetStage; k: number; row: number; col: number };

/** The UI strings this client uses, in the page's language. */
export type LenetLiveUi = Pick<UiStrings, 'lenetLive' | 'runtime'>;

/** Wires one <lenet-live> element and classifies its starting test digit. */
export function mountLenetLive(root: HTMLElement, options: MountOptions, strings: LenetLiveUi): void {
  const { lenetLive: t, runtime } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const pad = q<HTMLCanvasElement>('[data-pad]');
  const ink = pad.getContext('2d', { willReadFrequently: true })!;
  const inputView = q<HTMLCanvasElement>('[data-input-view]');
  const rfBox = q<HTMLElement>('[data-rf]');
  const modelSelect = q<HTMLSelectElement>('select[data-control="model"]');
  const digitSelect = q<HTMLSelectElement>('select[data-control="digit"]');
  const clearButton = q<HTMLButtonElement>('[data-action="clear"]');
  const prediction = q<HTMLElement>('[data-prediction]');
  const unitInfo = q<HTMLElement>('[data-unit-info]');
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const badge = q<HTMLElement>('.backend-badge');
  const chart = q<HTMLElement>('[data-chart="probabilities"]');
  const c3Box = q<HTMLElement>('[data-c3]');
  const c3Note = q<HTMLElement>('[data-c3-note]');
  const mapButtons = [...root.querySelectorAll<HTMLButtonElement>('.ll-map')];
  const digits = root.dataset['digits'] ?? '';
  const client = computeClient();
  const infer = client.channel();
  const analyses: Record<LenetLiveState['model'], Analysis> = {
    lenet5: analyze(lenet5),
    lenet5_modern: analyze(lenet5_modern),
  };

  const validate = (value: Partial<LenetLiveState>): LenetLiveState => stateFromProps(lenetLiveSchema, value).state;
  let state = validate(options.initial);
  let result: LenetInference | null = null;
  let pixels: Uint8Array | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let drawing = false;
  let activeC3: number | null = null;
  // The reader's training run: its id in the worker (null before Train and after Reset), whether
  // it is training, its chunks and step losses, and whether the pad reads with its weights.
  const trainChannel = client.channel();
  const trainButton = q<HTMLButtonElement>('[data-action="train"]');
  const resetButton = q<HTMLButtonElement>('[data-action="reset-training"]');
  const useButton = q<HTMLButtonElement>('[data-action="use-trained"]');
  const trainingStatus = q<HTMLElement>('[data-training-status]');
  const weightsNote = q<HTMLElement>('[data-weights-note]');
  let points: TrainingPoint[] = [];
  let stepLosses: [number, number][] = [];
  let useTrained = false;
  let frame = 0;

  const showError = (e: unknown): void => {
    if (e instanceof JobSuperseded) return;
    status.textContent = '';
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    root.dataset['state'] = 'error';
    run.forgetIfLost(e); // reset elsewhere, lost with the GPU, a restarted worker
  };

  // ── the pad ──
  ink.lineWidth = PEN_WIDTH;
  ink.lineCap = 'round';
  ink.lineJoin = 'round';
  ink.strokeStyle = '#000';
  const padPoint = (event: PointerEvent): [number, number] => {
    const rect = pad.getBoundingClientRect();
    return [
      ((event.clientX - rect.left) * PAD_SIDE) / rect.width,
      ((event.clientY - rect.top) * PAD_SIDE) / rect.height,
    ];
  };
  pad.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    pad.setPointerCapture(event.pointerId);
    drawing = true;
    clearTimeout(timer);
    const [x, y] = padPoint(event);
    ink.beginPath();
    ink.moveTo(x, y);
    ink.lineTo(x, y);
    ink.stroke();
  });
  pad.addEventListener('pointermove', (event) => {
    if (!drawing) return;
    for (const e of event.getCoalescedEvents?.() ?? [event]) {
      const [x, y] = padPoint(e);
      ink.lineTo(x, y);
    }
    ink.stroke();
  });
  const endStroke = (): void => {
    if (!drawing) return;
    drawing = false;
    clearTimeout(timer);
    timer = setTimeout(classifyPad, INFER_DEBOUNCE_MS);
  };
  pad.addEventListener('pointerup', endStroke);
  pad.addEventListener('pointercancel', endStroke);

  const clearPad = (): void => ink.clearRect(0, 0, PAD_SIDE, PAD_SIDE);

  /** The pad's ink as an MNIST digit, then through the network (or the empty view). */
  function classifyPad(): void {
    const image = ink.getImageData(0, 0, PAD_SIDE, PAD_SIDE);
    const digit = prepareDigit(inkFromRgba(image.data, PAD_SIDE, PAD_SIDE));
    if (digit.empty) {
      showEmpty();
      return;
    }
    pixels = digit.pixels;
    void classify();
  }

  async function classify(): Promise<void> {
    if (pixels === null) return;
    drawInput(pixels);
    root.dataset['state'] = 'computing';
    status.textContent = t.classifying;
    error.hidden = true;
    try {
      const trained = useTrained && run.runId !== null ? { trained: run.runId } : {};
      const { result: inference, meta } = await infer.run('lenet-infer', {
        model: state.model,
        weightsUrl: new URL(WEIGHTS_BASE, location.href).href,
        pixels,
        ...trained,
      });
      result = inference;
      status.textContent = '';
      render(inference);
      root.dataset['state'] = 'ready';
      showJobMeta(badge, meta, client.onMainThread, runtime);
    } catch (e) {
      showError(e);
    }
  }

  // ── what the network saw and said ──
  function drawInput(digit: Uint8Array | null): void {
    const image = new ImageData(LENET_SIDE, LENET_SIDE);
    for (let y = 0; y < LENET_SIDE; y++) {
      for (let x = 0; x < LENET_SIDE; x++) {
        const my = y - LENET_MARGIN;
        const mx = x - LENET_MARGIN;
        const inside = digit !== null && my >= 0 && mx >= 0 && my < MNIST_SIDE && mx < MNIST_SIDE;
        const grey = 255 - (inside ? (digit[my * MNIST_SIDE + mx] as number) : 0);
        image.data.set([grey, grey, grey, 255], (y * LENET_SIDE + x) * 4);
      }
    }
    inputView.getContext('2d')!.putImageData(image, 0, 0);
  }

  function render(inference: LenetInference): void {
    const best = inference.predicted;
    const sure = formatPercent(inference.probabilities[best] as number);
    prediction.textContent =
      useTrained && run.runId !== null ? t.trainedPrediction(best, sure) : t.prediction(best, sure);
    patchMarkup(
      chart,
      renderProbabilityBars(inference.probabilities, {
        ...t.probabilityChart,
        classLabels: CLASS_LABELS,
        predicted: best,
      }),
    );
    for (const button of mapButtons) {
      const stage = button.dataset['stage'] as LenetStage;
      const maps = inference.stages[stage];
      const canvas = button.querySelector('canvas')!;
      const context = canvas.getContext('2d')!;
      if (isUnitGrid(maps)) {
        const { image, rows } = unitGridImage(maps, UNIT_GRID_COLUMNS);
        context.putImageData(new ImageData(image, UNIT_GRID_COLUMNS, rows), 0, 0);
      } else {
        const k = Number(button.dataset['map']);
        context.putImageData(new ImageData(mapImage(maps, k), maps.width, maps.height), 0, 0);
      }
    }
    fillRows(q('[data-probability-table]'), probabilityRows(inference.probabilities));
    fillRows(q('[data-range-table]'), mapRangeRows(t, inference.stages));
    const focused = mapButtons.find((b) => b === document.activeElement);
    if (focused) pointAtMap(focused);
  }

  function showEmpty(): void {
    infer.cancel();
    result = null;
    pixels = null;
    prediction.textContent = t.predictionEmpty;
    patchMarkup(chart, renderProbabilityBars([], { ...t.probabilityChart, classLabels: CLASS_LABELS }));
    for (const button of mapButtons) {
      const canvas = button.querySelector('canvas')!;
      canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
    }
    fillRows(q('[data-probability-table]'), []);
    fillRows(q('[data-range-table]'), []);
    drawInput(null);
    hideField();
    status.textContent = '';
    root.dataset['state'] = 'idle';
  }

  // ── receptive fields and the C3 table ──
  function drawC3(column: number | null): void {
    if (column === activeC3 && c3Box.firstElementChild) return;
    activeC3 = column;
    patchMarkup(
      c3Box,
      renderC3Table(lenetC3Connections, {
        title: t.c3Title,
        description: t.c3Description,
        rowLabel: t.c3Rows,
        columnLabel: t.c3Columns,
        activeColumn: column,
      }),
    );
  }

  function hideField(): void {
    rfBox.hidden = true;
    unitInfo.textContent = '';
    for (const b of mapButtons) b.classList.remove('is-active');
  }

  /** The layer a stage's maps are read from (as the job reads them). */
  const layerOf = (stage: LenetStage): string => {
    const analysis = analyses[state.model];
    return analysis.layers.some((l) => l.id === `${stage}.act`) ? `${stage}.act` : stage;
  };

  /** The unit last shown, for the arrow keys. */
  let shown: { button: HTMLButtonElement; unit: Pointed } | null = null;

  function showUnit({ stage, k, row, col }: Pointed, grid: boolean, button: HTMLButtonElement): void {
    shown = { button, unit: { stage, k, row, col } };
    const maps: FeatureMaps | undefined = result?.stages[stage];
    const window = unitInputWindow(analyses[state.model], layerOf(stage), grid ? 0 : row, grid ? 0 : col);
    rfBox.style.top = `${(100 * window.top) / LENET_SIDE}%`;
    rfBox.style.left = `${(100 * window.left) / LENET_SIDE}%`;
    rfBox.style.height = `${(100 * window.size[0]) / LENET_SIDE}%`;
    rfBox.style.width = `${(100 * window.size[1]) / LENET_SIDE}%`;
    rfBox.hidden = false;
    rfBox.dataset['window'] = `${window.top},${window.left},${window.size[0]},${window.size[1]}`;
    for (const b of mapButtons) b.classList.toggle('is-active', b === button);
    if (grid) {
      const value = maps && k < maps.maps ? formatValue(maps.values[k] as number) : '–';
      unitInfo.textContent = k < 0 ? t.unitsButton(stage, maps?.maps ?? 0) : t.unitGridInfo(stage, k, value);
    } else {
      const size = maps ? maps.height * maps.width : 0;
      const value = maps ? formatValue(maps.values[k * size + row * maps.width + col] as number) : '–';
      unitInfo.textContent = t.unitInfo(stage, k, row, col, value, window.top, window.left, ...window.size);
    }
    drawC3(stage === 'C3' && !grid ? k : null);
  }

  /** A map as a whole (focus, or the pointer entering it): its most active unit. */
  function pointAtMap(button: HTMLButtonElement): void {
    const stage = button.dataset['stage'] as LenetStage;
    if (button.dataset['map'] === 'grid') {
      showUnit({ stage, k: -1, row: 0, col: 0 }, true, button);
      return;
    }
    const k = Number(button.dataset['map']);
    const maps = result?.stages[stage];
    const canvas = button.querySelector('canvas')!;
    const [row, col] = maps ? strongestUnit(maps, k) : [canvas.height >> 1, canvas.width >> 1];
    showUnit({ stage, k, row, col }, false, button);
  }

  for (const button of mapButtons) {
    const canvas = button.querySelector('canvas')!;
    const grid = button.dataset['map'] === 'grid';
    const stage = button.dataset['stage'] as LenetStage;
    button.addEventListener('focus', () => pointAtMap(button));
    button.addEventListener('click', () => pointAtMap(button));
    button.addEventListener('pointermove', (event) => {
      const rect = canvas.getBoundingClientRect();
      const col = Math.floor(((event.clientX - rect.left) / rect.width) * canvas.width);
      const row = Math.floor(((event.clientY - rect.top) / rect.height) * canvas.height);
      if (row < 0 || col < 0 || row >= canvas.height || col >= canvas.width) return;
      if (grid) {
        const k = row * UNIT_GRID_COLUMNS + col;
        const count = result?.stages[stage].maps ?? Infinity;
        showUnit({ stage, k: k < count ? k : -1, row: 0, col: 0 }, true, button);
      } else {
        showUnit({ stage, k: Number(button.dataset['map']), row, col }, false, button);
      }
    });
    button.addEventListener('keydown', (event) => {
      if (shown?.button !== button || event.altKey || event.ctrlKey || event.metaKey) return;
      const { unit } = shown;
      if (grid) {
        const count = result?.stages[stage].maps ?? 0;
        const k = Math.max(0, unit.k);
        const rows = Math.ceil(count / UNIT_GRID_COLUMNS);
        const next = moveUnit(
          event.key,
          Math.floor(k / UNIT_GRID_COLUMNS),
          k % UNIT_GRID_COLUMNS,
          rows,
          UNIT_GRID_COLUMNS,
          count,
        );
        if (next === null || count === 0) return;
        event.preventDefault();
        showUnit({ stage, k: unit.k < 0 ? 0 : next[0] * UNIT_GRID_COLUMNS + next[1], row: 0, col: 0 }, true, button);
      } else {
        const next = moveUnit(event.key, unit.row, unit.col, canvas.height, canvas.width);
        if (next === null) return;
        event.preventDefault();
        showUnit({ ...unit, row: next[0], col: next[1] }, false, button);
      }
    });
    button.addEventListener('pointerleave', () => {
      const focused = mapButtons.find((b) => b === document.activeElement);
      if (focused) pointAtMap(focused);
      else hideField();
    });
    button.addEventListener('blur', () => {
      if (!mapButtons.includes(document.activeElement as HTMLButtonElement)) hideField();
    });
  }

  // ── controls ──
  const update = (next: Partial<LenetLiveState>): void => {
    const previous = state;
    state = validate({ ...state, ...next });
    if (JSON.stringify(previous) !== JSON.stringify(state)) options.onStateChange?.(state);
    modelSelect.value = state.model;
    digitSelect.value = String(state.digit);
    c3Note.hidden = state.model === 'lenet5';
  };

  /**
   * Test digit `n` of the picker drawn onto the pad and classified as MNIST has it: the digit is
   * already a prepared 28×28 MNIST image, so the pad is not read back and re-prepared (reading and
   * preparing 280×280 pixels on the main thread made each pick a long task on a 2-core machine).
   */
  function drawTestDigit(n: number): void {
    clearPad();
    const digit = decodeDigitBase64(digits, n);
    const raster = digitRaster(digit, PAD_SIDE);
    ink.putImageData(new ImageData(rgbaFromInk(raster), PAD_SIDE, PAD_SIDE), 0, 0);
    pixels = digit;
    void classify();
  }

  modelSelect.addEventListener('change', () => {
    update({ model: modelSelect.value as LenetLiveState['model'] });
    if (run.runId !== null) run.reset();
    void classify();
  });

  // ── train it yourself ──
  const lastAccuracy = (): string => formatPercent(points.at(-1)?.accuracy ?? 0);
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
  const renderTraining = (): void => {
    const step = points.at(-1)?.step ?? 0;
    const done = step >= TRAIN_TOTAL_STEPS;
    // After Pause the chunk in flight still finishes: the button waits for it. A run held out of
    // view is training as far as the reader is concerned: its button pauses it.
    const training = run.running || run.looping;
    trainButton.textContent = training ? t.pause : points.length === 0 ? t.train : t.resume;
    trainButton.disabled = run.running ? false : run.looping || done;
    resetButton.disabled = run.runId === null;
    useButton.disabled = points.length === 0;
    useButton.setAttribute('aria-pressed', String(useTrained && run.runId !== null));
    weightsNote.textContent = useTrained && run.runId !== null ? t.usingTrained(step) : t.usingShipped;
    trainingStatus.textContent =
      points.length === 0
        ? ''
        : done
          ? t.finished(TRAIN_TOTAL_STEPS, lastAccuracy())
          : `${t.trainingStatus(step, TRAIN_TOTAL_STEPS, lastAccuracy())}${training ? '' : ` ${t.paused}`}`;
  };

  /** The reader's run: chunks of 'lenet-train' jobs, each ending with a test, Train / Pause / Resume / Reset. */
  const run = new TrainingRun('lenet', {
    chunk: async (runId) => {
      const done = points.at(-1)?.step ?? 0;
      const { result: trained, meta } = await trainChannel.run(
        'lenet-train',
        {
          runId,
          model: state.model,
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
      showJobMeta(badge, meta, client.onMainThread, runtime);
      await drawCurves();
      renderTraining();
      if (useTrained) void classify();
    },
    finished: () => (points.at(-1)?.step ?? 0) >= TRAIN_TOTAL_STEPS,
    started: () => {
      error.hidden = true;
      if (points.length === 0) trainingStatus.textContent = t.loadingData;
    },
    stopped: () => {},
    failed: showError,
    forgotten: () => {
      points = [];
      stepLosses = [];
      const wasTrained = useTrained;
      useTrained = false;
      void drawCurves();
      if (wasTrained) void classify();
    },
    changed: () => renderTraining(),
    cancel: () => trainChannel.cancel(),
    release: () => client.channel().run('lenet-train-reset', {}),
  });
  pauseTrainingWhenUnseen(root, run, runtime);

  trainButton.addEventListener('click', () => run.toggle());
  resetButton.addEventListener('click', () => run.reset());
  useButton.addEventListener('click', () => {
    useTrained = !useTrained && run.runId !== null;
    renderTraining();
    void classify();
  });
  digitSelect.addEventListener('change', () => {
    update({ digit: Number(digitSelect.value) });
    drawTestDigit(state.digit);
  });
  clearButton.addEventListener('click', () => {
    clearTimeout(timer);
    clearPad();
    showEmpty();
  });

  update({});
  clearButton.disabled = false;
  renderTraining();
  drawC3(null);
  try {
    drawTestDigit(state.digit);
  } catch (e) {
    showError(e);
  }
}

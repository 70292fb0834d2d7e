/**
 * The interactive part of <lenet-live>, loaded when the widget nears the viewport: it composes
 * the drawing pad (drawing-pad.ts), the inference view (inference-view.ts), the unit inspector
 * (unit-inspector.ts) and the training panel (training-panel.ts). The pad's ink is made into an
 * MNIST digit here (prepareDigit, plain arithmetic) and sent to the worker's 'lenet-infer' job
 * after each stroke. No TF.js on this thread.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import type { LenetInference } from '../../lib/compute/jobs/lenet-infer.ts';
import { digitRaster, prepareDigit } from '../../lib/data/digit-preprocess.ts';
import { analyze, type Analysis } from '../../lib/models/analyze.ts';
import { lenet5, lenet5_modern } from '../../lib/models/lenet.ts';
import { lenetLiveSchema, type LenetLiveState } from '../../lib/state/schemas/lenet-live.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { drawingPad } from './drawing-pad.ts';
import { inferenceView } from './inference-view.ts';
import { decodeDigitBase64, PAD_SIDE } from './plan.ts';
import { trainingPanel } from './training-panel.ts';
import { unitInspector } from './unit-inspector.ts';

/** Where the weight files are served (public/weights/). */
const WEIGHTS_BASE = '/weights/';

export interface MountOptions {
  readonly initial: Partial<LenetLiveState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: LenetLiveState) => void;
}

/** The UI strings this client uses, in the page's language. */
export type LenetLiveUi = Pick<UiStrings, 'lenetLive' | 'runtime'>;

/** Wires one <lenet-live> element and classifies its starting test digit. */
export function mountLenetLive(root: HTMLElement, options: MountOptions, strings: LenetLiveUi): void {
  const { lenetLive: t, runtime } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const modelSelect = q<HTMLSelectElement>('select[data-control="model"]');
  const digitSelect = q<HTMLSelectElement>('select[data-control="digit"]');
  const clearButton = q<HTMLButtonElement>('[data-action="clear"]');
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const badge = q<HTMLElement>('.backend-badge');
  const c3Note = q<HTMLElement>('[data-c3-note]');
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
  /** The digit on the pad as the network reads it (28×28 MNIST bytes), or null for an empty pad. */
  let pixels: Uint8Array | null = null;

  const showError = (e: unknown): void => {
    if (e instanceof JobSuperseded) return;
    status.textContent = '';
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    root.dataset['state'] = 'error';
    training.run.forgetIfLost(e); // reset elsewhere, lost with the GPU, a restarted worker
  };
  const showMeta = (meta: Parameters<typeof showJobMeta>[1]): void =>
    showJobMeta(badge, meta, client.onMainThread, runtime);

  const view = inferenceView(t, root);
  const inspector = unitInspector(t, root, {
    analysis: () => analyses[state.model],
    stages: () => result?.stages ?? null,
  });
  const training = trainingPanel(root, t, runtime, client, {
    model: () => state.model,
    meta: showMeta,
    started: () => {
      error.hidden = true;
    },
    failed: showError,
    reclassify: () => void classify(),
  });
  const pad = drawingPad(q<HTMLCanvasElement>('[data-pad]'), (ink) => {
    const digit = prepareDigit(ink);
    if (digit.empty) {
      showEmpty();
      return;
    }
    pixels = digit.pixels;
    void classify();
  });

  async function classify(): Promise<void> {
    if (pixels === null) return;
    view.input(pixels);
    root.dataset['state'] = 'computing';
    status.textContent = t.classifying;
    error.hidden = true;
    try {
      const runId = training.trainedRun();
      const { result: inference, meta } = await infer.run('lenet-infer', {
        model: state.model,
        weightsUrl: new URL(WEIGHTS_BASE, location.href).href,
        pixels,
        ...(runId === null ? {} : { trained: runId }),
      });
      result = inference;
      status.textContent = '';
      view.show(inference, training.trainedRun() !== null);
      inspector.refresh();
      root.dataset['state'] = 'ready';
      showMeta(meta);
    } catch (e) {
      showError(e);
    }
  }

  function showEmpty(): void {
    infer.cancel();
    result = null;
    pixels = null;
    view.clear();
    inspector.hide();
    status.textContent = '';
    root.dataset['state'] = 'idle';
  }

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
    const digit = decodeDigitBase64(digits, n);
    pad.show(digitRaster(digit, PAD_SIDE));
    pixels = digit;
    void classify();
  }

  modelSelect.addEventListener('change', () => {
    update({ model: modelSelect.value as LenetLiveState['model'] });
    if (training.run.runId !== null) training.run.reset();
    void classify();
  });
  digitSelect.addEventListener('change', () => {
    update({ digit: Number(digitSelect.value) });
    drawTestDigit(state.digit);
  });
  clearButton.addEventListener('click', () => {
    pad.clear();
    showEmpty();
  });

  update({});
  clearButton.disabled = false;
  try {
    drawTestDigit(state.digit);
  } catch (e) {
    showError(e);
  }
}

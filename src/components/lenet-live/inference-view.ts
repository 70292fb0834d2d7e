/**
 * What the network saw and said: the 32×32 input view, the prediction line, the probability
 * bars, every stage's feature maps on their buttons, and the two Data tables. The pictures and
 * rows come from plan.ts; this only puts them in the DOM.
 */
import type { LenetLiveStrings } from '../../i18n/strings.ts';
import type { LenetInference, LenetStage } from '../../lib/compute/jobs/lenet-infer.ts';
import { LENET_SIDE } from '../../lib/data/lenet-input.ts';
import { renderProbabilityBars } from '../../lib/viz/probability-bars.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { fillRows } from '../widget/table-rows.ts';
import { formatPercent, inputImage, mapRangeRows, probabilityRows, stageImage } from './plan.ts';

const CLASS_LABELS = [...'0123456789'];

/** The view's part the widget drives. */
export interface InferenceView {
  /** Shows the digit the network reads (28×28 MNIST bytes, 0–255 ink), or a blank input for null. */
  input(digit: Uint8Array | null): void;
  /** Shows an inference; `trained`: it ran with the reader's trained weights. */
  show(inference: LenetInference, trained: boolean): void;
  /** Shows the empty pad's view: no prediction, empty bars, maps and tables, a blank input. */
  clear(): void;
}

/**
 * The inference view in the widget `root` (its `[data-input-view]` canvas, `[data-prediction]`,
 * `[data-chart="probabilities"]`, the `.ll-map` buttons and the probability and range tables), worded by `t`.
 */
export function inferenceView(t: LenetLiveStrings, root: HTMLElement): InferenceView {
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const prediction = q<HTMLElement>('[data-prediction]');
  const chart = q<HTMLElement>('[data-chart="probabilities"]');
  const maps = root.querySelectorAll<HTMLButtonElement>('.ll-map');
  const inputView = q<HTMLCanvasElement>('[data-input-view]');
  const bars = (probabilities: ArrayLike<number>, predicted: number | null): void =>
    patchMarkup(
      chart,
      renderProbabilityBars(probabilities, { ...t.probabilityChart, classLabels: CLASS_LABELS, predicted }),
    );
  const input = (digit: Uint8Array | null): void =>
    inputView.getContext('2d')!.putImageData(new ImageData(inputImage(digit), LENET_SIDE, LENET_SIDE), 0, 0);

  return {
    input,
    show: (inference, trained) => {
      const best = inference.predicted;
      const sure = formatPercent(inference.probabilities[best] as number);
      prediction.textContent = trained ? t.trainedPrediction(best, sure) : t.prediction(best, sure);
      bars(inference.probabilities, best);
      for (const button of maps) {
        const { data, width, height } = stageImage(
          inference.stages[button.dataset['stage'] as LenetStage],
          Number(button.dataset['map']),
        );
        button
          .querySelector('canvas')!
          .getContext('2d')!
          .putImageData(new ImageData(data, width, height), 0, 0);
      }
      fillRows(q('[data-probability-table]'), probabilityRows(inference.probabilities));
      fillRows(q('[data-range-table]'), mapRangeRows(t, inference.stages));
    },
    clear: () => {
      prediction.textContent = t.predictionEmpty;
      bars([], null);
      for (const button of maps) {
        const canvas = button.querySelector('canvas')!;
        canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
      }
      fillRows(q('[data-probability-table]'), []);
      fillRows(q('[data-range-table]'), []);
      input(null);
    },
  };
}

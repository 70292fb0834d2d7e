/** Options of the training curves (src/lib/viz/line-chart.ts draws them). */
import { lenetLive } from '../../i18n/en/lenet-live.ts';
import type { LineChartOptions } from '../../lib/viz/line-chart.ts';
import { TRAIN_TOTAL_STEPS } from './plan.ts';

const t = lenetLive;

/** Training loss (mean of each chunk) against step, linear y. */
export function trainLossOptions(): LineChartOptions {
  return { ...t.lossChart, yScale: 'linear', xDomain: [0, TRAIN_TOTAL_STEPS], className: 'll-loss', width: 420 };
}

/** Test accuracy against step, y in [0, 1]. */
export function trainAccuracyOptions(): LineChartOptions {
  return {
    ...t.accuracyChart,
    yScale: 'linear',
    yDomain: [0, 1],
    xDomain: [0, TRAIN_TOTAL_STEPS],
    className: 'll-accuracy',
    width: 420,
  };
}

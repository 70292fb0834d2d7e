/** Options of the training curves (src/lib/viz/line-chart.ts draws them). */
import type { LenetLiveStrings } from '../../i18n/strings.ts';
import type { LineChartOptions } from '../../lib/viz/line-chart.ts';
import { TRAIN_TOTAL_STEPS } from './plan.ts';

/** Training loss (mean of each chunk) against step, linear y. */
export function trainLossOptions(t: LenetLiveStrings): LineChartOptions {
  return { ...t.lossChart, yScale: 'linear', xDomain: [0, TRAIN_TOTAL_STEPS], className: 'll-loss', width: 420 };
}

/** Test accuracy against step, y in [0, 1]. */
export function trainAccuracyOptions(t: LenetLiveStrings): LineChartOptions {
  return {
    ...t.accuracyChart,
    yScale: 'linear',
    yDomain: [0, 1],
    xDomain: [0, TRAIN_TOTAL_STEPS],
    className: 'll-accuracy',
    width: 420,
  };
}

/**
 * Job 'peak-conv': the backend's practical peak, from one large 3×3 convolution run repeatedly.
 * The benchmark divides each model's achieved GFLOP/s by this to get an efficiency ratio.
 */
import { gaussianImages } from '../synthetic-data.ts';
import * as tf from '../tf.ts';
import { medianTime } from '../timing.ts';
import type { JobDefinition } from './job.ts';

export interface PeakConvParams {
  /** Feature map side. Default 64. */
  readonly size?: number;
  /** Input and output channels. Default 64. */
  readonly channels?: number;
  /** Timed runs after one warm-up. Default 5. */
  readonly repeats?: number;
}

/** Median time of one conv and the GFLOP/s it implies (FLOPs = 2 × MACs). */
export interface PeakConvResult {
  readonly flopsPerRun: number;
  readonly medianMs: number;
  readonly gflops: number;
}

export function peakConvJob(): JobDefinition<PeakConvParams, PeakConvResult> {
  return {
    async run(params) {
      const size = params.size ?? 64;
      const channels = params.channels ?? 64;
      const repeats = params.repeats ?? 5;
      const x = tf.tensor4d(gaussianImages(3, 1, [size, size, channels]), [1, size, size, channels]);
      const w = tf.tensor4d(gaussianImages(4, 3, [3, channels, channels]), [3, 3, channels, channels]);
      try {
        const once = async (): Promise<void> => {
          const y = tf.conv2d(x, w, 1, 'same');
          await y.data();
          y.dispose();
        };
        const medianMs = await medianTime(once, repeats);
        const flopsPerRun = 2 * size * size * channels * channels * 9;
        return { flopsPerRun, medianMs, gflops: flopsPerRun / (medianMs * 1e6) };
      } finally {
        x.dispose();
        w.dispose();
      }
    },
  };
}

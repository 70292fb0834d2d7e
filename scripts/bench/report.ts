/**
 * The benchmark's result format and its text table.
 */
import type { Analysis } from '../../src/lib/models/analyze.ts';

/** One model at one batch size on one backend; times in ms (medians of warm runs). */
export interface ModelTiming {
  readonly model: string;
  readonly batch: number;
  readonly forwardMs: number;
  readonly inputGradientMs: number;
  /** null where the step was estimated too slow (or the backend has no weight gradients). */
  readonly trainStepMs: number | null;
  /** Why trainStepMs is null. */
  readonly trainStepNote?: string;
  /** FLOPs of the forward pass (2 × MACs × batch) per second of it, in GFLOP/s. */
  readonly forwardGflops: number;
  /** forwardGflops ÷ the backend's peak in the same run. */
  readonly efficiency: number;
}

/** Training speed of one network (or the lab's three) at batch 32 on one backend. */
export interface TrainingRate {
  /** plain20, resnet20 (CIFAR-10 input), or 'lab' (the skip-connection lab's plain-20 + ResNet-20 + plain-8 on MNIST). */
  readonly net: string;
  /** SGD steps per second (median step time of warm steps); NaN when the measurement failed. */
  readonly stepsPerSecond: number;
  /** Where it ran: a backend without weight gradients would hand training down the ladder. */
  readonly ranOn: string;
}

export interface BenchResults {
  readonly date: string;
  readonly machine: string;
  readonly browser: string;
  readonly backends: (
    | { readonly backend: string; readonly available: false; readonly note: string }
    | {
        readonly backend: string;
        readonly available: true;
        /** GFLOP/s of one large 3×3 conv (64×64×64 → 64), the same run's practical peak. */
        readonly peakGflops: number;
        readonly timings: readonly ModelTiming[];
        /** Training steps/s at batch 32 (the skip-connection lab's budget figure). */
        readonly training: readonly TrainingRate[];
        /** Durations (ms) of main-thread long tasks while the slider was swept 20 times. */
        readonly longTasksDuringSweep: readonly number[];
        /** Bytes (uncompressed) of JS and WASM the page and its worker loaded on this backend. */
        readonly jsBytes: number;
        readonly wasmBytes: number;
      }
  )[];
}

/** Forward FLOPs per example: 2 × MACs (conv and dense). */
export function flopsPerExample(analysis: Analysis): number {
  return 2 * analysis.macs;
}

const ms = (v: number | null): string => (v === null ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0));

/** A plain-text table of the results, one row per backend, model and batch. */
export function benchTable(results: BenchResults): string {
  const lines = [
    `${results.browser} on ${results.machine}`,
    '',
    'backend  model     batch  forward ms  input-grad ms  train-step ms  GFLOP/s  of peak',
  ];
  for (const b of results.backends) {
    if (!b.available) {
      lines.push(`${b.backend.padEnd(8)} not available (${b.note})`);
      continue;
    }
    for (const t of b.timings) {
      lines.push(
        [
          b.backend.padEnd(8),
          t.model.padEnd(9),
          String(t.batch).padStart(5),
          ms(t.forwardMs).padStart(11),
          ms(t.inputGradientMs).padStart(14),
          ms(t.trainStepMs).padStart(14),
          t.forwardGflops.toFixed(2).padStart(8),
          `${(100 * t.efficiency).toFixed(0)}%`.padStart(8),
        ].join(' '),
      );
    }
    const rates = b.training.map(
      (r) => `${r.net} ${r.stepsPerSecond.toFixed(2)}${r.ranOn === b.backend ? '' : ` (on ${r.ranOn})`}`,
    );
    lines.push(`${b.backend.padEnd(8)} training steps/s at batch 32: ${rates.join(', ')}`);
    lines.push(
      `${b.backend.padEnd(8)} peak ${b.peakGflops.toFixed(2)} GFLOP/s; long tasks during slider sweep: ${b.longTasksDuringSweep.length}; ` +
        `JS ${(b.jsBytes / 1024).toFixed(0)} KB, WASM ${(b.wasmBytes / 1024).toFixed(0)} KB loaded`,
    );
  }
  return lines.join('\n');
}

/**
 * The benchmark's result format (bench/results.json), how a run restricted to some backends
 * merges into the previous file, and the text table the bench prints.
 */
import type { Analysis } from '../../src/lib/models/analyze.ts';
import { BACKEND_LADDER } from '../../src/lib/worker/backend-ladder.ts';

/** One model at one batch size on one backend; times in ms (medians of warm runs). */
export interface ModelTiming {
  readonly model: string;
  readonly batch: number;
  /** NaN (null in the JSON) when the measurement failed. */
  readonly forwardMs: number;
  readonly inputGradientMs: number;
  /** null where the step was estimated too slow to measure (or failed). */
  readonly trainStepMs: number | null;
  /** Why trainStepMs is null. */
  readonly trainStepNote?: string;
  /** FLOPs of the forward pass (2 × MACs × batch) per second of it, in GFLOP/s. */
  readonly forwardGflops: number;
  /** forwardGflops ÷ the backend's peak in the same run. */
  readonly efficiency: number;
}

/** The net and batch of issue 18's ratios (training step and input gradient against the forward pass). */
export const RATIO_AT = { model: 'resnet20', batch: 32 } as const;

/**
 * Forward pass, input gradient and training step of one net at one batch, timed in turn round
 * after round (only on a backend fast enough for it): medians in ms, and medians of the per-round
 * ratios, which a machine's changing load disturbs less than the table's separate medians.
 */
export interface InterleavedRatios {
  readonly model: string;
  readonly batch: number;
  readonly rounds: number;
  readonly forwardMs: number;
  readonly inputGradientMs: number;
  readonly trainStepMs: number;
  readonly trainOverForward: number;
  readonly inputGradientOverForward: number;
}

/** The training widgets whose default runs the bench times. */
export const BENCH_WIDGETS = ['skip-lab', 'relu-tanh', 'lenet-live'] as const;
export type BenchWidget = (typeof BENCH_WIDGETS)[number];

/** A training widget's default run on one backend: the job the widget sends, chunk by chunk. */
export interface WidgetRate {
  readonly widget: BenchWidget;
  /** The job kind, e.g. 'lab-train'. */
  readonly job: string;
  /** The default setting in words, e.g. "depth 20 and 8, width 8, batch 32". */
  readonly setting: string;
  /**
   * Steps per second as the widget's status line computes it: steps ÷ their summed step time
   * (worker-side), the run's first step (a warm-up) left out. NaN (null in the JSON) when it failed.
   */
  readonly stepsPerSecond: number;
  /** Steps that rate is over. */
  readonly steps: number;
  /** Steps per second over whole chunks after the first (messages, and LeNet's test pass, included); null with one chunk. */
  readonly chunkStepsPerSecond: number | null;
  /** Wall time of the run's first chunk as the page waits for it (data loading and net building included), ms. */
  readonly firstChunkMs: number;
  /** Where the job ran (its meta.backend), or "failed: …". */
  readonly ranOn: string;
}

/** Which backend the runtime picked with no ?backend=, as `ready` reported it. */
export interface AutoChoice {
  readonly backend: string;
  readonly skipped: readonly { readonly backend: string; readonly reason: string }[];
  /** Per kind of work (forward, train): the backend and why; absent on runtimes without it. */
  readonly choices?: Readonly<Record<string, { readonly backend: string; readonly why: unknown }>>;
}

export interface MeasuredBackend {
  readonly backend: string;
  readonly available: true;
  /** When this backend was measured (runs restricted with --backends keep other backends' entries). */
  readonly date: string;
  readonly browser: string;
  /** GFLOP/s of one large 3×3 conv (64×64×64 → 64), the same run's practical peak. */
  readonly peakGflops: number;
  readonly timings: readonly ModelTiming[];
  /** The ratio net timed interleaved; absent on backends too slow for it and in older entries. */
  readonly interleaved?: InterleavedRatios;
  /** Training widgets' default runs; absent in entries from before the bench measured them. */
  readonly widgets?: readonly WidgetRate[];
  /** Durations (ms) of main-thread long tasks while the slider was swept 20 times. */
  readonly longTasksDuringSweep: readonly number[];
  /** Bytes (uncompressed) of JS and WASM the page and its worker loaded on this backend. */
  readonly jsBytes: number;
  readonly wasmBytes: number;
}

export interface UnavailableBackend {
  readonly backend: string;
  readonly available: false;
  readonly date: string;
  readonly browser: string;
  readonly note: string;
}

export type BackendResult = MeasuredBackend | UnavailableBackend;

export interface BenchResults {
  /** Of the latest run (the one that wrote the file). */
  readonly date: string;
  readonly machine: string;
  /** Of the latest run. */
  readonly browser: string;
  /** The latest run's auto-choice; null when it could not be read. */
  readonly autoChoice: AutoChoice | null;
  /** In the ladder's order. */
  readonly backends: readonly BackendResult[];
}

/** Forward FLOPs per example: 2 × MACs (conv and dense). */
export function flopsPerExample(analysis: Analysis): number {
  return 2 * analysis.macs;
}

const ladderIndex = (backend: string): number => {
  const i = (BACKEND_LADDER as readonly string[]).indexOf(backend);
  return i < 0 ? BACKEND_LADDER.length : i;
};

/** JSON has no NaN: failed measurements are written as null and read back as NaN. */
const nanFromNull = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);

/**
 * Reads bench/results.json as parsed JSON, including files from before entries carried their
 * own date (they get the file's) and before the auto-choice was recorded.
 */
export function readResults(json: unknown): BenchResults {
  const file = json as Partial<BenchResults> & { backends?: Partial<BackendResult>[] };
  if (typeof file.date !== 'string' || !Array.isArray(file.backends)) {
    throw new Error('bench/results.json: not a benchmark result (no date or backends)');
  }
  const date = file.date;
  const browser = file.browser ?? 'unknown browser';
  return {
    date,
    machine: file.machine ?? 'unknown machine',
    browser,
    autoChoice: file.autoChoice ?? null,
    backends: file.backends.map((entry) => {
      const stamped = { ...entry, date: entry.date ?? date, browser: entry.browser ?? browser } as BackendResult;
      if (!stamped.available) return stamped;
      return {
        ...stamped,
        timings: stamped.timings.map((t) => ({
          ...t,
          forwardMs: nanFromNull(t.forwardMs),
          inputGradientMs: nanFromNull(t.inputGradientMs),
          forwardGflops: nanFromNull(t.forwardGflops),
          efficiency: nanFromNull(t.efficiency),
        })),
        ...(stamped.widgets
          ? { widgets: stamped.widgets.map((w) => ({ ...w, stepsPerSecond: nanFromNull(w.stepsPerSecond) })) }
          : {}),
      };
    }),
  };
}

/**
 * The file a run writes. A run of some backends (`--backends wasm,cpu`) replaces those backends'
 * entries and keeps the others from `previous`, each with its own date, so the slow software-GPU
 * backends need not be re-measured every time; the auto-choice and the top-level date, machine
 * and browser are the new run's. A previous file from another machine is dropped, not merged.
 */
export function mergeResults(
  previous: BenchResults | null,
  run: BenchResults,
): { results: BenchResults; kept: string[] } {
  if (previous === null || previous.machine !== run.machine) return { results: run, kept: [] };
  const measured = new Set(run.backends.map((b) => b.backend));
  const kept = previous.backends.filter((b) => !measured.has(b.backend));
  const backends = [...run.backends, ...kept].sort((a, b) => ladderIndex(a.backend) - ladderIndex(b.backend));
  return { results: { ...run, backends }, kept: kept.map((b) => b.backend) };
}

const ms = (v: number | null): string =>
  v === null ? '—' : Number.isNaN(v) ? 'failed' : v < 10 ? v.toFixed(2) : v.toFixed(0);

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
    const rates = (b.widgets ?? []).map(
      (r) => `${r.widget} ${r.stepsPerSecond.toFixed(2)}${r.ranOn === b.backend ? '' : ` (on ${r.ranOn})`}`,
    );
    if (rates.length > 0) lines.push(`${b.backend.padEnd(8)} widgets' default runs, steps/s: ${rates.join(', ')}`);
    lines.push(
      `${b.backend.padEnd(8)} peak ${b.peakGflops.toFixed(2)} GFLOP/s; long tasks during slider sweep: ${b.longTasksDuringSweep.length}; ` +
        `JS ${(b.jsBytes / 1024).toFixed(0)} KB, WASM ${(b.wasmBytes / 1024).toFixed(0)} KB loaded; measured ${b.date}`,
    );
  }
  if (results.autoChoice) {
    const { backend, choices } = results.autoChoice;
    const kinds = choices ? Object.entries(choices).map(([kind, c]) => `${kind} ${c.backend}`) : [];
    lines.push(`auto-choice: ${backend}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`);
  }
  return lines.join('\n');
}

/**
 * A recorded reference run: a training experiment's default configuration trained for longer
 * than a reader's run, by the same code, with `npm run record -- <experiment>`, and kept in
 * public/runs/<experiment>.json (an asset, like the MNIST digits and the weights). The widgets draw it faintly behind the live curves, so a reader
 * sees the whole result at once and the live run confirms it. Pure: the page and the build read it too.
 */

/** One step of a side-by-side run as recorded: each network's batch loss and accuracy (the engine's SideBySideStep has this shape). */
export interface RecordedStep<N extends string> {
  /** 1-based step count after this step. */
  readonly step: number;
  /** η of the step; NaN when not recorded. */
  readonly learningRate: number;
  readonly nets: Readonly<Record<N, { readonly loss: number; readonly accuracy: number }>>;
}

/** A recorded run is this many times as long as the default run it records. */
export const RECORD_LENGTH = 2;

/** The version of the file's layout; a file of another version is refused. */
export const RECORD_FORMAT = 1;

/** Significant digits a recorded loss or accuracy keeps (the file stays small; a curve needs far fewer). */
const DIGITS = 6;

/** One network's curves: index i holds step i + 1's batch value before the update. */
export interface RecordedCurves {
  /** Mean softmax cross-entropy of the batch, nats. */
  readonly loss: readonly number[];
  /** Fraction of the batch classified correctly, 0–1. */
  readonly accuracy: readonly number[];
}

/** What public/runs/<experiment>.json holds. */
export interface RecordedRun {
  readonly format: typeof RECORD_FORMAT;
  /** The experiment's name, as `npm run experiment` knows it. */
  readonly experiment: string;
  /** The package version that recorded it. */
  readonly version: string;
  /** The TF.js backend it trained on ('wasm' or 'cpu'). */
  readonly backend: string;
  readonly seed: number;
  /** Steps recorded (every curve has this many values). */
  readonly steps: number;
  /** The experiment's configuration, as its session takes it (seed included). */
  readonly config: Readonly<Record<string, unknown>>;
  /** The networks, in the experiment's order, each with its per-step curves. */
  readonly nets: readonly string[];
  readonly curves: Readonly<Record<string, RecordedCurves>>;
  /** The experiment's verdict over the recorded steps ('reproduced' or 'not reproduced'). */
  readonly verdict: string;
}

function rounded(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(DIGITS)) : value;
}

/** Every net's per-step curves of a side-by-side `history`, rounded for the file. */
export function recordedCurves<N extends string>(
  history: readonly RecordedStep<N>[],
  nets: readonly N[],
): Record<N, RecordedCurves> {
  const curves = {} as Record<N, RecordedCurves>;
  for (const net of nets) {
    curves[net] = {
      loss: history.map((step) => rounded(step.nets[net].loss)),
      accuracy: history.map((step) => rounded(step.nets[net].accuracy)),
    };
  }
  return curves;
}

/**
 * The recorded run as side-by-side steps of the networks N (the run's `nets`, as parseRecordedRun
 * checked): step numbers from 1; the learning rate is not recorded (NaN).
 */
export function recordedSteps<N extends string>(run: RecordedRun): RecordedStep<N>[] {
  return Array.from({ length: run.steps }, (_, i) => {
    const nets = {} as Record<N, { loss: number; accuracy: number }>;
    for (const net of run.nets as N[]) {
      nets[net] = { loss: run.curves[net]!.loss[i]!, accuracy: run.curves[net]!.accuracy[i]! };
    }
    return { step: i + 1, learningRate: Number.NaN, nets };
  });
}

/**
 * Whether a widget running `config` trains what `run` recorded, step for step: every field
 * equal, except those in `free` (for example totalSteps, when a longer run takes the same first
 * steps).
 */
export function recordsConfig(
  run: RecordedRun,
  config: Readonly<Record<string, unknown>>,
  free: readonly string[] = [],
): boolean {
  const keys = new Set([...Object.keys(run.config), ...Object.keys(config)]);
  return [...keys].every((key) => free.includes(key) || Object.is(run.config[key], config[key]));
}

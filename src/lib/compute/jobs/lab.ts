/**
 * The skip-connection lab's jobs. One run (three networks) lives in the worker's LabStore
 * between jobs: 'lab-train' takes a chunk of steps (the page loops chunks, so pause is simply
 * not asking for the next one), 'lab-lesion' deletes blocks of the trained nets,
 * 'lab-landscape' slices their loss surface, 'lab-flow' measures their per-layer gradients.
 * All of them need weight gradients, so on WASM they all run on the CPU backend, with the run.
 */
import { softmaxCrossEntropy } from '../cross-entropy.ts';
import { layerGradientNorms, type LayerNorms } from '../gradient-flow/norms.ts';
import { hasWeightGradients } from '../gradient-flow/setup.ts';
import { filterNormalizedDirection } from '../landscape/directions.ts';
import { lossSlice } from '../landscape/slice.ts';
import type { LabConfig } from '../lab/config.ts';
import { lesionedAccuracy, lesionStudy, type LesionStudy } from '../lab/lesion.ts';
import type { LabSession, LabStep } from '../lab/session.ts';
import type { LabStore } from '../lab/store.ts';

export { LabStore } from '../lab/store.ts';
import * as tf from '../tf.ts';
import type { JobContext, JobDefinition } from './job.ts';
import { sideBySideTrainJob, type ChunkParams, type ChunkResult, type Timed } from './side-by-side-train.ts';

/** The two networks the lesion, landscape and flow views compare. */
export type LabTwin = 'plain' | 'residual';
const TWINS: readonly LabTwin[] = ['plain', 'residual'];

export interface LabTrainParams extends ChunkParams<LabConfig> {
  /** False: the residual net trains with its shortcuts off. Default true. */
  readonly identity?: boolean;
}

/** Streamed after every step. */
export type LabTrainProgress = Timed<LabStep>;

export type LabTrainResult = ChunkResult<LabStep>;

/** Progress of a job that evaluates many networks or points: `done` of `total`. */
export interface WorkDone {
  readonly done: number;
  readonly total: number;
}

export interface LabLesionParams {
  readonly runId: string;
  /** Blocks deleted from both networks (block ids). */
  readonly lesions: readonly string[];
  /** Also the full study: each block deleted in turn, and k random blocks. */
  readonly study?: { readonly maxK: number; readonly trials: number; readonly seed: number };
}

export interface LabLesionResult {
  /** Block ids, the same for both networks. */
  readonly blocks: readonly string[];
  /** Test accuracy (0–1) with `lesions` deleted, and intact. */
  readonly lesioned: Readonly<Record<LabTwin, number>>;
  readonly intact: Readonly<Record<LabTwin, number>>;
  readonly study: Readonly<Record<LabTwin, LesionStudy>> | null;
  readonly testCount: number;
}

export interface LabLandscapeParams {
  readonly runId: string;
  /** Points of the 1-D slice, odd, 3…61. */
  readonly points: number;
  /** Points per side of the 2-D grid, odd, 3…25; 0 for none. */
  readonly grid: number;
  /** α and β run over −span…span (in units of the filter-normalised direction), (0, 2]. */
  readonly span: number;
  /** Seed of the directions. */
  readonly seed: number;
  /** Training digits the loss is averaged over, 16…2000. */
  readonly sampleCount: number;
}

export interface LandscapeSlices {
  /** Loss (nats) at θ + α·d₁ for each α. */
  readonly line: readonly number[];
  /** Loss at θ + α·d₁ + β·d₂, [betas][alphas]; null without a grid. */
  readonly grid: readonly (readonly number[])[] | null;
}

export interface LabLandscapeResult {
  readonly alphas: readonly number[];
  readonly gridAxis: readonly number[];
  readonly nets: Readonly<Record<LabTwin, LandscapeSlices>>;
  readonly step: number;
}

export interface LabFlowParams {
  readonly runId: string;
  /** False: the residual net is measured with its shortcuts off. */
  readonly identity: boolean;
  /** Training digits the gradients are taken on, 2…256. */
  readonly sampleCount: number;
}

export interface LabFlowResult {
  readonly nets: Readonly<Record<LabTwin, LayerNorms>>;
  readonly weightGradients: boolean;
  readonly step: number;
}

/** n evenly spaced values from −span to span. */
export function symmetricAxis(n: number, span: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? 0 : -span + (2 * span * i) / (n - 1)));
}

function checkInt(name: string, value: number, low: number, high: number, odd = false): void {
  if (!Number.isInteger(value) || value < low || value > high || (odd && value % 2 === 0)) {
    throw new Error(`${name} must be ${odd ? 'an odd' : 'a'} whole number in ${low}…${high}, got ${String(value)}`);
  }
}

/** The first `count` training examples as tensors [count, 32, 32, 1] and labels [count]. */
function sampleBatch(session: LabSession, count: number): { x: tf.Tensor4D; labels: Int32Array } {
  const n = Math.min(count, session.data.train.count);
  const batch = session.data.train.batch(Array.from({ length: n }, (_, i) => i));
  return { x: tf.tensor4d(batch.inputs, [n, 32, 32, 1]), labels: batch.labels };
}

export function labTrainJob(store: LabStore): JobDefinition<LabTrainParams, LabTrainResult, LabTrainProgress> {
  return sideBySideTrainJob(store, (session, params: LabTrainParams) =>
    session.trainStep({ identity: params.identity !== false }),
  );
}

export function labLesionJob(store: LabStore): JobDefinition<LabLesionParams, LabLesionResult, WorkDone> {
  return {
    needs: { weightGradients: true },
    async run(params, context) {
      const session = store.get(params.runId);
      session.prepareInference();
      const blocks = session.blocks('residual');
      const unknown = params.lesions.filter((b) => !blocks.includes(b));
      if (unknown.length > 0) throw new Error(`no such block: ${unknown.join(', ')}`);
      const test = session.data.test;
      const measure = async (twin: LabTwin, lesions: readonly string[]): Promise<number> => {
        await context.checkpoint();
        return lesionedAccuracy(session.nets[twin], test, session.runOptions(twin), lesions);
      };
      const intact = { plain: await measure('plain', []), residual: await measure('residual', []) };
      const lesioned =
        params.lesions.length === 0
          ? intact
          : { plain: await measure('plain', params.lesions), residual: await measure('residual', params.lesions) };
      let study: Record<LabTwin, LesionStudy> | null = null;
      const options = params.study;
      if (options) {
        checkInt('maxK', options.maxK, 1, 64);
        checkInt('trials', options.trials, 1, 20);
        let done = 0;
        const run = async (twin: LabTwin) =>
          lesionStudy(session.nets[twin], test, session.runOptions(twin), blocks, {
            ...options,
            onEvaluation: async (_, perNet) => {
              context.progress({ done: ++done, total: 2 * perNet });
              await context.checkpoint();
            },
          });
        const plain = await run('plain');
        study = { plain, residual: await run('residual') };
      }
      return { blocks, lesioned, intact, study, testCount: test.count };
    },
  };
}

/** The mean cross-entropy of `twin` on `x`, in inference mode, as slices need it. */
function datasetLoss(session: LabSession, twin: LabTwin, x: tf.Tensor4D, targets: tf.Tensor2D): () => Promise<number> {
  const net = session.nets[twin];
  return async () => {
    const value = tf.tidy(() =>
      softmaxCrossEntropy(net.forward(x, session.runOptions(twin)).output as tf.Tensor2D, targets),
    );
    const [loss = Number.NaN] = await value.data();
    value.dispose();
    return loss;
  };
}

export function labLandscapeJob(store: LabStore): JobDefinition<LabLandscapeParams, LabLandscapeResult, WorkDone> {
  return {
    needs: { weightGradients: true },
    async run(params, context: JobContext) {
      checkInt('points', params.points, 3, 61, true);
      if (params.grid !== 0) checkInt('grid', params.grid, 3, 25, true);
      checkInt('sampleCount', params.sampleCount, 16, 2000);
      if (!(params.span > 0 && params.span <= 2)) throw new Error(`span must be in (0, 2], got ${params.span}`);
      const session = store.get(params.runId);
      session.prepareInference();
      const alphas = symmetricAxis(params.points, params.span);
      const gridAxis = params.grid === 0 ? [] : symmetricAxis(params.grid, params.span);
      const { x, labels } = sampleBatch(session, params.sampleCount);
      const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), 'float32') as tf.Tensor2D);
      const perNet = params.points + params.grid * params.grid;
      let done = 0;
      const onPoint = async () => {
        context.progress({ done: ++done, total: 2 * perNet });
        await context.checkpoint();
      };
      try {
        const slices = async (twin: LabTwin): Promise<LandscapeSlices> => {
          const net = session.nets[twin];
          const loss = datasetLoss(session, twin, x, targets);
          const d1 = await filterNormalizedDirection(net, params.seed);
          const [line = []] = await lossSlice(net, loss, d1, null, alphas, [0], { onPoint });
          if (params.grid === 0) return { line, grid: null };
          const d2 = await filterNormalizedDirection(net, params.seed + 1);
          return { line, grid: await lossSlice(net, loss, d1, d2, gridAxis, gridAxis, { onPoint }) };
        };
        const plain = await slices('plain');
        const residual = await slices('residual');
        return { alphas, gridAxis, nets: { plain, residual }, step: session.step };
      } finally {
        tf.dispose([x, targets]);
      }
    },
  };
}

export function labFlowJob(store: LabStore): JobDefinition<LabFlowParams, LabFlowResult> {
  return {
    needs: { weightGradients: true },
    async run(params, context) {
      checkInt('sampleCount', params.sampleCount, 2, 256);
      const session = store.get(params.runId);
      const weights = hasWeightGradients(context.backend);
      const { x, labels } = sampleBatch(session, params.sampleCount);
      try {
        const nets = {} as Record<LabTwin, LayerNorms>;
        for (const twin of TWINS) {
          await context.checkpoint();
          nets[twin] = await layerGradientNorms(session.nets[twin], x, labels, {
            weights,
            ...session.runOptions(twin, { identity: params.identity }),
          });
        }
        return { nets, weightGradients: weights, step: session.step };
      } finally {
        x.dispose();
      }
    },
  };
}

/** 'lab-reset': frees the run (the page's Reset, or leaving the page). */
export function labResetJob(store: LabStore): JobDefinition<Record<string, never>, { readonly reset: true }> {
  return {
    async run() {
      store.reset();
      return { reset: true };
    },
  };
}

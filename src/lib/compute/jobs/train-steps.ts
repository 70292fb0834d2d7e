/**
 * Job 'train-steps': a few SGD steps of a freshly initialised network on one batch, reporting
 * the loss and the time of every step. Needs weight gradients (every backend has them).
 */
import { softmaxCrossEntropy } from '../cross-entropy.ts';
import { specFromSource } from '../model-source.ts';
import { build } from '../network.ts';
import { Sgd } from '../sgd.ts';
import { randomLabels } from '../synthetic-data.ts';
import * as tf from '../tf.ts';
import type { JobDefinition } from './job.ts';
import { inputBatch, type InputParams, type NetworkParams } from './network-params.ts';

export interface TrainStepsParams extends NetworkParams, InputParams {
  readonly steps: number;
  readonly learningRate?: number;
  /** Integer class labels, one per example; default seeded random labels. */
  readonly labels?: Int32Array;
}

/** Per step: the softmax cross-entropy before the update, and the step's wall time in ms. */
/** One step done: its number (1-based) and its loss. */
export interface TrainStepsProgress {
  readonly step: number;
  readonly loss: number;
}

export interface TrainStepsResult {
  readonly losses: readonly number[];
  readonly stepMs: readonly number[];
}

/** Streams `{ step, loss }` after each step; stops between steps when cancelled. */
export function trainStepsJob(): JobDefinition<TrainStepsParams, TrainStepsResult, TrainStepsProgress> {
  return {
    needs: { weightGradients: true },
    async run(params, context) {
      if (!Number.isInteger(params.steps) || params.steps < 1 || params.steps > 10_000) {
        throw new Error(`steps must be 1…10000, got ${params.steps}`);
      }
      const net = build(await specFromSource(params.model), {
        ...(params.init === undefined ? {} : { init: params.init }),
        seed: params.seed ?? 0,
        ...(params.inputShape === undefined ? {} : { inputShape: params.inputShape }),
      });
      const outputShape = net.analysis.outputShape;
      if (outputShape.length !== 1) throw new Error(`model "${net.spec.id}" has no class output to train`);
      const classes = outputShape[0];
      const x = inputBatch(net, params);
      const batch = x.shape[0];
      const labels = params.labels ?? randomLabels(params.dataSeed ?? 1, batch, classes);
      const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
      const sgd = new Sgd({ learningRate: params.learningRate ?? 0.01 });
      const losses: number[] = [];
      const stepMs: number[] = [];
      try {
        for (let step = 0; step < params.steps; step++) {
          await context.checkpoint();
          const started = performance.now();
          const result = net.gradients(
            x,
            (outputs) => softmaxCrossEntropy(outputs[net.outputId] as tf.Tensor2D, targets as tf.Tensor2D),
            { wrt: { weights: 'all' }, training: true, updateStats: true },
          );
          try {
            sgd.step(net, result.weights);
            const [loss = Number.NaN] = await result.value.data();
            losses.push(loss);
          } finally {
            result.dispose();
          }
          stepMs.push(performance.now() - started);
          context.progress({ step: step + 1, loss: losses[step] ?? Number.NaN });
        }
        return { losses, stepMs };
      } finally {
        sgd.dispose();
        targets.dispose();
        x.dispose();
        net.dispose();
      }
    },
  };
}

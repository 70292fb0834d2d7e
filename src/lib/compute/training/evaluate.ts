/** How well a classifier does on a set of labelled examples. */
import type { RunOptions } from '../graph.ts';
import type { Network } from '../network.ts';
import * as tf from '../tf.ts';
import { sequentialBatches } from './batches.ts';
import type { ExampleSource } from './examples.ts';
import { perExampleCrossEntropy } from '../cross-entropy.ts';
import { classCount, classLogits } from './loss.ts';

/** A classifier's results on n examples. */
export interface Evaluation {
  /** n, the examples evaluated. */
  readonly count: number;
  /** Examples whose highest-scoring class is their label. */
  readonly correct: number;
  /** correct / count, 0–1. */
  readonly accuracy: number;
  /** Mean softmax cross-entropy, nats per example. */
  readonly loss: number;
  /** [n] the predicted class of every example, in source order. */
  readonly predictions: Int32Array;
}

/**
 * Evaluates `net` on every example of `source`, `batchSize` at a time (larger batches are
 * faster, smaller ones use less memory), run as `run` (skips, lesions). Inference mode unless
 * `run.training` is true: then batch norm normalises each batch of `batchSize` by its own
 * statistics (without updating the running ones), as it does in training. Leaves no tensors behind.
 */
export async function evaluateClassifier(
  net: Network,
  source: ExampleSource,
  batchSize = 250,
  run: RunOptions = {},
): Promise<Evaluation> {
  const classes = classCount(net);
  const predictions = new Int32Array(source.count);
  let correct = 0;
  let lossSum = 0;
  let done = 0;
  for (const indices of sequentialBatches(source.count, batchSize)) {
    const { inputs, labels } = source.batch(indices);
    const [predicted, losses] = tf.tidy(() => {
      const x = tf.tensor4d(inputs, [indices.length, ...net.inputShape]);
      const logits = classLogits(net, net.forward(x, { training: false, ...run }).output);
      const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), classes) as tf.Tensor2D;
      return [tf.argMax(logits, 1), perExampleCrossEntropy(logits, targets)];
    });
    try {
      const [p, l] = await Promise.all([predicted.data(), losses.data()]);
      for (let k = 0; k < indices.length; k++) {
        predictions[done + k] = p[k] as number;
        if (p[k] === labels[k]) correct++;
        lossSum += l[k] as number;
      }
    } finally {
      tf.dispose([predicted, losses]);
    }
    done += indices.length;
  }
  const count = source.count;
  return {
    count,
    correct,
    accuracy: count === 0 ? 0 : correct / count,
    loss: count === 0 ? 0 : lossSum / count,
    predictions,
  };
}

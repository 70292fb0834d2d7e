/** One stochastic-gradient step of a classifier on one labelled batch. */
import type { Network } from '../network.ts';
import type { Sgd } from '../sgd.ts';
import * as tf from '../tf.ts';
import type { LabelledBatch } from './examples.ts';
import { classCount, classificationLoss } from './loss.ts';

/**
 * Updates `net`'s trainable weights with one `sgd` step on `batch` (inputs [k, ...net.inputShape],
 * labels [k]), in training mode (dropout on, batch-norm statistics updated), with learning rate
 * `learningRate` (default: the Sgd's own). Resolves to the batch's mean softmax cross-entropy
 * before the update, in nats. Leaves no tensors behind.
 */
export async function trainStep(net: Network, sgd: Sgd, batch: LabelledBatch, learningRate?: number): Promise<number> {
  const k = batch.labels.length;
  const x = tf.tensor4d(batch.inputs, [k, ...net.inputShape]);
  const classes = classCount(net);
  const targets = tf.tidy(() => tf.oneHot(tf.tensor1d(batch.labels, 'int32'), classes) as tf.Tensor2D);
  try {
    const result = net.gradients(x, classificationLoss(net, targets), {
      wrt: { weights: 'all' },
      training: true,
      updateStats: true,
    });
    try {
      sgd.step(net, result.weights, learningRate);
      const [loss = Number.NaN] = await result.value.data();
      return loss;
    } finally {
      result.dispose();
    }
  } finally {
    tf.dispose([x, targets]);
  }
}

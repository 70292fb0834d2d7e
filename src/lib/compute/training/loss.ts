/**
 * The classification loss: softmax cross-entropy of the network's class scores ("logits").
 *
 * For a dense output layer the logits are its outputs. LeNet-5's output layer is instead
 * Euclidean RBF units whose outputs y_i = ‖x − w_i‖² are energies: small means "looks like
 * prototype i". LeCun et al. 1998 (§II.C, eq. 9) trained it with a discriminative MAP-style
 * criterion, E = y_correct + log(e^−j + Σ_i e^−y_i), which pulls the correct class's energy
 * down and pushes the others up. With logits −y that is softmax cross-entropy, except for the
 * paper's constant e^−j term (a "rubbish class" that stops the energies of wrong classes being
 * pushed up once they are large). We leave it out, so one softmax cross-entropy trains every
 * classifier on the site.
 */
import type { Network } from '../network.ts';
import * as tf from '../tf.ts';
import type { LossFn } from '../gradients.ts';
import { perExampleCrossEntropy } from '../cross-entropy.ts';

/** Whether the network ends in RBF units (LeNet-5), whose outputs are energies, not scores. */
export function hasEnergyOutput(net: Network): boolean {
  return net.analysis.layers[net.analysis.layers.length - 1]?.layer.kind === 'rbf';
}

/** Class scores for the network's output [batch, classes]: the output, or −energy for RBF units. */
export function classLogits(net: Network, output: tf.Tensor): tf.Tensor2D {
  const scores = output as tf.Tensor2D;
  return hasEnergyOutput(net) ? tf.neg(scores) : scores;
}

/** Number of classes of a classifier: the length of its 1-D output. Throws for other outputs. */
export function classCount(net: Network): number {
  const shape = net.analysis.outputShape;
  if (shape.length !== 1 || shape[0] === undefined) {
    throw new Error(`model "${net.spec.id}" has output [${shape.join(', ')}], not one score per class`);
  }
  return shape[0];
}

/**
 * The mean softmax cross-entropy (nats per example) of the network's output against
 * `targets`: one-hot [batch, classes]. For `Network.gradients` and friends.
 */
export function classificationLoss(net: Network, targets: tf.Tensor2D): LossFn {
  return (outputs) => tf.mean(perExampleCrossEntropy(classLogits(net, outputs[net.outputId] as tf.Tensor), targets));
}

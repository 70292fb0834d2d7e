/**
 * Softmax cross-entropy from plain differentiable ops. TF.js's own `losses.softmaxCrossEntropy`
 * is a custom-gradient op that trips the engine's kernel leak check in test mode; written as
 * logsumexp(z) − ⟨y, z⟩ it needs no custom gradient and is as stable (logSumExp subtracts the max).
 */
import * as tf from './tf.ts';

/**
 * Mean over the batch of −Σ_k y_k log softmax(z)_k, in nats. logits z: [batch, classes],
 * targets y: [batch, classes] (one-hot or any distribution).
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  return tf.mean(perExampleCrossEntropy(logits, targets));
}

/** −Σ_k y_k log softmax(z)_k per example: [batch], in nats. Shapes as softmaxCrossEntropy. */
export function perExampleCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D {
  return tf.sub(tf.logSumExp(logits, 1), tf.sum(tf.mul(targets, logits), 1));
}

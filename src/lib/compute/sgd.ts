/**
 * Stochastic gradient descent with momentum and weight decay, PyTorch's formulation:
 * v ← μ·v + (g + λ·w), w ← w − η·v. He et al. 2016 trained with μ = 0.9, λ = 1e-4.
 */
import type { Network } from './network.ts';
import * as tf from './tf.ts';

export interface SgdOptions {
  /** η. */
  readonly learningRate: number;
  /** μ, default 0.9. */
  readonly momentum?: number;
  /** λ (L2 penalty), default 0. */
  readonly weightDecay?: number;
}

/** Optimiser state for one network: a velocity per trainable weight. Dispose when done. */
export class Sgd {
  #velocity = new Map<string, tf.Variable>();
  #options: Required<SgdOptions>;

  constructor(options: SgdOptions) {
    this.#options = { momentum: 0.9, weightDecay: 0, ...options };
  }

  /** Applies one update to `net`'s weights from gradients by weight key (not disposed here). */
  step(net: Network, gradients: Readonly<Record<string, tf.Tensor>>, learningRate = this.#options.learningRate): void {
    const { momentum, weightDecay } = this.#options;
    tf.tidy(() => {
      for (const [key, grad] of Object.entries(gradients)) {
        const weight = net.weights.get(key);
        if (!weight?.trainable) continue;
        let velocity = this.#velocity.get(key);
        if (!velocity) {
          velocity = tf.variable(tf.zerosLike(weight), false);
          this.#velocity.set(key, velocity);
        }
        const g = weightDecay === 0 ? grad : tf.add(grad, tf.mul(weight, weightDecay));
        velocity.assign(tf.add(tf.mul(velocity, momentum), g));
        weight.assign(tf.sub(weight, tf.mul(velocity, learningRate)));
      }
    });
  }

  /** Frees the velocity buffers. */
  dispose(): void {
    for (const v of this.#velocity.values()) v.dispose();
    this.#velocity.clear();
  }
}

/**
 * How fast the active backend runs each kind of work, measured on a small convolutional stack:
 * the basis for choosing a backend by measurement rather than by a fixed order. A GPU driven by
 * a real driver may beat WASM on large batches; one emulated on the CPU loses by 10–50×; only a
 * measurement on the reader's machine tells which holds for the other cases.
 */
import { mulberry32 } from '../math/rng.ts';
import { medianTime } from './timing.ts';
import * as tf from './tf.ts';

/** The kinds of work a job does: forward passes (and input gradients), or training steps. */
export type WorkKind = 'forward' | 'train';

/** Milliseconds per call of each kind of work on one backend (Infinity: it cannot do it). */
export type KindTimings = Readonly<Record<WorkKind, number>>;

/** The probe's shape: batch 8 of 16×16×8 activations through three 3×3 convolutions, 8 → 8 channels. */
const PROBE = { batch: 8, side: 16, channels: 8, layers: 3 } as const;

/** Seeded N(0, scale²) values of `shape` (the probe's own numbers: no TF.js random ops in the bundle). */
function normalTensor(shape: [number, number, number, number], scale: number, seed: number): tf.Tensor4D {
  const rng = mulberry32(seed);
  const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal() * scale);
  return tf.tensor4d(values, shape);
}

function probeNet(): { input: tf.Tensor4D; kernels: tf.Tensor4D[] } {
  const { batch, side, channels, layers } = PROBE;
  const input = normalTensor([batch, side, side, channels], 1, 1);
  const kernels = Array.from({ length: layers }, (_, i) => normalTensor([3, 3, channels, channels], 0.2, 2 + i));
  return { input, kernels };
}

function forward(input: tf.Tensor4D, kernels: readonly tf.Tensor4D[]): tf.Tensor4D {
  let x = input;
  for (const kernel of kernels) x = tf.relu(tf.conv2d(x, kernel, 1, 'same'));
  return x;
}

/**
 * Times a forward pass and a training step (forward, weight gradients) of the probe on the active
 * backend, each within about `budgetMs` (warm-up included). Work the backend cannot do (no
 * weight-gradient kernel, or an op that throws) times as Infinity. Frees every tensor it makes.
 */
export async function timeWorkKinds(budgetMs = 120): Promise<KindTimings> {
  const { input, kernels } = probeNet();
  try {
    const forwardMs = await medianTime(
      async () => {
        const y = tf.tidy(() => tf.mean(forward(input, kernels)));
        await y.data();
        y.dispose();
      },
      5,
      budgetMs,
    ).catch(() => Infinity);
    // A backend without the weight-gradient kernel cannot train (and a failed gradient leaks TF.js's tape).
    if (tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) === undefined)
      return { forward: forwardMs, train: Infinity };
    const trainMs = await medianTime(
      async () => {
        // In a tidy, so a backend that fails part-way leaks nothing of the forward pass.
        const all = tf.tidy(() => {
          const loss = (): tf.Scalar => tf.mean(tf.square(forward(input, kernels)));
          const { value, grads } = tf.engine().gradients(loss, kernels);
          return [value, ...grads];
        });
        await Promise.all(all.map((t) => t.data()));
        tf.dispose(all);
      },
      5,
      budgetMs,
    ).catch(() => Infinity);
    return { forward: forwardMs, train: trainMs };
  } finally {
    input.dispose();
    tf.dispose(kernels);
  }
}

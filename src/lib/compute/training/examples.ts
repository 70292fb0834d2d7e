/**
 * What the training functions read data from: plain arrays, so a data set can live anywhere
 * (the MNIST asset in a worker, a few digits in a test) and its inputs can be prepared or
 * augmented in JavaScript before each batch becomes a tensor.
 */

/** k labelled examples. */
export interface LabelledBatch {
  /** [k, h, w, c] row-major inputs, shaped like the network's input. */
  readonly inputs: Float32Array;
  /** [k] class indices 0…classes−1. */
  readonly labels: Int32Array;
}

/** A set of labelled examples that batches are drawn from by index. */
export interface ExampleSource {
  /** Number of examples; valid indices are 0…count−1. */
  readonly count: number;
  /** The examples at `indices`, in that order. */
  batch(indices: readonly number[]): LabelledBatch;
}

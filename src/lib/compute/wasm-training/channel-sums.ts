/**
 * Sum and Mean over every axis but the last (per-channel reductions) for the WASM backend,
 * without transposing.
 *
 * TF.js's WASM Sum and Mean reduce innermost axes only, so they first transpose x: [..., c] to
 * [c, ...], a full copy with a scattered access pattern. Batch norm reduces this way four times
 * per layer in a training step (mean and variance forward, Σdy and Σdy·x̂ backward), as does
 * the gradient of every broadcast bias; in a ResNet-20 step those transposes were about a sixth
 * of the time. Here XNNPACK's average pooling, one streaming pass, averages the middle axes of
 * x viewed as [outer, middle, 1, c]; the few [outer, c] partial means are summed in JavaScript.
 * Other reductions go to the backend's own kernels.
 */
import * as tf from '../tf.ts';
import { kernelScope, type WasmBackendLike } from './kernel-calls.ts';

/** True when `axis` names every axis of a rank-`rank` tensor but the last (rank ≥ 2). */
function allButLast(axis: number | number[], rank: number): boolean {
  if (rank < 2) return false;
  const axes = tf.util.parseAxisParam(axis, new Array<number>(rank).fill(1)).sort((a, b) => a - b);
  return axes.length === rank - 1 && axes.every((a, i) => a === i);
}

/**
 * Per-channel sums (`mean` false) or means of x: [..., c] (float32, rank ≥ 2) as [c], or with
 * `keepDims` as [1, …, 1, c].
 */
export function channelReduce(
  backend: WasmBackendLike,
  x: tf.TensorInfo,
  mean: boolean,
  keepDims: boolean,
): tf.TensorInfo {
  const rank = x.shape.length;
  const c = x.shape[rank - 1] ?? 1;
  const outer = rank >= 3 ? (x.shape[0] ?? 1) : 1;
  const count = tf.util.sizeFromShape(x.shape) / c;
  const middle = count / outer;
  const outShape = keepDims ? [...x.shape.slice(0, -1).map(() => 1), c] : [c];
  const totals = new Float64Array(c);
  if (count > 0) {
    const pooled = kernelScope(backend, (k) =>
      k.call(
        tf.AvgPool,
        { x: k.reshape(x, [outer, middle, 1, c]) },
        { filterSize: [middle, 1], strides: [middle, 1], pad: 'valid' },
      ),
    );
    const means = backend.typedArrayFromHeap(pooled);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < c; j++) totals[j] = (totals[j] as number) + (means[o * c + j] as number);
    }
    backend.disposeData(pooled.dataId);
  }
  const out = backend.makeOutput(outShape, 'float32');
  const values = backend.typedArrayFromHeap(out);
  const scale = mean ? 1 / outer : middle;
  for (let j = 0; j < c; j++) values[j] = (totals[j] as number) * scale;
  return out;
}

/** A Sum (`mean` false) or Mean kernel: per-channel reductions here, anything else to `stock`. */
export function channelReduceKernel(stock: tf.KernelFunc, mean: boolean): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
    if (x.dtype !== 'float32' || !allButLast(axis, x.shape.length)) return stock(args);
    return channelReduce(args.backend as unknown as WasmBackendLike, x, mean, keepDims);
  };
}

/**
 * Slice for the WASM backend, copying inside the WASM heap row by row.
 *
 * TF.js's WASM Slice reads the whole input out of the heap first (a copy into JavaScript) and
 * then copies each innermost row through a new subarray. The residual shortcut's subsampling
 * (x[:, ::2, ::2, :]) and the gradient of its channel padding slice rows of 16–64 values, some
 * 8,000 of them per call: 3–4 ms a call, 30 ms of a ResNet-20 training step. Here every row is
 * one `copyWithin` on a view of the whole heap: no copies out, no allocations per row.
 */
import * as tf from '../tf.ts';

/** The backend methods this kernel needs (BackendWasm has them). */
interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.backend_util.TypedArray;
}

/** The block x[begin … begin + size) of x: [d0, …, dn] (any rank, numeric dtype), as [size]. */
export function sliceInHeap(
  backend: HeapBackend,
  x: tf.TensorInfo,
  begin: readonly number[],
  size: readonly number[],
): tf.TensorInfo {
  const out = backend.makeOutput([...size], x.dtype);
  const total = size.reduce((a, b) => a * b, 1);
  if (total === 0) return out;
  const source = backend.typedArrayFromHeap(x);
  const target = backend.typedArrayFromHeap(out);
  const rank = x.shape.length;
  // Trailing axes taken whole merge into one contiguous row.
  let inner = rank - 1;
  let row = size[inner] ?? 1;
  while (inner > 0 && size[inner] === x.shape[inner] && (begin[inner] ?? 0) === 0) {
    inner--;
    row *= size[inner] ?? 1;
  }
  const strides = new Array<number>(rank).fill(1);
  for (let a = rank - 2; a >= 0; a--) strides[a] = (strides[a + 1] ?? 1) * (x.shape[a + 1] ?? 1);
  // One view over the whole heap: copyWithin moves rows between the two tensors' regions.
  const heap = new (source.constructor as Float32ArrayConstructor)(source.buffer);
  const sourceBase = source.byteOffset / source.BYTES_PER_ELEMENT;
  let targetAt = target.byteOffset / target.BYTES_PER_ELEMENT;
  const index = new Array<number>(inner).fill(0);
  const rows = total / row;
  for (let r = 0; r < rows; r++) {
    let from = sourceBase + (begin[inner] ?? 0) * (strides[inner] ?? 1);
    for (let a = 0; a < inner; a++) from += ((begin[a] ?? 0) + (index[a] ?? 0)) * (strides[a] ?? 1);
    heap.copyWithin(targetAt, from, from + row);
    targetAt += row;
    for (let a = inner - 1; a >= 0; a--) {
      index[a] = (index[a] ?? 0) + 1;
      if ((index[a] ?? 0) < (size[a] ?? 1)) break;
      index[a] = 0;
    }
  }
  return out;
}

/** The Slice kernel: numeric tensors here, strings to `stock`. */
export function heapSliceKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return stock(args);
    const { begin, size } = args.attrs as unknown as tf.SliceAttrs;
    const [b, s] = tf.slice_util.parseSliceParams(x, begin, size) as [number[], number[]];
    return sliceInHeap(args.backend as unknown as HeapBackend, x, b, s);
  };
}

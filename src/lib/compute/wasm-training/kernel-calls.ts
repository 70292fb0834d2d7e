/**
 * Calling the WASM backend's own registered kernels (Conv2D, Transpose, PadV2, …) from inside
 * another kernel, on TensorInfos rather than tensors.
 *
 * A kernel must return one TensorInfo and free everything else it allocated: the engine never
 * sees these intermediates, so nothing else would free them. `kernelScope` records every output
 * of a call and disposes all of them but the result, through the backend's reference-counted
 * `disposeData` (a Reshape shares its input's data and only raises its count). Disposing a
 * tensor that served as a Conv2D filter also deletes the XNNPACK operator cached for it.
 */
import * as tf from '../tf.ts';

/** What a kernel needs from the WASM backend (BackendWasm has it). */
export interface WasmBackendLike {
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
  /** Live data buffers; a kernel that frees its intermediates leaves this unchanged. */
  numDataIds(): number;
  /** A new tensor of `shape` in the WASM heap (contents undefined until written). */
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** A view of a tensor's data in the WASM heap (valid until the heap grows). */
  typedArrayFromHeap(info: tf.TensorInfo): tf.backend_util.TypedArray;
}

/** [[top, bottom], [left, right]] of the height and width axes; batch and channels unpadded. */
export type SpatialPadding = readonly [readonly [number, number], readonly [number, number]];

/** Forward convolutions and data movement on the WASM backend, inside one kernel call. */
export interface KernelCalls {
  /**
   * The backend's XNNPACK convolution, NHWC: x [n, h, w, cIn] ⊛ filter [fh, fw, cIn, cOut]
   * → [n, outH, outW, cOut] with stride 1 and explicit padding. `dilation` spreads the filter
   * taps apart (input row of tap i = output row + i·dilation − top).
   */
  conv(
    x: tf.TensorInfo,
    filter: tf.TensorInfo,
    padding: SpatialPadding,
    dilation?: readonly [number, number],
  ): tf.TensorInfo;
  /** Axes permuted: output axis i is input axis perm[i]. */
  transpose(x: tf.TensorInfo, perm: readonly number[]): tf.TensorInfo;
  /** Same data, new shape (no copy). */
  reshape(x: tf.TensorInfo, shape: readonly number[]): tf.TensorInfo;
  /** Zeros before/after each axis. */
  pad(x: tf.TensorInfo, paddings: readonly (readonly [number, number])[]): tf.TensorInfo;
  /** The block of `size` starting at `begin`. */
  slice(x: tf.TensorInfo, begin: readonly number[], size: readonly number[]): tf.TensorInfo;
  /** Reversed along `axes`. */
  reverse(x: tf.TensorInfo, axes: readonly number[]): tf.TensorInfo;
  /** Any other registered WASM kernel, by name. */
  call(kernel: string, inputs: tf.NamedTensorInfoMap, attrs?: tf.NamedAttrMap): tf.TensorInfo;
  /** A new float32 tensor of `shape` holding `values` (for small tensors built in JavaScript). */
  fromValues(shape: readonly number[], values: Float32Array): tf.TensorInfo;
  /** A new float32 tensor of `shape` whose values the caller writes (through `values`). */
  allocate(shape: readonly number[]): tf.TensorInfo;
  /** A tensor's float32 values: a view into the heap, to read at once (the heap may move). */
  values(x: tf.TensorInfo): Float32Array;
}

/** Runs the WASM backend's registered kernel `name` directly (no engine, no gradient tape). */
function runKernel(
  backend: WasmBackendLike,
  name: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (kernel === undefined) throw new Error(`the WASM backend has no ${name} kernel`);
  const out = kernel.kernelFunc({ inputs, attrs, backend: backend as unknown as tf.KernelBackend });
  if (Array.isArray(out)) throw new Error(`WASM kernel ${name} returned ${out.length} outputs, expected one`);
  return out;
}

/**
 * Runs `body` with kernel calls on `backend` and returns its result; every other tensor the calls
 * made is disposed, also when `body` throws.
 */
export function kernelScope(backend: WasmBackendLike, body: (k: KernelCalls) => tf.TensorInfo): tf.TensorInfo {
  const made: tf.TensorInfo[] = [];
  const call = (name: string, inputs: tf.NamedTensorInfoMap, attrs?: tf.NamedAttrMap): tf.TensorInfo => {
    const out = runKernel(backend, name, inputs, attrs);
    made.push(out);
    return out;
  };
  const calls: KernelCalls = {
    conv: (x, filter, [[top, bottom], [left, right]], dilation = [1, 1]) =>
      call(
        tf.Conv2D,
        { x, filter },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [dilation[0], dilation[1]],
        },
      ),
    transpose: (x, perm) => call(tf.Transpose, { x }, { perm: [...perm] }),
    reshape: (x, shape) => call(tf.Reshape, { x }, { shape: [...shape] }),
    pad: (x, paddings) => call(tf.PadV2, { x }, { paddings: paddings.map((p) => [p[0], p[1]]), constantValue: 0 }),
    slice: (x, begin, size) => call(tf.Slice, { x }, { begin: [...begin], size: [...size] }),
    reverse: (x, axes) => call(tf.Reverse, { x }, { dims: [...axes] }),
    call,
    fromValues: (shape, values) => {
      const out = backend.makeOutput([...shape], 'float32');
      made.push(out);
      (backend.typedArrayFromHeap(out) as Float32Array).set(values);
      return out;
    },
    allocate: (shape) => {
      const out = backend.makeOutput([...shape], 'float32');
      made.push(out);
      return out;
    },
    values: (x) => backend.typedArrayFromHeap(x) as Float32Array,
  };
  let result: tf.TensorInfo | undefined;
  try {
    result = body(calls);
    return result;
  } finally {
    for (const info of made) if (info !== result) backend.disposeData(info.dataId);
  }
}

/**
 * Identity and same-type Cast for the WASM backend without copying: the output shares the
 * input's buffer (one more reference), as the CPU and WebGL backends do and as WASM's own
 * Reshape does.
 *
 * TF.js's WASM kernels copy the whole buffer instead. A backward pass leans on both: the engine
 * clones every tensor it saves for the gradient (an Identity), and the gradients of Multiply,
 * Relu and Square cast their float32 inputs to float32. In a ResNet-20 training step at batch
 * 32 that was some 650 copies, a third of them of whole activations [32, 32, 32, 16]. Sharing
 * is safe because WASM buffers are never written after their kernel returns.
 */
import type * as tf from '../tf.ts';

/** The backend method sharing needs (BackendWasm has it). */
interface RefCountedBackend {
  incRef(dataId: tf.DataId): void;
}

/** x itself, one more reference: x: any shape and dtype. */
function share(x: tf.TensorInfo, backend: unknown): tf.TensorInfo {
  (backend as RefCountedBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** The Identity kernel: shares x's buffer (strings, which live outside the heap, keep `stock`). */
export function sharedIdentity(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    return x.dtype === 'string' ? stock(args) : share(x, args.backend);
  };
}

/** The Cast kernel: shares x's buffer when the type does not change, else `stock` converts. */
export function sharedCast(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { dtype } = args.attrs as unknown as tf.CastAttrs;
    return dtype === x.dtype && dtype !== 'string' ? share(x, args.backend) : stock(args);
  };
}

import * as tf from './tf.ts';

/** The TF.js backends the site can run on, fastest first. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendOptions {
  /** Directory (URL ending in `/`) that serves the WASM backend's `.wasm` files. */
  readonly wasmPath?: string;
}

/**
 * Loads (on first use) and activates one backend. Backends are imported lazily so a page
 * only downloads the one it runs on. Resolves to false when the backend cannot start
 * here (no WebGPU adapter, no WebGL2 context), leaving the previous backend active.
 */
export async function useBackend(name: BackendName, options: BackendOptions = {}): Promise<boolean> {
  switch (name) {
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      break;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      break;
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      break;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPath !== undefined) wasm.setWasmPaths(options.wasmPath);
      // TF.js's WASM backend lacks the convolution gradients training needs; add them once.
      (await import('./wasm-training/index.ts')).useWasmTraining();
      break;
    }
  }
  try {
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok;
  } catch {
    return false;
  }
}

/**
 * Tries the backends in order and keeps the first that starts.
 * Returns the name of the active backend.
 */
export async function useFirstAvailableBackend(
  order: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'],
  options: BackendOptions = {},
): Promise<BackendName> {
  for (const name of order) {
    if (await useBackend(name, options)) return name;
  }
  throw new Error(`None of the TF.js backends ${order.join(', ')} could start.`);
}

/** Name of the backend TF.js currently runs on. */
export function activeBackend(): string {
  return tf.getBackend();
}

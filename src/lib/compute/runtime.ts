/**
 * The TF.js backend runtime the compute host drives: starting the first backend of a ladder
 * that works here (with the reason each skipped one failed), switching for a job, reading
 * memory, and recovering from a lost WebGL context by rebuilding the backend.
 */
import type { BackendName } from './backend.ts';
import { useBackend } from './backend.ts';
import { useFastCpuFilterGradient } from './training/cpu-filter-gradient.ts';
import * as tf from './tf.ts';

/** What the compute host needs from TF.js. */
export interface BackendRuntime {
  /**
   * Tries `order` and activates the first backend that starts. `forced` (from ?backend=) may
   * run on a software GPU, which the ladder otherwise skips.
   */
  start(
    order: readonly BackendName[],
    wasmPath: string,
    forced?: BackendName | null,
  ): Promise<{ backend: BackendName; skipped: { backend: BackendName; reason: string }[] }>;
  /** Makes `backend` active (starting it if needed); throws when it cannot start. */
  use(backend: BackendName): Promise<void>;
  /** The active backend. */
  active(): BackendName;
  /** Live tensors and bytes over all backends (tf.memory()). */
  memory(): { numTensors: number; numBytes: number };
  /** True after the WebGL context was lost, until `restore`. */
  contextLost(): boolean;
  /** Rebuilds the lost WebGL backend and makes it active again. */
  restore(): Promise<void>;
  /** Test hook: loses the WebGL context on purpose (WEBGL_lose_context). */
  loseContext(): void;
  /** Called with a backend's name when its state (and every tensor on it) was thrown away. */
  onBackendReset(listener: (backend: BackendName) => void): void;
}

interface WebGLBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext };
}

/** Renderer names of GPUs emulated on the CPU (SwiftShader, Mesa's llvmpipe, Microsoft's WARP). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

interface AdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { readonly isFallbackAdapter?: boolean; readonly description?: string; readonly vendor?: string };
}

/** Why a software GPU is skipped: on a CPU, WASM's SIMD kernels are many times faster. */
const SOFTWARE_GPU = 'a software (CPU-emulated) GPU; WASM is faster here';

/**
 * Why `name` cannot (or should not) start here, checked before asking TF.js; null when it may.
 * A GPU that is emulated on the CPU is skipped unless the reader forced it with ?backend=.
 */
async function precheck(name: BackendName, allowSoftware: boolean): Promise<string | null> {
  const scope = globalThis as { navigator?: Navigator & { gpu?: { requestAdapter(): Promise<AdapterLike | null> } } };
  if (name === 'webgpu') {
    const gpu = scope.navigator?.gpu;
    if (!gpu) return 'this browser has no WebGPU';
    const adapter = await gpu.requestAdapter();
    if (!adapter) return 'no WebGPU adapter';
    const software =
      adapter.info?.isFallbackAdapter === true ||
      adapter.isFallbackAdapter === true ||
      SOFTWARE_RENDERER.test(`${adapter.info?.vendor ?? ''} ${adapter.info?.description ?? ''}`);
    return software && !allowSoftware ? SOFTWARE_GPU : null;
  }
  if (name === 'webgl') {
    if (typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined') return 'no canvas to draw with';
    const canvas =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return 'no WebGL2 context';
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // free the probe's context
    return SOFTWARE_RENDERER.test(renderer) && !allowSoftware ? SOFTWARE_GPU : null;
  }
  return null;
}

/** The runtime over the process-wide TF.js engine. Create one per worker (or page). */
export function createTfRuntime(): BackendRuntime {
  let current: BackendName = 'cpu';
  let wasmPath = '';
  let lost = false;
  const resetListeners = new Set<(backend: BackendName) => void>();

  const watchContext = (): void => {
    if (current !== 'webgl') return;
    const gl = (tf.backend() as WebGLBackendLike).gpgpu?.gl;
    gl?.canvas.addEventListener('webglcontextlost', () => (lost = true));
  };

  const activate = async (name: BackendName, allowSoftware = true): Promise<string | null> => {
    const reason = await precheck(name, allowSoftware);
    if (reason) return reason;
    if (!(await useBackend(name, { wasmPath }))) return 'failed to initialise';
    current = name;
    // TF.js's CPU weight gradient is ~10× slower than it needs to be (training with ?backend=cpu).
    if (name === 'cpu') useFastCpuFilterGradient();
    watchContext();
    return null;
  };

  return {
    async start(order, path, forced = null) {
      wasmPath = path;
      const skipped: { backend: BackendName; reason: string }[] = [];
      for (const name of order) {
        const reason = await activate(name, name === forced).catch((error: unknown) => String(error));
        if (reason === null) return { backend: name, skipped };
        skipped.push({ backend: name, reason });
      }
      throw new Error(`No TF.js backend could start: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
    },
    async use(name) {
      if (name === current && tf.getBackend() === name) return;
      const reason = await activate(name);
      if (reason !== null) throw new Error(`Cannot run on ${name}: ${reason}`);
    },
    active: () => current,
    memory: () => {
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },
    contextLost: () => lost,
    async restore() {
      if (!lost) return;
      const webgl = await import('@tensorflow/tfjs-backend-webgl');
      // The dead context's tensors are gone; anything cached on it must be rebuilt.
      for (const listener of resetListeners) listener('webgl');
      tf.removeBackend('webgl');
      tf.registerBackend('webgl', () => new webgl.MathBackendWebGL(), 2);
      lost = false;
      await this.use('webgl');
    },
    loseContext() {
      const gl = (tf.backend() as WebGLBackendLike).gpgpu?.gl;
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    },
    onBackendReset(listener) {
      resetListeners.add(listener);
    },
  };
}

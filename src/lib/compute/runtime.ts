/**
 * The TF.js backend runtime the compute host drives: starting the first backend of a ladder
 * that works here (with the reason each skipped one failed), switching for a job, reading
 * memory, and recovering from a lost WebGL context by rebuilding the backend.
 */
import type { BackendName } from './backend.ts';
import { useBackend } from './backend.ts';
import type { KindTimings, WorkKind } from './backend-race.ts';
import * as tf from './tf.ts';

/** Why a kind of work runs on the backend it runs on (worded for the reader by the badge). */
export type BackendBasis =
  /** The reader chose it with ?backend=. */
  | { readonly basis: 'forced' }
  /** The GPU backends are emulated on the CPU here (`renderer` names the emulator): WASM is faster. */
  | { readonly basis: 'software-gpu'; readonly renderer: string }
  /** Both were timed here on the same small conv stack: `ratio` = `versus`'s time / this one's. */
  | { readonly basis: 'measured'; readonly versus: BackendName; readonly ratio: number }
  /** The only backend that could start. */
  | { readonly basis: 'only' };

/** Where one kind of work runs, and why. */
export interface KindChoice {
  readonly backend: BackendName;
  readonly why: BackendBasis;
}

/** What `start` settled on. */
export interface RuntimeStart {
  /** The active backend (the one forward work runs on). */
  readonly backend: BackendName;
  /** Backends tried before it that could not, or should not, start here, with the reason. */
  readonly skipped: { backend: BackendName; reason: string }[];
  /** Where each kind of work runs. */
  readonly choices: Readonly<Record<WorkKind, KindChoice>>;
  /** The measurements behind a 'measured' choice, ms per probe call, by backend. */
  readonly timings: Partial<Record<BackendName, KindTimings>>;
}

/** Milliseconds the start-up measurement may spend per kind of work on each backend. */
const RACE_BUDGET_MS = 70;

/** What the compute host needs from TF.js. */
export interface BackendRuntime {
  /**
   * Tries `order` and activates the first backend that starts. `forced` (from ?backend=) may
   * run on a software GPU, which the ladder otherwise skips.
   */
  start(order: readonly BackendName[], wasmPath: string, forced?: BackendName | null): Promise<RuntimeStart>;
  /** Where `kind` work runs (after `start`). */
  choiceFor(kind: WorkKind): KindChoice;
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

/** The emulator's name in a renderer or adapter string ("SwiftShader", "llvmpipe", …). */
function emulatorName(text: string): string {
  return SOFTWARE_RENDERER.exec(text)?.[0] ?? 'software';
}

/** The software renderer found by the last precheck that skipped one (for the badge). */
let softwareRenderer: string | null = null;

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
    const described = `${adapter.info?.vendor ?? ''} ${adapter.info?.description ?? ''}`;
    const software =
      adapter.info?.isFallbackAdapter === true ||
      adapter.isFallbackAdapter === true ||
      SOFTWARE_RENDERER.test(described);
    if (!software || allowSoftware) return null;
    softwareRenderer = emulatorName(described);
    return SOFTWARE_GPU;
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
    if (!SOFTWARE_RENDERER.test(renderer) || allowSoftware) return null;
    softwareRenderer = emulatorName(renderer);
    return SOFTWARE_GPU;
  }
  return null;
}

/** The runtime over the process-wide TF.js engine. Create one per worker (or page). */
export function createTfRuntime(): BackendRuntime {
  let current: BackendName = 'cpu';
  let wasmPath = '';
  let lost = false;
  /** The WebGL backend's context, asked directly: its 'webglcontextlost' event arrives a task later. */
  let glContext: WebGL2RenderingContext | undefined;
  const isLost = (): boolean => lost || glContext?.isContextLost() === true;
  const resetListeners = new Set<(backend: BackendName) => void>();

  const watchContext = (): void => {
    if (current !== 'webgl') return;
    const gl = (tf.backend() as WebGLBackendLike).gpgpu?.gl;
    glContext = gl;
    gl?.canvas.addEventListener('webglcontextlost', () => (lost = true));
  };

  const activate = async (name: BackendName, allowSoftware = true): Promise<string | null> => {
    const reason = await precheck(name, allowSoftware);
    if (reason) return reason;
    if (!(await useBackend(name, { wasmPath }))) return 'failed to initialise';
    current = name;
    // TF.js's CPU weight gradient is ~10× slower than it needs to be. Loaded only where the CPU runs
    // (training with ?backend=cpu).
    if (name === 'cpu') (await import('./training/cpu-filter-gradient.ts')).useFastCpuFilterGradient();
    watchContext();
    return null;
  };

  const both = (choice: KindChoice): Record<WorkKind, KindChoice> => ({ forward: choice, train: choice });
  let choices: Record<WorkKind, KindChoice> = both({ backend: 'cpu', why: { basis: 'only' } });

  /** Times `first` (a real GPU, or the CPU when ordered first) against WASM; picks the faster per kind of work. */
  const race = async (first: BackendName): Promise<Partial<Record<BackendName, KindTimings>>> => {
    // Loaded only where a race runs (a machine with a real GPU), not in every worker.
    const { timeWorkKinds } = await import('./backend-race.ts');
    const timings: Partial<Record<BackendName, KindTimings>> = { [first]: await timeWorkKinds(RACE_BUDGET_MS) };
    if ((await activate('wasm').catch(() => 'failed')) !== null) {
      await activate(first);
      return timings;
    }
    timings.wasm = await timeWorkKinds(RACE_BUDGET_MS);
    const pick = (kind: WorkKind): KindChoice => {
      const [a, b] = [timings[first]![kind], timings.wasm![kind]];
      const [backend, versus] = a <= b ? [first, 'wasm' as const] : ['wasm' as const, first];
      const ratio = Math.max(a, b) / Math.min(a, b);
      return { backend, why: { basis: 'measured', versus, ratio: Number.isFinite(ratio) ? ratio : Infinity } };
    };
    choices = { forward: pick('forward'), train: pick('train') };
    await activate(choices.forward.backend);
    return timings;
  };

  return {
    async start(order, path, forced = null) {
      wasmPath = path;
      softwareRenderer = null;
      const skipped: { backend: BackendName; reason: string }[] = [];
      for (const name of order) {
        const reason = await activate(name, name === forced).catch((error: unknown) => String(error));
        if (reason !== null) {
          skipped.push({ backend: name, reason });
          continue;
        }
        let timings: Partial<Record<BackendName, KindTimings>> = {};
        if (name === forced) choices = both({ backend: name, why: { basis: 'forced' } });
        else if (name !== 'wasm' && order.includes('wasm')) timings = await race(name);
        else if (softwareRenderer !== null)
          choices = both({ backend: name, why: { basis: 'software-gpu', renderer: softwareRenderer } });
        else choices = both({ backend: name, why: { basis: 'only' } });
        return { backend: current, skipped, choices, timings };
      }
      throw new Error(`No TF.js backend could start: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
    },
    choiceFor: (kind) => choices[kind],
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
    contextLost: isLost,
    async restore() {
      if (!isLost()) return;
      const webgl = await import('@tensorflow/tfjs-backend-webgl');
      // The dead context's tensors are gone; anything cached on it must be rebuilt.
      for (const listener of resetListeners) listener('webgl');
      tf.removeBackend('webgl');
      tf.registerBackend('webgl', () => new webgl.MathBackendWebGL(), 2);
      lost = false;
      glContext = undefined;
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

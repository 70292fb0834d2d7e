/**
 * Which TF.js backend runs a job. The ladder is WebGPU → WebGL2 → WASM (SIMD) → CPU: the first
 * that starts becomes active. A job that needs an operation the active backend lacks moves down
 * the ladder to one that has it, and says so; it never returns wrong numbers silently.
 */
import type { BackendName } from '../compute/backend.ts';
import type { JobNeeds } from '../compute/jobs/job.ts';

/** The backends, fastest first. */
export const BACKEND_LADDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What a backend can compute, as far as the widgets care. */
export interface BackendCapabilities {
  /** ∂loss/∂weights for conv layers (Conv2DBackpropFilter). Needed for weight gradients and training. */
  readonly weightGradients: boolean;
}

/**
 * Capabilities per backend. Every backend trains now: TF.js 4.22's WASM backend has no
 * Conv2DBackpropFilter of its own, but src/lib/compute/wasm-training registers one when the
 * backend starts. A backend that lacked one would move its training jobs down the ladder.
 */
export const CAPABILITIES: CapabilityTable = {
  webgpu: { weightGradients: true },
  webgl: { weightGradients: true },
  wasm: { weightGradients: true },
  cpu: { weightGradients: true },
};

/** Human names for badges. */
export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** Type guard for backend names. */
export function isBackendName(value: string): value is BackendName {
  return (BACKEND_LADDER as readonly string[]).includes(value);
}

/**
 * Reads `?backend=` from a query string. An unknown value is ignored with a notice
 * (shown to the reader); no value means the normal ladder.
 */
export function parseBackendOverride(search: string): {
  readonly backend: BackendName | null;
  readonly notice?: string;
} {
  const values = new URLSearchParams(search).getAll('backend');
  const value = values.at(-1);
  if (value === undefined || value === '' || value === 'auto') return { backend: null };
  if (isBackendName(value)) return { backend: value };
  return {
    backend: null,
    notice: `Ignored backend=${JSON.stringify(value.slice(0, 40))}: use one of ${BACKEND_LADDER.join(', ')}.`,
  };
}

/** The order to try backends in: the preferred one first, then the ladder. */
export function tryOrder(preferred: BackendName | null): BackendName[] {
  return preferred === null ? [...BACKEND_LADDER] : [preferred, ...BACKEND_LADDER.filter((b) => b !== preferred)];
}

/** Capabilities of every backend. */
export type CapabilityTable = Readonly<Record<BackendName, BackendCapabilities>>;

/** What a capability is called in a fallback message. */
function missing(needs: JobNeeds, backend: BackendName, capabilities: CapabilityTable): string | null {
  if (needs.weightGradients && !capabilities[backend].weightGradients) {
    return `${BACKEND_LABELS[backend]} has no weight gradients (Conv2DBackpropFilter)`;
  }
  return null;
}

/** Where a job runs, and why it moved if it did. */
export interface BackendChoice {
  readonly backend: BackendName;
  readonly fellBackFrom?: BackendName;
  readonly reason?: string;
}

/**
 * The backend for a job with `needs` when `active` is the running backend: `active` itself when
 * it can, else the first backend below it on the ladder that can (CPU can do everything).
 * `capabilities` defaults to {@link CAPABILITIES}, where every backend can do every job.
 */
export function backendForJob(
  active: BackendName,
  needs: JobNeeds,
  capabilities: CapabilityTable = CAPABILITIES,
): BackendChoice {
  const reason = missing(needs, active, capabilities);
  if (reason === null) return { backend: active };
  const below = BACKEND_LADDER.slice(BACKEND_LADDER.indexOf(active) + 1);
  const backend = below.find((b) => missing(needs, b, capabilities) === null) ?? 'cpu';
  return { backend, fellBackFrom: active, reason };
}

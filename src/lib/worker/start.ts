/**
 * Starts the page's compute runtime: a module worker when the browser allows one, else the same
 * host on the main thread (slower, but the widgets still work). One runtime per page, shared by
 * every widget on it.
 */
import { parseBackendOverride } from './backend-ladder.ts';
import { ComputeClient } from './client.ts';
import { inThreadTransport, workerTransport } from './transports.ts';

/** Where the WASM backend's .wasm files are served (copied there at build). */
export const WASM_PATH = '/tfjs-wasm/';

let shared: ComputeClient | null = null;
let overrideNotice: string | undefined;

const mainThreadTransport = () =>
  inThreadTransport(async (post) => (await import('./create-host.ts')).createComputeHost(post));

/** The page's compute client, started on first use. `search` is the page's query string. */
export function computeClient(search = typeof location === 'undefined' ? '' : location.search): ComputeClient {
  if (shared) return shared;
  const { backend, notice } = parseBackendOverride(search);
  overrideNotice = notice;
  const newWorker = (): Worker | null => {
    try {
      return new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      // No Worker constructor, or a CSP that forbids workers: compute on this thread.
      return null;
    }
  };
  const restart = (): ReturnType<typeof mainThreadTransport> => {
    const worker = newWorker();
    return worker ? workerTransport(worker) : mainThreadTransport();
  };
  const options = { preferred: backend, wasmPath: WASM_PATH, fallback: mainThreadTransport, restart };
  const worker = newWorker();
  shared = worker
    ? new ComputeClient(workerTransport(worker), options)
    : new ComputeClient(mainThreadTransport(), { ...options, mainThread: true });
  // `?debug=runtime` exposes the client to the console and to the browser tests (memory,
  // lose-context). It grants nothing a page script could not do itself.
  if (new URLSearchParams(search).get('debug') === 'runtime') {
    (globalThis as { cnnLineageRuntime?: ComputeClient }).cnnLineageRuntime = shared;
  }
  return shared;
}

/** The notice for an ignored `?backend=` value, if there was one. */
export function backendOverrideNotice(): string | undefined {
  return overrideNotice;
}

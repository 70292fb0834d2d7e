/**
 * What the browser tests and the benchmark read off a page: the compute client exposed by
 * `?debug=runtime`, and long tasks recorded by an injected PerformanceObserver.
 */
import type { ComputeClient } from '../src/lib/worker/client.ts';

declare global {
  interface Window {
    cnnLineageRuntime?: ComputeClient;
    longTasks?: { start: number; duration: number }[];
  }
}

export {};

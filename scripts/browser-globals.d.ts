/**
 * What the browser tests and the benchmark read off a page: the compute client exposed by
 * `?debug=runtime`, and long tasks recorded by an injected PerformanceObserver.
 */
import type { ComputeClient } from '../src/lib/worker/client.ts';
import type { LongFrame } from '../tests/browser/support/site.ts';

declare global {
  /** The Long Animation Frames API (Chromium ≥ 123), not yet in TypeScript's DOM library. */
  interface PerformanceScriptTiming extends PerformanceEntry {
    readonly invoker: string;
    readonly sourceURL: string;
    readonly sourceFunctionName: string;
    readonly sourceCharPosition: number;
    readonly forcedStyleAndLayoutDuration: number;
  }
  interface PerformanceLongAnimationFrameTiming extends PerformanceEntry {
    readonly blockingDuration: number;
    readonly renderStart: number;
    readonly styleAndLayoutStart: number;
    readonly scripts: readonly PerformanceScriptTiming[];
  }
  interface Window {
    cnnLineageRuntime?: ComputeClient;
    longTasks?: { start: number; duration: number }[];
    longFrames?: LongFrame[];
  }
}

export {};

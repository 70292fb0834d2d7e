/** The progress line of a headless training experiment: at most every 2 s, and always at the last step. */

/** A progress line at most this often, ms. */
const PROGRESS_EVERY_MS = 2_000;

/**
 * An `onStep` callback that reports "step n/steps · t s · <describe(step)>" to `progress`, no more
 * often than every PROGRESS_EVERY_MS, and always for the last step.
 */
export function stepReporter<S extends { readonly step: number }>(
  progress: (line: string) => void,
  steps: number,
  describe: (step: S) => string,
): (step: S) => void {
  const started = performance.now();
  let shown = -Infinity;
  return (step) => {
    const now = performance.now();
    if (now - shown < PROGRESS_EVERY_MS && step.step !== steps) return;
    shown = now;
    progress(`step ${step.step}/${steps} · ${((now - started) / 1000).toFixed(0)} s · ${describe(step)}`);
  };
}

/**
 * Timing work on the active backend: medians of repeated calls, each call awaited to the end
 * (its result read back), the first call of each piece of work not counted (shader compilation,
 * JIT, allocation).
 */

/** The middle value of `times` (ms); NaN for none. */
function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The median of up to `runs` timed calls of `work` after one warm-up call, in ms; stops early
 * once `budgetMs` (warm-up included) has passed, and returns the warm-up's time if no timed call fit.
 */
export async function medianTime(work: () => Promise<void>, runs: number, budgetMs = Infinity): Promise<number> {
  const started = performance.now();
  await work();
  const times: number[] = [];
  while (times.length < runs && performance.now() - started < budgetMs) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.length === 0 ? performance.now() - started : median(times);
}

/**
 * Median ms per call of each of `works`, timed in turns (A, B, A, B, …) for `rounds` rounds after
 * one warm-up call of each, so that a slow spell of the machine slows every piece of work alike
 * and their ratio holds. `between` runs after each round (a job's checkpoint: cancellation).
 */
export async function interleavedMedians(
  works: readonly (() => Promise<void>)[],
  rounds: number,
  between: () => Promise<void> = async () => {},
): Promise<number[]> {
  for (const work of works) await work();
  const times = works.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, work] of works.entries()) {
      const t0 = performance.now();
      await work();
      times[i]!.push(performance.now() - t0);
    }
    await between();
  }
  return times.map(median);
}

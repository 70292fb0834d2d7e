/**
 * Whether the median of `runs` scores is at or above `bar`, decided as soon as the scores so far
 * settle it (a majority of `runs` on one side), else null: more runs are needed. A run that was
 * not scored (null) counts as below the bar. With runs = 3, two runs on the same side decide.
 */
export function medianDecision(scores: readonly (number | null)[], bar: number, runs: number): boolean | null {
  const majority = Math.floor(runs / 2) + 1;
  const above = scores.filter((score) => score !== null && score >= bar).length;
  if (above >= majority) return true;
  if (scores.length - above >= majority) return false;
  return null;
}

/**
 * In-between frames for a line chart whose data changed (a new depth, another activation): each
 * new series starts from the old series of the same class, resampled onto the new x positions,
 * and moves to its new values. Log-scale values move in log space, so a curve that drops seven
 * decades slides rather than jumps. Pure: series in, series out.
 */
import type { LineSeries } from './line-chart.ts';

/** The old series' value at relative position `u` ∈ [0, 1] along it, or null. */
function sampleAt(points: LineSeries['points'], u: number): number | null {
  if (points.length === 0) return null;
  const at = u * (points.length - 1);
  const i = Math.floor(at);
  const a = points[i]?.[1] ?? null;
  const b = points[Math.min(points.length - 1, i + 1)]?.[1] ?? null;
  if (a === null || b === null) return a ?? b;
  return a + (b - a) * (at - i);
}

/**
 * The frame at progress `k` ∈ [0, 1] (0: the old data, 1: exactly `to`). Series without an old
 * counterpart, and points that cannot be interpolated (missing, or ≤ 0 on a log axis), show
 * their new values at once.
 */
export function tweenSeries(
  from: readonly LineSeries[],
  to: readonly LineSeries[],
  k: number,
  log: boolean,
): LineSeries[] {
  if (k >= 1) return [...to];
  const ok = (v: number | null): v is number => v !== null && Number.isFinite(v) && (!log || v > 0);
  const toSpace = (v: number): number => (log ? Math.log(v) : v);
  const fromSpace = (v: number): number => (log ? Math.exp(v) : v);
  return to.map((series) => {
    const old = from.find((s) => s.className === series.className);
    if (!old || old.points.length === 0) return series;
    const n = series.points.length;
    const oldLogged = old.points.map(([x, y]) => [x, ok(y) ? toSpace(y) : null] as const);
    return {
      ...series,
      points: series.points.map(([x, y], j) => {
        const start = sampleAt(oldLogged, n === 1 ? 0 : j / (n - 1));
        if (!ok(y) || start === null) return [x, y] as const;
        const end = toSpace(y);
        return [x, fromSpace(start + (end - start) * k)] as const;
      }),
    };
  });
}

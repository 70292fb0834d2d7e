/**
 * A gradient norm (or any positive magnitude spanning many decades) as a reader sees it in the
 * Data tables and summaries. Its own module, so a widget that prints norms does not load the
 * gradient-flow explorer's plan.
 */
import { numbers } from '../../i18n/en/numbers.ts';
import { scientific } from '../../lib/viz/scientific.ts';

/** A positive number as "2.3·10⁻⁷" (or "0.52" between 0.01 and 1000); 0 as an underflow. */
export function formatNorm(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value === 0) return numbers.underflow;
  if (!Number.isFinite(value)) return '∞';
  if (value >= 0.01 && value < 1000) return value.toPrecision(2);
  return scientific(value);
}

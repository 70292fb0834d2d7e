/**
 * A gradient norm (or any positive magnitude spanning many decades) as a reader sees it in the
 * Data tables and summaries. Its own module, so a widget that prints norms does not load the
 * gradient-flow explorer's plan.
 */
import type { NumbersStrings } from '../../i18n/strings.ts';
import { scientific } from '../../lib/viz/scientific.ts';

/** A positive number as "2.3·10⁻⁷" (or "0.52" between 0.01 and 1000); 0 as an underflow, in the words of `t`. */
export function formatNorm(value: number | null | undefined, t: NumbersStrings): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value === 0) return t.underflow;
  if (!Number.isFinite(value)) return '∞';
  if (value >= 0.01 && value < 1000) return value.toPrecision(2);
  return scientific(value);
}

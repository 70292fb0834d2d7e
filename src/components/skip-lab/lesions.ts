/**
 * The reader's lesions: which residual blocks are deleted, and the line that reports the twins'
 * test accuracy with them. Pure, so it is unit-tested in Node. (Not in plan.ts: that module is
 * bundled into a chunk the lab shares with other widgets' clients, and these are only the lab's.)
 */
import type { SkipLabStrings } from '../../i18n/strings.ts';
import type { LabLesionResult } from '../../lib/compute/jobs/lab.ts';
import { formatPercent } from './plan.ts';

/** The blocks to delete after the reader toggles `block`: added at the end, or taken out. */
export function toggleBlock(lesions: readonly string[], block: string): string[] {
  return lesions.includes(block) ? lesions.filter((b) => b !== block) : [...lesions, block];
}

/** The lesion line: the twins' test accuracy with `lesions` deleted (when any are), then intact. */
export function lesionSummary(t: SkipLabStrings, lesions: readonly string[], result: LabLesionResult): string {
  const intact = t.lesionIntact(formatPercent(result.intact.plain), formatPercent(result.intact.residual));
  if (lesions.length === 0) return intact;
  return `${t.lesionResult(formatPercent(result.lesioned.plain), formatPercent(result.lesioned.residual))} ${intact}`;
}

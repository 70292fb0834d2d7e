/**
 * The branches of a channel concatenation: for each of its inputs, the layers only that input
 * runs through, back to where the branches fork. An Inception module has four non-empty branches
 * from one fork; a Fire module two; a DenseNet layer's concatenation one, beside its own input
 * (an empty branch: the fork itself). Diagrams draw the first kind side by side and the last as
 * a skip arc.
 */
import { branchTo, dataFlow, type Branch } from './data-flow.ts';
import type { ConcatLayer, ModelSpec } from './types.ts';

/** A concatenation's branches, in its input order, and their common fork (null when they have none). */
export interface ConcatBranches {
  readonly branches: readonly Branch[];
  /** Id of the layer every branch starts from, or null when they start from different layers. */
  readonly from: string | null;
}

/** The branches of every `concat` in `spec`, keyed by the concat's id. */
export function concatBranches(spec: ModelSpec): Map<string, ConcatBranches> {
  const flow = dataFlow(spec);
  const result = new Map<string, ConcatBranches>();
  for (const concat of spec.layers.filter((l): l is ConcatLayer => l.kind === 'concat')) {
    const branches = concat.inputs.map((input) => branchTo(flow, input));
    const from = branches[0]?.from ?? null;
    result.set(concat.id, { branches, from: branches.every((b) => b.from === from) ? from : null });
  }
  return result;
}

/**
 * What the Inception-cost widget shows for a state: the paired bar chart, the summary sentences
 * and the Data table rows. Pure, so the page renders the same view at build time that the
 * client renders after each change.
 */
import type { InceptionCostStrings } from '../../i18n/strings.ts';
import { compareInception, type BranchCost, type ModuleCost } from '../../lib/models/inception-cost.ts';
import type { InceptionCostState } from '../../lib/state/schemas/inception-cost.ts';
import { pairedBarsSvg } from '../../lib/viz/paired-bars.ts';

/** The widget's content for one state. */
export interface InceptionCostView {
  /** The bar chart's `<svg>` markup. */
  readonly svg: string;
  /** The input sentence, the third branch's and the whole module's. */
  readonly summary: readonly string[];
  /** Data table rows: one per branch and the whole module; cells as text. */
  readonly rows: readonly (readonly string[])[];
}

/**
 * How `value` compares with `reference` (both positive, same unit), as `smaller(times)` or
 * `larger(times)` with the ratio to one decimal: "9.7× less", "2.3× faster".
 */
export function ratioPhrase(
  value: number,
  reference: number,
  smaller: (times: string) => string,
  larger: (times: string) => string,
): string {
  const tiny = 1e-9;
  return value <= reference
    ? smaller((reference / Math.max(value, tiny)).toFixed(1))
    : larger((value / Math.max(reference, tiny)).toFixed(1));
}

function tableRow(
  t: InceptionCostStrings,
  label: string,
  layers: string,
  chosen: BranchCost | ModuleCost,
  naive: BranchCost | ModuleCost,
) {
  return [
    label,
    layers,
    String(chosen.channels),
    t.exact(chosen.params),
    t.exact(chosen.macs),
    t.exact(naive.params),
    t.exact(naive.macs),
  ];
}

/** The view of `state`: chart, summary and table, all from the zoo's analysis of the module. */
export function inceptionCostView(t: InceptionCostStrings, state: InceptionCostState): InceptionCostView {
  const { naive, chosen, widths } = compareInception(state);
  const k = state.form === 'paper' ? 5 : 3;
  const reduced = state.reduce !== 'none';
  const names = t.branchNames(k);
  const long = t.branchLong(k, reduced);
  const metric = state.metric;
  const metricName = t.metricNames[metric];
  const svg = pairedBarsSvg({
    rows: chosen.branches.map((b, i) => ({
      label: names[i] ?? '',
      reference: naive.branches[i]?.[metric] ?? 0,
      chosen: b[metric],
    })),
    title: t.bars.title(state.module, metricName),
    xLabel: t.bars.xLabel(metricName),
    labels: { reference: t.bars.reference, chosen: t.bars.chosen },
    format: t.compact,
  });
  const [h, w, c] = chosen.input;
  const third = { chosen: chosen.branches[2]!, naive: naive.branches[2]! };
  const summary = [
    t.input(state.module, h, w, c),
    reduced
      ? t.summaryReduced(
          k,
          widths[3],
          t.compact(third.chosen.macs),
          t.compact(third.naive.macs),
          ratioPhrase(third.chosen.macs, third.naive.macs, t.ratioLess, t.ratioMore),
        )
      : t.summaryNaive(k, t.compact(third.naive.macs)),
    reduced
      ? t.summaryModule(t.compact(chosen.macs), t.compact(naive.macs), chosen.channels, naive.channels)
      : t.summaryModuleNaive(t.compact(naive.macs), naive.channels, c),
  ];
  const rows = [
    ...chosen.branches.map((b, i) => tableRow(t, names[i] ?? '', long[i] ?? '', b, naive.branches[i]!)),
    tableRow(t, t.totalRow, '', chosen, naive),
  ];
  return { svg, summary, rows };
}

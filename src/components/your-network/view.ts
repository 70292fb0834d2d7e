/**
 * What the Your-network widget shows for one analysed model: the per-layer table, the totals,
 * the warnings about receptive fields, and the TF.js and PyTorch listings. Pure (strings out), so
 * the page renders the same view at build time that the client renders after every edit; the
 * client puts every string in the DOM as text, never as markup.
 */
import type { YourNetworkStrings } from '../../i18n/strings.ts';
import { pytorchListing, UnlistableLayer } from '../../lib/code/pytorch-listing.ts';
import { tfjsListing } from '../../lib/code/tfjs-listing.ts';
import { activationBytes, formatBytes } from '../../lib/models/activation-memory.ts';
import type { Analysis, LayerAnalysis } from '../../lib/models/analyze.ts';
import type { ReceptiveField } from '../../lib/models/receptive-field.ts';
import { formatCount, formatShape } from '../../lib/models/report.ts';

/** One number per axis, or "h×w" when the axes differ. */
function axes(p: readonly [number, number]): string {
  return p[0] === p[1] ? String(p[0]) : `${p[0]}×${p[1]}`;
}

/** Bytes of one image's output of `layer`, float32. */
export function layerActivationBytes(layer: LayerAnalysis): number {
  return activationBytes(
    layer.outputShape.reduce((a, b) => a * b, 1),
    1,
  );
}

/**
 * The table's rows, one per layer in spec order: index (from 1), id, kind, output shape
 * (h×w×c or features), parameters, MACs, receptive field size, jump and start (input pixels;
 * "—" once the layer is flat) and the bytes of its output for one image.
 */
export function layerRows(t: YourNetworkStrings, analysis: Analysis): string[][] {
  return analysis.layers.map((l, i) => {
    const rf = l.receptiveField;
    return [
      String(i + 1),
      l.id,
      l.layer.kind === 'activation' ? `${t.kind(l.kind)} (${l.layer.activation})` : t.kind(l.kind),
      formatShape(l.outputShape),
      formatCount(l.params),
      formatCount(l.macs),
      rf === null ? '—' : axes(rf.size),
      rf === null ? '—' : axes(rf.jump),
      rf === null ? '—' : axes(rf.start),
      formatBytes(layerActivationBytes(l)),
    ];
  });
}

/** Sum of every layer's output bytes for one image, float32 (what training keeps for the backward pass). */
export function activationTotal(analysis: Analysis): number {
  return analysis.layers.reduce((sum, l) => sum + layerActivationBytes(l), 0);
}

/** The totals as [label, value] pairs, in display order. */
export function totalsRows(t: YourNetworkStrings, analysis: Analysis): [string, string][] {
  const a = analysis;
  const rf = a.receptiveField;
  return [
    [t.totals.model, `${a.spec.name} (${a.spec.id})`],
    [t.totals.input, formatInput(a.inputShape)],
    [t.totals.output, formatShape(a.outputShape)],
    [t.totals.layers, formatCount(a.layers.length)],
    [t.totals.params, formatCount(a.params)],
    [t.totals.trainable, formatCount(a.trainableParams)],
    [t.totals.macs, formatCount(a.macs)],
    [`${t.totals.field} ${a.receptiveFieldLayer}`, `${axes(rf.size)} / ${axes(rf.jump)}`],
    [t.totals.memory, formatBytes(activationTotal(a))],
  ];
}

/**
 * Araujo et al.'s effective padding of a field, per axis: how many padded pixels the first unit's
 * field reaches beyond the top/left border, (size − 1)/2 − start (receptive-field.ts).
 */
export function effectivePaddingOf(field: ReceptiveField): [number, number] {
  return [(field.size[0] - 1) / 2 - field.start[0], (field.size[1] - 1) / 2 - field.start[1]];
}

/**
 * Layers whose receptive field is wider than the padded input, on either axis: the input side
 * plus the effective padding on both sides. Such a unit's field runs past everything the network
 * can see (a pooling window that rounds up does this). One warning per layer, in spec order.
 */
export function fieldWarnings(t: YourNetworkStrings, analysis: Analysis): string[] {
  const [h, w] = analysis.inputShape;
  const out: string[] = [];
  for (const l of analysis.layers) {
    const rf = l.receptiveField;
    if (rf === null) continue;
    const pad = effectivePaddingOf(rf);
    const padded = [h + 2 * Math.max(0, pad[0]), w + 2 * Math.max(0, pad[1])] as const;
    const axis = rf.size[0] > padded[0] ? 0 : rf.size[1] > padded[1] ? 1 : -1;
    if (axis !== -1) out.push(t.fieldPastPadding(l.id, rf.size[axis]!, padded[axis]!));
  }
  return out;
}

/** The network's code in `kind`, or the sentence saying why it has none. */
export function listing(t: YourNetworkStrings, analysis: Analysis, kind: 'tfjs' | 'pytorch'): string {
  try {
    return kind === 'tfjs' ? tfjsListing(analysis) : pytorchListing(analysis);
  } catch (error) {
    if (error instanceof UnlistableLayer) return t.unlistable(error.message);
    throw error;
  }
}

/** [height, width, channels] as the reader writes it: "3×224×224" (channels first, as PyTorch). */
export function formatInput(shape: readonly [number, number, number]): string {
  const [h, w, c] = shape;
  return `${c}×${h}×${w}`;
}

/**
 * The reader's input field ("3×224×224", "3x224x224", "3, 224, 224" or "3 224 224", channels
 * first) as [height, width, channels], or null when it is not three whole numbers in 1…maxSide.
 */
export function parseInputField(text: string, maxSide: number): [number, number, number] | null {
  const parts = text.trim().split(/\s*[×xX*,]\s*|\s+/);
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,5}$/.test(p))) return null;
  const [c, h, w] = parts.map(Number) as [number, number, number];
  return [h, w, c].every((v) => v >= 1 && v <= maxSide) ? [h, w, c] : null;
}

/**
 * What the details panel and the Data table say about a node: its shapes, parameters and MACs
 * with their share of the model's total, and its receptive field, plus the geometry of the input
 * region one of its units sees (for the panel's thumbnail). Pure; shared by the build and the
 * island so both say the same thing.
 */
import { formatCount, formatField, formatShape } from '../models/report.ts';
import type { DiagramModel, DiagramNode } from './diagram-model.ts';
import { diagramStrings as t } from './strings.ts';

/** "12.3%", "<0.1%" for a tiny non-zero share, "0%" for none; `part` and `total` in the same unit. */
export function formatShare(part: number, total: number): string {
  if (part === 0 || total === 0) return '0%';
  const percent = (100 * part) / total;
  return percent < 0.1 ? '<0.1%' : `${percent.toFixed(1)}%`;
}

/**
 * The field of the unit nearest the centre of a layer's output, in input pixels, unclipped: the
 * rectangle [left, left + width) × [top, top + height), where pixel p spans [p, p + 1). It may
 * reach past the input's borders into the padding.
 */
export interface FieldThumbnail {
  /** Input height and width in pixels. */
  readonly inputHeight: number;
  readonly inputWidth: number;
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
}

export interface NodeDetails {
  readonly title: string;
  /** [label, value] pairs, in panel order. */
  readonly rows: readonly (readonly [string, string])[];
  readonly thumbnail: FieldThumbnail | null;
}

/**
 * A node's accessible name: the text it shows (label, and output shape where `showShapes` and the
 * row is not a thin one), so speech matches sight, then its layer or group id.
 */
export function nodeAriaLabel(node: DiagramNode, showShapes: boolean): string {
  const visible =
    showShapes && node.role !== 'minor' && node.lane === 'main' && node.branch === undefined
      ? `${node.label} ${formatShape(node.output)}`
      : node.label;
  return t.nodeLabel(visible, node.id);
}

/** The receptive-field region of the central output unit of `node`, or null once flat. */
export function fieldThumbnail(model: DiagramModel, node: DiagramNode): FieldThumbnail | null {
  const field = node.field;
  if (field === null || node.output.length !== 3) return null;
  const axis = (a: 0 | 1): [number, number] => {
    const unit = Math.floor((node.output[a]! - 1) / 2);
    const centre = field.start[a] + unit * field.jump[a];
    return [centre - (field.size[a] - 1) / 2, field.size[a]];
  };
  const [top, height] = axis(0);
  const [left, width] = axis(1);
  return { inputHeight: model.inputShape[0], inputWidth: model.inputShape[1], top, left, height, width };
}

function kindText(node: DiagramNode): string {
  if (node.kind === 'root' || node.kind === 'group') return t.group.kind;
  if (node.kind === 'activation') return `${t.kindNames.activation} (${node.label})`;
  if (node.kind === 'concat' && node.skip !== undefined) return `${t.kindNames.concat}: ${t.joinNames.dense}`;
  if (node.kind === 'concat' && node.columns !== undefined) return t.joinNames.branches(node.columns);
  if (node.skip !== undefined) return `${t.kindNames.add}: ${t.shortcutNames[node.skip.style]}`;
  return t.kindNames[node.kind];
}

/** Everything the panel shows for node `index` of `model`. */
export function nodeDetails(model: DiagramModel, index: number): NodeDetails {
  const node = model.nodes[index]!;
  const p = t.panel;
  const field = node.field;
  const rows: [string, string][] = [
    [p.layer, node.id],
    [p.kind, kindText(node)],
    [p.input, node.inputs.map(formatShape).join(' + ')],
    [p.output, formatShape(node.output)],
    [p.params, p.share(formatCount(node.params), formatShare(node.params, model.params))],
    [p.macs, p.share(formatCount(node.macs), formatShare(node.macs, model.macs))],
    [p.field, field === null ? p.flatField : p.fieldValue(formatField(field))],
  ];
  return {
    title: node.label,
    rows,
    thumbnail: fieldThumbnail(model, node),
  };
}

/**
 * The text alternative of a diagram: one row per layer with the numbers the diagram draws, for
 * the "Data" disclosure (and what browser tests read). Strings in, strings out.
 */
import { formatCount, formatField, formatShape } from '../models/report.ts';
import type { DiagramModel } from './diagram-model.ts';
import { formatShare } from './node-details.ts';
import { diagramStrings as t } from './strings.ts';

/** Column headers, in the diagram strings in force; `numeric` columns are right-aligned. */
export function layerColumns(): readonly { readonly label: string; readonly numeric: boolean }[] {
  return [
    { label: t.data.layer, numeric: false },
    { label: t.data.group, numeric: false },
    { label: t.data.kind, numeric: false },
    { label: t.data.input, numeric: true },
    { label: t.data.output, numeric: true },
    { label: t.data.params, numeric: true },
    { label: t.data.paramsShare, numeric: true },
    { label: t.data.macs, numeric: true },
    { label: t.data.macsShare, numeric: true },
    { label: t.data.field, numeric: true },
  ];
}

/** One row per layer of `model` in spec order, with its node index, cells as in `layerColumns`. */
export function layerRows(model: DiagramModel): { readonly index: number; readonly cells: readonly string[] }[] {
  const groupPath = (index: number): string => {
    const names: string[] = [];
    for (let p = model.nodes[index]!.parent; p > 0; p = model.nodes[p]!.parent) names.unshift(model.nodes[p]!.id);
    return names.join(' › ');
  };
  return model.nodes.flatMap((node, index) =>
    node.role === 'group' || node.role === 'root'
      ? []
      : [
          {
            index,
            cells: [
              node.id,
              groupPath(index),
              node.label,
              node.inputs.map(formatShape).join(' + '),
              formatShape(node.output),
              formatCount(node.params),
              formatShare(node.params, model.params),
              formatCount(node.macs),
              formatShare(node.macs, model.macs),
              formatField(node.field),
            ],
          },
        ],
  );
}

/** The totals row: params and MACs of the whole model. */
export function totalRow(model: DiagramModel): readonly string[] {
  return [
    t.data.total,
    '',
    model.name,
    formatShape(model.inputShape),
    '',
    formatCount(model.params),
    '100%',
    formatCount(model.macs),
    '100%',
    '',
  ];
}

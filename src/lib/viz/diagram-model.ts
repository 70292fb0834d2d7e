/**
 * From an analysis to the diagram's model: the tree of layers and the groups they sit in
 * (stages, blocks), each node with its label, figures and box widths. Plain JSON-ready data:
 * the page embeds it so the interactive island can re-lay the diagram out without the zoo.
 *
 * The tree is built with d3-hierarchy (`stratify`, `sum`): a group's parameters and MACs are the
 * sums over its layers, its input the input of its first layer and its output (and receptive
 * field) those of its last. Layers on a residual shortcut (a projection's 1×1 conv and BN, an
 * option-A pad) go in the "shortcut" lane: the diagram draws them on the skip arc. The branches
 * of a concatenation are columns drawn side by side above it (branch-columns.ts); a
 * concatenation of a layer's input with its new maps (DenseNet) gets a skip arc like a sum's.
 */
import { stratify, type HierarchyNode } from 'd3-hierarchy';
import type { Analysis, LayerAnalysis } from '../models/analyze.ts';
import type { ReceptiveField } from '../models/receptive-field.ts';
import { formatShape } from '../models/report.ts';
import { concatBranches, type ConcatBranches } from '../models/concat-branch.ts';
import { shortcutBranches } from '../models/shortcut-branch.ts';
import type { AddLayer, LayerKind, Shape } from '../models/types.ts';
import { branchColumns } from './branch-columns.ts';
import type { DiagramMetrics } from './diagram-metrics.ts';
import { encodedWidths, encodingMaxima, type EncodedValues } from './encoding.ts';
import { layerLabel } from './layer-label.ts';
import { stageKey } from './stage-key.ts';
import { diagramStrings as t } from './strings.ts';
import { textWidth } from './svg.ts';

/**
 * How a node is drawn: a full-height box, a thin row, a ⊕ sum, a concatenation (a circle with
 * two bars), a group, or the (invisible) root.
 */
export type NodeRole = 'major' | 'minor' | 'add' | 'concat' | 'group' | 'root';

/** Whether a node is drawn as a small circle joining branches (a sum or a concatenation). */
export function isJoin(node: { readonly role: NodeRole }): boolean {
  return node.role === 'add' || node.role === 'concat';
}

export type ShortcutStyle = AddLayer['shortcut'];

/** One node of a diagram: a layer, a group of layers, or the root. */
export interface DiagramNode {
  /** Layer id, group name (`layer1.0`), or '' for the root. */
  readonly id: string;
  /** Index of the parent in `DiagramModel.nodes`; -1 for the root. */
  readonly parent: number;
  /** Indices of the children, in spec order. */
  readonly children: readonly number[];
  readonly kind: LayerKind | 'group' | 'root';
  readonly role: NodeRole;
  /** 'shortcut' for layers drawn on a skip arc; groups and other layers are 'main'. */
  readonly lane: 'main' | 'shortcut';
  /** Box label: "conv3-256"; for groups "layer3 · 6 blocks". */
  readonly label: string;
  /** Nesting level: 0 for the root, 1 for top-level layers and groups. */
  readonly depth: number;
  /** Stage of the output resolution (stage-key.ts). */
  readonly stage: number;
  /** Input shape(s) [h, w, c] or [n]; a group's are its first layer's. */
  readonly inputs: readonly Shape[];
  readonly output: Shape;
  /** Parameters and multiply-accumulates per example (sums for groups). */
  readonly params: number;
  readonly macs: number;
  /** Receptive field of the output units in input pixels; null once flat. */
  readonly field: ReceptiveField | null;
  /** Box widths in px for the encodings shape, params, MACs. */
  readonly widths: readonly [number, number, number];
  /**
   * Sums (and concatenations of a layer's input with its new maps): the node the shortcut leaves
   * the main path from (`from`, the block input), the shortcut-lane layers on it in data-flow
   * order (`via`), and how it is formed.
   */
  readonly skip?: { readonly from: number; readonly via: readonly number[]; readonly style: ShortcutStyle };
  /** Groups that are residual blocks (or dense layers): the style of their shortcut (drawn as a small arc). */
  readonly residual?: ShortcutStyle;
  /**
   * Nodes in a side-by-side region above a concatenation: their column, 0 for the leftmost
   * (on the main axis). Set on the region's sibling nodes and everything inside them.
   */
  readonly branch?: number;
  /** Concatenations drawn below side-by-side branches: how many columns join here. */
  readonly columns?: number;
}

/** A model's diagram data. Numbers are per example at `inputShape`. */
export interface DiagramModel {
  readonly id: string;
  readonly name: string;
  readonly inputShape: readonly [number, number, number];
  readonly params: number;
  readonly macs: number;
  /** Pre-order: every node after its parent, siblings in spec order; index 0 is the root. */
  readonly nodes: readonly DiagramNode[];
  /** Whether any layer sums a shortcut (the diagram then has a lane for skip arcs). */
  readonly hasSkips: boolean;
  /** Width in px of the label column (longest label, estimated), and of the shape column. */
  readonly labelWidth: number;
  readonly shapeWidth: number;
  /** Width in px of the longest label inside side-by-side branches (0 without any). */
  readonly branchLabelWidth: number;
  /** Most columns any concatenation joins side by side (1 without any). */
  readonly maxColumns: number;
}

const minorKinds: ReadonlySet<LayerKind> = new Set(['batchnorm', 'activation', 'dropout', 'lrn']);

interface Row {
  readonly key: string;
  readonly parentKey: string | null;
  readonly name: string;
  readonly layer?: LayerAnalysis;
}

/**
 * Rows for d3's `stratify`: the root, then each group where it opens, then its layers. A group
 * path that reappears after other layers opens a new group (specs keep groups contiguous).
 */
function hierarchyRows(analysis: Analysis): Row[] {
  const rows: Row[] = [{ key: 'root', parentKey: null, name: '' }];
  let open: { path: string[]; keys: string[] } = { path: [], keys: [] };
  let occurrence = 0;
  for (const layer of analysis.layers) {
    const path = [...(layer.layer.group ?? [])];
    let shared = 0;
    while (shared < path.length && shared < open.path.length && path[shared] === open.path[shared]) shared++;
    const keys = open.keys.slice(0, shared);
    for (let level = shared; level < path.length; level++) {
      const key = `g${occurrence++}:${path.slice(0, level + 1).join('/')}`;
      rows.push({ key, parentKey: keys[level - 1] ?? 'root', name: path[level]! });
      keys.push(key);
    }
    open = { path, keys };
    rows.push({ key: `l:${layer.id}`, parentKey: keys[keys.length - 1] ?? 'root', name: layer.id, layer });
  }
  return rows;
}

/** The diagram tree of one analysis, without widths (they depend on the models it is shown with). */
function buildNodes(analysis: Analysis): { nodes: Omit<DiagramNode, 'widths'>[]; values: EncodedValues[] } {
  const root = stratify<Row>()
    .id((r) => r.key)
    .parentId((r) => r.parentKey)(hierarchyRows(analysis));

  const order: HierarchyNode<Row>[] = [];
  root.eachBefore((n) => order.push(n));
  const index = new Map(order.map((n, i) => [n, i]));
  const layerIndex = new Map(order.flatMap((n, i) => (n.data.layer ? [[n.data.layer.id, i] as const] : [])));

  const params = new Map<string, number>();
  root.sum((r) => r.layer?.params ?? 0).each((n) => params.set(n.data.key, n.value ?? 0));
  const macs = new Map<string, number>();
  root.sum((r) => r.layer?.macs ?? 0).each((n) => macs.set(n.data.key, n.value ?? 0));

  const branches = shortcutBranches(analysis.spec);
  const shortcutLayers = new Set([...branches.values()].flatMap((b) => b.layers));
  const concats = concatBranches(analysis.spec);
  const { column, columns } = branchColumns(order, layerIndex, concats);
  const denseSkip = (id: string): number | undefined => {
    const join = concats.get(id);
    return join !== undefined ? denseSkipFrom(join, layerIndex) : undefined;
  };

  const nodes = order.map((n): Omit<DiagramNode, 'widths'> => {
    const leaves = n.leaves().map((leaf) => leaf.data.layer!);
    const mainLeaves = leaves.filter((l) => !shortcutLayers.has(l.id));
    const first = (mainLeaves[0] ?? leaves[0])!;
    const last = (mainLeaves[mainLeaves.length - 1] ?? leaves[leaves.length - 1])!;
    const layer = n.data.layer;
    const children = (n.children ?? []).map((c) => index.get(c)!);
    const common = {
      id: n.data.name,
      parent: n.parent === null ? -1 : index.get(n.parent)!,
      children,
      depth: n.depth,
      stage: stageKey(last.outputShape),
      inputs: first.inputShapes,
      output: last.outputShape,
      params: params.get(n.data.key) ?? 0,
      macs: macs.get(n.data.key) ?? 0,
      field: last.receptiveField,
    };
    const i = index.get(n)!;
    const placed = {
      ...(column.has(i) ? { branch: column.get(i)! } : {}),
      ...(columns.has(i) ? { columns: columns.get(i)! } : {}),
    };
    if (layer === undefined) {
      const isRoot = n.parent === null;
      const allGroups = (n.children ?? []).every((c) => c.data.layer === undefined);
      const count = allGroups ? t.group.blocks(children.length) : t.group.layers(leaves.length);
      const joins = (n.children ?? []).flatMap((c): ShortcutStyle[] => {
        const l = c.data.layer?.layer;
        if (l?.kind === 'add') return [l.shortcut];
        return l?.kind === 'concat' && denseSkip(l.id) !== undefined ? ['identity'] : [];
      });
      // Inside a branch column the parent's name is already on the frame: "branch2", not "inception3a.branch2".
      const parentName = n.parent?.data.name ?? '';
      const name =
        column.has(i) && parentName !== '' && n.data.name.startsWith(`${parentName}.`)
          ? n.data.name.slice(parentName.length + 1)
          : n.data.name;
      return {
        ...common,
        ...placed,
        kind: isRoot ? 'root' : 'group',
        role: isRoot ? 'root' : 'group',
        lane: 'main',
        label: isRoot ? analysis.spec.name : t.group.summary(name, count),
        ...(joins.length === 1 ? { residual: joins[0]! } : {}),
      };
    }
    const kind = layer.layer.kind;
    const shortcut = branches.get(layer.id);
    const skipFrom = kind === 'add' ? layerIndex.get(shortcut?.from ?? '') : denseSkip(layer.id);
    return {
      ...common,
      ...placed,
      kind,
      role: kind === 'add' || kind === 'concat' ? kind : minorKinds.has(kind) ? 'minor' : 'major',
      lane: shortcutLayers.has(layer.id) ? 'shortcut' : 'main',
      label: layerLabel(layer.layer),
      ...(skipFrom !== undefined
        ? {
            skip: {
              from: skipFrom,
              via: (shortcut?.layers ?? []).map((id) => layerIndex.get(id)!),
              style: layer.layer.kind === 'add' ? layer.layer.shortcut : 'identity',
            },
          }
        : {}),
    };
  });

  const values = nodes.map((n): EncodedValues => [n.output.reduce((a, b) => a * b, 1), n.params, n.macs]);
  return { nodes, values };
}

/**
 * The fork of a concatenation of a layer's input with one branch of new maps (DenseNet), by node
 * index: drawn as a skip arc from the fork to the concatenation. Undefined for other concatenations.
 */
function denseSkipFrom(join: ConcatBranches, layerIndex: ReadonlyMap<string, number>): number | undefined {
  const filled = join.branches.filter((b) => b.layers.length > 0);
  return join.from !== null && filled.length === 1 && join.branches.length === 2
    ? layerIndex.get(join.from)
    : undefined;
}

/** Space before a node's label text: a group's disclosure triangle. */
function nodeLabelIndent(node: { readonly role: NodeRole }, metrics: DiagramMetrics): number {
  return node.role === 'group' ? metrics.labelFont : 0;
}

/**
 * Diagram models of `analyses`, drawn on one scale: box widths use the largest output size,
 * parameter count and MAC count over every node (layers and groups) of all of them. One
 * analysis for a single diagram, two to four for a comparison.
 */
export function diagramModels(analyses: readonly Analysis[], metrics: DiagramMetrics): DiagramModel[] {
  const built = analyses.map(buildNodes);
  const maxima = encodingMaxima(built.flatMap((b) => b.values.slice(1)));
  return analyses.map((analysis, m) => {
    const { nodes, values } = built[m]!;
    const withWidths: DiagramNode[] = nodes.map((node, i) => ({
      ...node,
      widths: encodedWidths(values[i]!, maxima, metrics.boxMinWidth, metrics.boxMaxWidth),
    }));
    const labelWidth = Math.max(
      ...withWidths.map((n) => textWidth(n.label, n.role === 'minor' ? metrics.minorFont : metrics.labelFont)),
      textWidth(t.input, metrics.labelFont),
    );
    const shapeWidth = Math.max(...withWidths.map((n) => textWidth(formatShape(n.output), metrics.labelFont)));
    const inColumns = withWidths.filter((n) => n.branch !== undefined);
    const branchLabelWidth = Math.max(
      0,
      ...inColumns.map(
        (n) =>
          textWidth(n.label, n.role === 'minor' ? metrics.minorFont : metrics.labelFont) + nodeLabelIndent(n, metrics),
      ),
    );
    return {
      id: analysis.spec.id,
      name: analysis.spec.name,
      inputShape: analysis.inputShape,
      params: analysis.params,
      macs: analysis.macs,
      nodes: withWidths,
      hasSkips: withWidths.some((n) => n.skip !== undefined),
      // Groups' labels carry a disclosure triangle in front.
      labelWidth: Math.ceil(labelWidth + metrics.labelFont),
      shapeWidth: Math.ceil(shapeWidth),
      branchLabelWidth: Math.ceil(branchLabelWidth),
      maxColumns: Math.max(1, ...withWidths.map((n) => n.columns ?? 1)),
    };
  });
}

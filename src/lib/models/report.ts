/**
 * Plain-text and JSON reports of analyses, for `npm run zoo` and for anything else that wants
 * a table (pure: strings in, strings out; no I/O).
 */
import type { Analysis, LayerAnalysis } from './analyze.ts';
import type { ReceptiveField } from './receptive-field.ts';
import type { Shape } from './types.ts';
import { kernelGeometry, type KernelGeometry } from './kernel-geometry.ts';

/** 138357544 → "138,357,544". */
export function formatCount(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** 15470264320 → "15.470 G"; 40551424 → "40.551 M"; k, M, G, T with `digits` decimals. */
export function formatSi(n: number, digits = 3): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  const unit = units.find(([scale]) => Math.abs(n) >= scale);
  return unit === undefined ? String(n) : `${(n / unit[0]).toFixed(digits)} ${unit[1]}`;
}

/** [224, 224, 3] → "224×224×3"; [1000] → "1000". */
export function formatShape(shape: Shape): string {
  return shape.join('×');
}

/** "212 / 32" (size / jump), or "212×200 / 32×16" when the axes differ; "—" when flat. */
export function formatField(field: ReceptiveField | null): string {
  if (field === null) return '—';
  const axes = (p: readonly [number, number]): string => (p[0] === p[1] ? String(p[0]) : `${p[0]}×${p[1]}`);
  return `${axes(field.size)} / ${axes(field.jump)}`;
}

type Align = 'left' | 'right';

/** A fixed-width text table with a header rule; `align` per column (default left). */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * One row per model: id, input, output, params, trainable params, MACs, FLOPs (= 2 × MACs),
 * receptive field / jump at the last spatial layer and that layer's id.
 */
export function zooTable(analyses: readonly Analysis[]): string {
  return renderTable(
    ['model', 'input', 'output', 'params', 'trainable', 'MACs', 'FLOPs', 'RF / jump', 'at layer'],
    analyses.map((a) => [
      a.spec.id,
      formatShape(a.inputShape),
      formatShape(a.outputShape),
      formatCount(a.params),
      formatCount(a.trainableParams),
      formatSi(a.macs),
      formatSi(a.flops),
      formatField(a.receptiveField),
      a.receptiveFieldLayer,
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}

/**
 * A per-layer summary in the manner of torchinfo's: one row per layer (indented by its group
 * depth), then totals. Shapes omit the batch dimension and are [h, w, c] (NHWC).
 */
export function layerTable(analysis: Analysis): string {
  const rows = analysis.layers.map((l: LayerAnalysis) => [
    `${'  '.repeat(l.layer.group?.length ?? 0)}${l.id}`,
    l.kind === 'activation' && l.layer.kind === 'activation' ? `activation (${l.layer.activation})` : l.kind,
    formatShape(l.outputShape),
    l.params === 0 ? '—' : formatCount(l.params),
    l.macs === 0 ? '—' : formatCount(l.macs),
    formatField(l.receptiveField),
  ]);
  const table = renderTable(['layer', 'kind', 'output', 'params', 'MACs', 'RF / jump'], rows, [
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
  ]);
  const a = analysis;
  const footer = [
    `${a.spec.name} (${a.spec.id}), input ${formatShape(a.inputShape)} → output ${formatShape(a.outputShape)}`,
    `Total params: ${formatCount(a.params)}`,
    `Trainable params: ${formatCount(a.trainableParams)}`,
    `Non-trainable params: ${formatCount(a.params - a.trainableParams)}`,
    `Connections: ${formatCount(a.connections)}`,
    `MACs: ${formatCount(a.macs)} (${formatSi(a.macs)})`,
    `FLOPs (2 × MACs): ${formatCount(a.flops)} (${formatSi(a.flops)})`,
    `Receptive field at ${a.receptiveFieldLayer}: ${formatField(a.receptiveField)} px, first centre at ${a.receptiveField.start.join(', ')}`,
  ];
  const rule = '='.repeat(Math.max(...table.split('\n').map((l) => l.length)));
  return [rule, table, rule, ...footer, rule].join('\n');
}

/** The JSON record of one analysis (plain data: numbers, strings, arrays). */
export interface AnalysisRecord {
  id: string;
  name: string;
  inputShape: number[];
  outputShape: number[];
  params: number;
  trainableParams: number;
  macs: number;
  flops: number;
  connections: number;
  receptiveField: { size: number[]; jump: number[]; start: number[]; layer: string };
  layers: {
    id: string;
    kind: string;
    inputs: string[];
    outputShape: number[];
    params: number;
    trainableParams: number;
    macs: number;
    connections: number;
    receptiveField: { size: number[]; jump: number[]; start: number[] } | null;
    /** The resolved window of a conv or pooling layer (see kernel-geometry.ts); null otherwise. */
    geometry: {
      kernel: number[];
      stride: number[];
      padding: number[];
      dilation: number[];
      groups: number;
      ceil: boolean;
    } | null;
    /** Whether a conv or dense layer adds a bias per output channel or unit; false for other kinds. */
    bias: boolean;
  }[];
}

/** `analysis` as a JSON-ready record (no spec objects, no cycles). */
export function toRecord(analysis: Analysis): AnalysisRecord {
  const field = (f: ReceptiveField): { size: number[]; jump: number[]; start: number[] } => ({
    size: [...f.size],
    jump: [...f.jump],
    start: [...f.start],
  });
  return {
    id: analysis.spec.id,
    name: analysis.spec.name,
    inputShape: [...analysis.inputShape],
    outputShape: [...analysis.outputShape],
    params: analysis.params,
    trainableParams: analysis.trainableParams,
    macs: analysis.macs,
    flops: analysis.flops,
    connections: analysis.connections,
    receptiveField: { ...field(analysis.receptiveField), layer: analysis.receptiveFieldLayer },
    layers: analysis.layers.map((l) => ({
      id: l.id,
      kind: l.kind,
      inputs: [...l.inputIds],
      outputShape: [...l.outputShape],
      params: l.params,
      trainableParams: l.trainableParams,
      macs: l.macs,
      connections: l.connections,
      receptiveField: l.receptiveField === null ? null : field(l.receptiveField),
      geometry: geometryRecord(kernelGeometry(l.layer)),
      bias: l.layer.kind === 'conv' || l.layer.kind === 'dense' ? (l.layer.bias ?? true) : false,
    })),
  };
}

function geometryRecord(geometry: KernelGeometry | null): AnalysisRecord['layers'][number]['geometry'] {
  if (geometry === null) return null;
  const { kernel, stride, padding, dilation, groups, ceil } = geometry;
  return { kernel: [...kernel], stride: [...stride], padding: [...padding], dilation: [...dilation], groups, ceil };
}

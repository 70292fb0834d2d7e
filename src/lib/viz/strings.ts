/**
 * UI strings of the architecture diagrams and comparisons, in English. Everything a reader sees
 * in a diagram (labels, controls, the details panel, the Data table) comes from here, so a
 * translation is a sibling object with the same keys (src/i18n/zh-CN/diagram.ts). Layer notation
 * such as "conv3-256" follows Simonyan & Zisserman 2015 and is not translated.
 *
 * The renderers read `diagramStrings`, the strings in force. It is English unless a caller draws
 * inside `withDiagramStrings(strings, draw)`: a synchronous scope, so pages of different languages
 * rendered by one build never see each other's strings (a browser page, one language, may also set
 * them once with `useDiagramStrings`). The renderers stay free of a strings parameter threaded
 * through every layout function.
 */
import type { ActivationKind, LayerKind } from '../models/types.ts';

/** The English strings. */
export const englishDiagramStrings = {
  /** Long names of layer kinds, for the details panel and the Data table. */
  kindNames: {
    conv: 'Convolution',
    maxpool: 'Max pooling',
    avgpool: 'Average pooling',
    subsample: 'Trainable subsampling',
    batchnorm: 'Batch normalisation',
    activation: 'Activation',
    dropout: 'Dropout',
    lrn: 'Local response normalisation',
    flatten: 'Flatten',
    dense: 'Fully connected',
    rbf: 'Euclidean RBF output',
    globalavgpool: 'Global average pooling',
    padshortcut: 'Shortcut: subsample and zero-pad (option A)',
    add: 'Sum of residual branch and shortcut',
    concat: 'Channel concatenation',
  } satisfies Record<LayerKind, string>,
  /** Short labels of parameter-free layers in boxes. */
  shortLabels: {
    batchnorm: 'BN',
    lrn: 'LRN',
    flatten: 'flatten',
    globalavgpool: 'global avgpool',
    add: 'add',
    concat: 'concat',
    dropout: (rate: number) => `dropout ${rate}`,
    padshortcut: 'pad',
  },
  activationNames: {
    relu: 'ReLU',
    relu6: 'ReLU6',
    tanh: 'tanh',
    sigmoid: 'sigmoid',
    scaled_tanh: 'scaled tanh',
  } satisfies Record<ActivationKind, string>,
  shortcutNames: {
    identity: 'identity shortcut',
    projection: 'projection shortcut (1×1 conv)',
    padding: 'zero-padding shortcut (option A)',
  },
  joinNames: {
    dense: 'the layer’s input passed on beside its new maps (dense connectivity)',
    branches: (n: number) => `Channel concatenation of ${n} parallel branches`,
  },
  input: 'input',
  flat: 'flat',
  group: {
    kind: 'Group',
    blocks: (n: number) => (n === 1 ? '1 block' : `${n} blocks`),
    layers: (n: number) => (n === 1 ? '1 layer' : `${n} layers`),
    summary: (name: string, count: string) => `${name} · ${count}`,
  },
  encodings: {
    label: 'Box width',
    shape: 'Output size',
    params: 'Parameters',
    macs: 'MACs',
    legend: {
      shape: 'Box width ∝ √(output values h·w·c)',
      params: 'Box width ∝ √(parameters)',
      macs: 'Box width ∝ √(multiply-accumulates)',
    },
  },
  controls: {
    toolbar: 'Diagram controls',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit',
    expandAll: 'Expand all',
    collapseAll: 'Collapse all',
    downloadSvg: 'Download SVG',
    downloadPng: 'Download PNG',
  },
  viewport: (name: string) => `${name}: architecture diagram, scrollable`,
  diagramLabel: (name: string) => `Architecture of ${name}, one box per layer`,
  comparisonLabel: (names: string) => `Architectures of ${names}, side by side`,
  hint: 'Hover, tap or focus a layer for its details. Arrow keys move between layers; Enter expands or collapses a group.',
  panel: {
    heading: 'Layer details',
    layer: 'Layer',
    kind: 'Type',
    input: 'Input',
    output: 'Output',
    params: 'Parameters',
    macs: 'MACs',
    field: 'Receptive field',
    thumbnail: (size: string) => `The input region one central unit of this layer sees: ${size}`,
    share: (count: string, percent: string) => `${count} (${percent} of the model)`,
    fieldValue: (sizeAndJump: string) => `${sizeAndJump} px (size / jump)`,
    flatField: 'the whole input (flat)',
  },
  nodeLabel: (visibleText: string, id: string) => `${visibleText}, ${id}`,
  data: {
    summary: 'Data',
    caption: (name: string) => `${name}: every layer, as drawn`,
    layer: 'Layer',
    group: 'Group',
    kind: 'Type',
    input: 'Input',
    output: 'Output',
    params: 'Params',
    paramsShare: '% params',
    macs: 'MACs',
    macsShare: '% MACs',
    field: 'RF / jump (px)',
    stageCaption: 'Parameters and MACs per stage (output resolution)',
    model: 'Model',
    stage: 'Stage',
    total: 'total',
  },
  bars: {
    label: 'Parameters and multiply-accumulates per stage',
    params: 'Parameters per stage',
    macs: 'MACs per stage',
  },
  columnTotals: (params: string, macs: string) => `${params} params · ${macs} MACs`,
  outputSize: 'output size',
};

export type DiagramStrings = typeof englishDiagramStrings;

/** The strings the renderers use now (English unless set by the two functions below). */
export let diagramStrings: DiagramStrings = englishDiagramStrings;

/** Runs `draw` (synchronous: nothing else can run meanwhile) with `strings` in force, and restores the previous ones. */
export function withDiagramStrings<T>(strings: DiagramStrings, draw: () => T): T {
  const previous = diagramStrings;
  diagramStrings = strings;
  try {
    return draw();
  } finally {
    diagramStrings = previous;
  }
}

/** Puts `strings` in force for good: for a browser page, whose language never changes. */
export function useDiagramStrings(strings: DiagramStrings): void {
  diagramStrings = strings;
}

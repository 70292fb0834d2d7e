/**
 * The numbers a chapter quotes about a model, derived from its analysis, with the text each is
 * printed as. Chapters never type a model number by hand: `<Zoo model stat />` renders one of
 * these, and a build check compares the page against `npm run zoo -- --json`.
 */
import { analyze, type Analysis, type LayerAnalysis } from './analyze.ts';
import { formatShape } from './report.ts';
import type { Shape } from './types.ts';
import { kernelGeometry } from './kernel-geometry.ts';
import { getModel } from './zoo.ts';

const analyses = new Map<string, Analysis>();

/** The analysis of zoo model `id` at its own input size, computed once per build. */
export function zooAnalysis(id: string): Analysis {
  let analysis = analyses.get(id);
  if (analysis === undefined) {
    analysis = analyze(getModel(id));
    analyses.set(id, analysis);
  }
  return analysis;
}

/** Figures of a whole model. */
export const MODEL_STATS = [
  'params',
  'paramsM',
  'trainableParams',
  'macs',
  'gmacs',
  'flops',
  'gflops',
  'connections',
  'convLayers',
  'fcLayers',
  'weightLayers',
  'rf',
  'rfJump',
  'rfStart',
  'fcParamsPercent',
  'input',
] as const;

/**
 * Figures of one layer (`layer` names it by its zoo / torchvision id). Besides its totals and field:
 * the sizes the convolution-arithmetic formulas take, along the height axis (every zoo window is
 * square): `inputSize` i and `outputSize` o of a spatial map; `inputChannels` and `outputChannels`
 * (a flat layer's input features and units); `outputElements`, the values in one example's output
 * (h·w·c); the window's `kernel` k, `stride` s, `padding` p, `dilation` d and `groups` g (conv and
 * pooling only); and `biases`, the bias terms of a conv or dense layer (0 without bias).
 */
export const LAYER_STATS = [
  'params',
  'macs',
  'rf',
  'rfJump',
  'rfStart',
  'shape',
  'inputShape',
  'inputSize',
  'inputChannels',
  'outputSize',
  'outputChannels',
  'outputElements',
  'kernel',
  'stride',
  'padding',
  'dilation',
  'groups',
  'biases',
] as const;

export type ModelStat = (typeof MODEL_STATS)[number];
export type LayerStat = (typeof LAYER_STATS)[number];

/** A figure: its exact value (a number, or a shape's text) and the text a page prints. */
export interface Figure {
  readonly value: number | string;
  readonly text: string;
}

/** A convolution on a shortcut (torchvision's `downsample.0`) is not counted in a network's depth. */
function onShortcut(layer: LayerAnalysis): boolean {
  return /(^|\.)downsample(\.|$)/.test(layer.id);
}

/**
 * Digits as a page in `locale` (a BCP 47 tag) writes them: grouped, with `fraction` decimals when
 * given. en-US and zh-CN both give "138,357,544" and "138.4".
 */
export function formatDigits(n: number, locale = 'en-US', fraction?: number): string {
  const digits =
    fraction === undefined
      ? { maximumFractionDigits: 20 }
      : { minimumFractionDigits: fraction, maximumFractionDigits: fraction };
  return new Intl.NumberFormat(locale, { useGrouping: true, ...digits }).format(n);
}

/**
 * 138357544 → "138.4 M"; below one million two decimals, "0.27 M" (He et al.'s style in Table 6).
 * Chinese pages keep M and G (as Chinese papers' tables do) rather than 万/亿, so a figure reads
 * as in the cited paper; only the digits follow `locale`.
 */
export function formatMillions(n: number, locale = 'en-US'): string {
  const m = n / 1e6;
  return `${formatDigits(m, locale, m < 1 ? 2 : 1)} M`;
}

/** 15470264320 → "15.47 G"; 714188480 → "0.71 G". */
export function formatBillions(n: number, locale = 'en-US'): string {
  return `${formatDigits(n / 1e9, locale, 2)} G`;
}

/** 0.8941 → "89.4%". */
export function formatPercent(share: number, locale = 'en-US'): string {
  return `${formatDigits(share * 100, locale, 1)}%`;
}

/** Figure `stat` of the whole model, its text written for a page in `locale` (BCP 47, default en-US). */
export function modelFigure(analysis: Analysis, stat: ModelStat, locale = 'en-US'): Figure {
  const counted = (value: number): Figure => ({ value, text: formatDigits(value, locale) });
  const convs = analysis.layers.filter((l) => l.kind === 'conv' && !onShortcut(l)).length;
  const fcs = analysis.layers.filter((l) => l.kind === 'dense' || l.kind === 'rbf').length;
  switch (stat) {
    case 'params':
    case 'trainableParams':
    case 'macs':
    case 'flops':
    case 'connections':
      return counted(analysis[stat]);
    case 'paramsM':
      return { value: analysis.params, text: formatMillions(analysis.params, locale) };
    case 'gmacs':
    case 'gflops': {
      const value = stat === 'gmacs' ? analysis.macs : analysis.flops;
      if (value < 1e7)
        throw new Error(
          `${analysis.spec.id}: ${stat} would print ${formatBillions(value)}; use ${stat === 'gmacs' ? 'macs' : 'flops'}`,
        );
      return { value, text: formatBillions(value, locale) };
    }
    case 'convLayers':
      return counted(convs);
    case 'fcLayers':
      return counted(fcs);
    case 'weightLayers':
      return counted(convs + fcs);
    case 'rf':
      return counted(analysis.receptiveField.size[0]);
    case 'rfJump':
      return counted(analysis.receptiveField.jump[0]);
    case 'rfStart':
      return counted(analysis.receptiveField.start[0]);
    case 'fcParamsPercent': {
      const dense = analysis.layers.filter((l) => l.kind === 'dense').reduce((sum, l) => sum + l.params, 0);
      const share = dense / analysis.params;
      return { value: share, text: formatPercent(share, locale) };
    }
    case 'input':
      return { value: formatShape(analysis.inputShape), text: formatShape(analysis.inputShape) };
  }
}

/**
 * Figure `stat` of layer `layerId`, its text written for a page in `locale`; throws naming the
 * model and layer when there is no such figure.
 */
export function layerFigure(analysis: Analysis, layerId: string, stat: LayerStat, locale = 'en-US'): Figure {
  const counted = (value: number): Figure => ({ value, text: formatDigits(value, locale) });
  const layer = analysis.layers.find((l) => l.id === layerId);
  if (layer === undefined) throw new Error(`${analysis.spec.id} has no layer "${layerId}"`);
  switch (stat) {
    case 'params':
    case 'macs':
      return counted(layer[stat]);
    case 'shape':
      return { value: formatShape(layer.outputShape), text: formatShape(layer.outputShape) };
    case 'inputShape': {
      const text = formatShape(inputShapeOf(layer));
      return { value: text, text };
    }
    case 'inputSize':
      return counted(spatialSide(inputShapeOf(layer), `${analysis.spec.id} layer "${layerId}" input`));
    case 'outputSize':
      return counted(spatialSide(layer.outputShape, `${analysis.spec.id} layer "${layerId}" output`));
    case 'inputChannels':
      return counted(lastAxis(inputShapeOf(layer)));
    case 'outputChannels':
      return counted(lastAxis(layer.outputShape));
    case 'outputElements':
      return counted(layer.outputShape.reduce((a, b) => a * b, 1));
    case 'kernel':
    case 'stride':
    case 'padding':
    case 'dilation':
    case 'groups': {
      const geometry = kernelGeometry(layer.layer);
      if (geometry === null) {
        throw new Error(`${analysis.spec.id} layer "${layerId}" (${layer.kind}) has no window: no ${stat}`);
      }
      return counted(stat === 'groups' ? geometry.groups : geometry[stat][0]);
    }
    case 'biases': {
      const bias =
        layer.layer.kind === 'conv' || layer.layer.kind === 'dense'
          ? (layer.layer.bias ?? true)
          : fail(`${analysis.spec.id} layer "${layerId}" (${layer.kind}): only conv and dense layers have biases`);
      return counted(bias ? lastAxis(layer.outputShape) : 0);
    }
    case 'rf':
    case 'rfJump':
    case 'rfStart': {
      const field = layer.receptiveField;
      if (field === null) throw new Error(`${analysis.spec.id} layer "${layerId}" is flat: no receptive field`);
      return counted((stat === 'rf' ? field.size : stat === 'rfJump' ? field.jump : field.start)[0]);
    }
  }
}

function fail(message: string): never {
  throw new Error(message);
}

/** The shape a layer reads: its first input's (the only one for every windowed or dense layer). */
function inputShapeOf(layer: LayerAnalysis): Shape {
  return layer.inputShapes[0] ?? fail(`layer "${layer.id}" has no input`);
}

/** Height of an [h, w, c] map; throws naming `what` when the shape is flat. */
function spatialSide(shape: Shape, what: string): number {
  return shape.length === 3 ? shape[0] : fail(`${what} is flat ${formatShape(shape)}: it has no spatial size`);
}

/** Channels of a map, or the features of a flat vector. */
function lastAxis(shape: Shape): number {
  return shape[shape.length - 1] ?? 0;
}

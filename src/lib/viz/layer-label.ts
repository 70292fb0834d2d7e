/**
 * Short box labels for layers in the notation of Simonyan & Zisserman 2015 ("conv3-256",
 * "FC-4096") with He et al. 2016's "/2" for a stride: "conv7-64, /2", "maxpool3, /2".
 * A spec's own `label` wins over the derived one.
 */
import { pair } from '../models/pair.ts';
import type { Layer, Pair } from '../models/types.ts';
import { diagramStrings as t } from './strings.ts';

/** 3 → "3"; [3, 1] → "3×1". */
function kernelText(value: Pair): string {
  const [h, w] = pair(value);
  return h === w ? String(h) : `${h}×${w}`;
}

/** ", /2" for stride 2 (or ", /2×1"), "" for stride 1. */
function strideText(value: Pair | undefined): string {
  if (value === undefined) return '';
  const [h, w] = pair(value);
  if (h === 1 && w === 1) return '';
  return `, /${h === w ? h : `${h}×${w}`}`;
}

/** The label drawn next to a layer's box, e.g. "conv3-256", "conv1-512, /2", "FC-4096", "ReLU". */
export function layerLabel(layer: Layer): string {
  if (layer.label !== undefined) return layer.label;
  switch (layer.kind) {
    case 'conv': {
      const extras = [
        layer.groups !== undefined && layer.groups > 1 ? ` g${layer.groups}` : '',
        layer.dilation !== undefined && kernelText(layer.dilation) !== '1' ? ` d${kernelText(layer.dilation)}` : '',
        layer.connections !== undefined ? ' (table)' : '',
      ].join('');
      return `conv${kernelText(layer.kernel)}-${layer.filters}${extras}${strideText(layer.stride)}`;
    }
    case 'maxpool':
    case 'avgpool':
    case 'subsample':
      return `${layer.kind}${kernelText(layer.kernel)}${strideText(layer.stride ?? layer.kernel)}`;
    case 'dense':
      return `FC-${layer.units}`;
    case 'rbf':
      return `RBF-${layer.units}`;
    case 'activation':
      return t.activationNames[layer.activation];
    case 'dropout':
      return t.shortLabels.dropout(layer.rate);
    case 'padshortcut':
      return `${t.shortLabels.padshortcut}-${layer.filters}${strideText(layer.stride)}`;
    case 'batchnorm':
    case 'lrn':
    case 'flatten':
    case 'globalavgpool':
    case 'add':
    case 'concat':
      return t.shortLabels[layer.kind];
  }
}

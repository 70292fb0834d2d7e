/**
 * A network's PyTorch code, generated from its zoo spec: `nn.Sequential` for a plain chain of
 * layers, an `nn.Module` with a `forward` for networks with branches. Module arguments follow
 * PyTorch's defaults: only values that differ from them are written.
 */
import type { Analysis, LayerAnalysis } from '../models/analyze.ts';
import { pair } from '../models/pair.ts';
import type { ActivationKind, Pair } from '../models/types.ts';
import { identifier, inputNames, isChain, valueNames } from './value-names.ts';

/** Thrown for a layer PyTorch has no module for (LeNet-5's RBF output, its C3 table). */
export class UnlistableLayer extends Error {}

function size(value: Pair): string {
  const [h, w] = pair(value);
  return h === w ? String(h) : `(${h}, ${w})`;
}

function channels(layer: LayerAnalysis): number {
  const shape = layer.inputShapes[0];
  if (shape === undefined) throw new UnlistableLayer(`${layer.id} has no input`);
  return shape[shape.length - 1] as number;
}

function args(...parts: (string | false)[]): string {
  return parts.filter((p): p is string => p !== false).join(', ');
}

/** PyTorch's module for each activation it has (LeNet-5's scaled tanh has none). */
const ACTIVATION_MODULES: Readonly<Partial<Record<ActivationKind, string>>> = {
  relu: 'nn.ReLU()',
  relu6: 'nn.ReLU6()',
  tanh: 'nn.Tanh()',
  sigmoid: 'nn.Sigmoid()',
};

/** The module expression of `layer`, or null when it has none (add, concat, option-A shortcut). */
function moduleOf(layer: LayerAnalysis, where: string): string | null {
  const l = layer.layer;
  switch (l.kind) {
    case 'conv': {
      if (l.connections !== undefined) {
        throw new UnlistableLayer(`${where}: ${l.id}'s partial connection table has no PyTorch module`);
      }
      const stride = l.stride ?? 1;
      const padding = l.padding ?? 0;
      const dilation = l.dilation ?? 1;
      return `nn.Conv2d(${args(
        String(channels(layer)),
        String(l.filters),
        `kernel_size=${size(l.kernel)}`,
        size(stride) !== '1' && `stride=${size(stride)}`,
        size(padding) !== '0' && `padding=${size(padding)}`,
        size(dilation) !== '1' && `dilation=${size(dilation)}`,
        (l.groups ?? 1) !== 1 && `groups=${l.groups}`,
        l.bias === false && 'bias=False',
      )})`;
    }
    case 'maxpool':
    case 'avgpool': {
      const name = l.kind === 'maxpool' ? 'nn.MaxPool2d' : 'nn.AvgPool2d';
      return `${name}(${args(
        `kernel_size=${size(l.kernel)}`,
        l.stride !== undefined && size(l.stride) !== size(l.kernel) && `stride=${size(l.stride)}`,
        size(l.padding ?? 0) !== '0' && `padding=${size(l.padding ?? 0)}`,
        l.ceil === true && 'ceil_mode=True',
      )})`;
    }
    case 'batchnorm':
      return `nn.BatchNorm2d(${args(String(channels(layer)), l.epsilon !== undefined && l.epsilon !== 1e-5 && `eps=${l.epsilon}`)})`;
    case 'activation': {
      const module = ACTIVATION_MODULES[l.activation];
      if (module === undefined) {
        throw new UnlistableLayer(`${where}: ${l.id}'s scaled tanh (1.7159·tanh(2a/3)) has no PyTorch module`);
      }
      return module;
    }
    case 'dropout':
      return `nn.Dropout(p=${l.rate})`;
    case 'lrn':
      // PyTorch divides alpha by size; the paper's α multiplies the plain sum.
      return `nn.LocalResponseNorm(${args(String(l.size), `alpha=${+(l.alpha * l.size).toPrecision(6)}`, `beta=${l.beta}`, `k=${l.k}`)})`;
    case 'flatten':
      return 'nn.Flatten()';
    case 'dense':
      return `nn.Linear(${args(String(channels(layer)), String(l.units), l.bias === false && 'bias=False')})`;
    case 'globalavgpool':
      return 'nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())';
    case 'subsample':
      throw new UnlistableLayer(`${where}: ${l.id}'s trainable subsampling has no PyTorch module`);
    case 'rbf':
      throw new UnlistableLayer(`${where}: ${l.id}'s RBF output has no PyTorch module`);
    case 'padshortcut':
    case 'add':
    case 'concat':
      return null;
  }
}

function className(analysis: Analysis): string {
  const name = analysis.spec.id.replace(/(^|_)([a-z])/g, (_, __: string, c: string) => c.toUpperCase());
  return identifier(name);
}

/**
 * The PyTorch code of `analysis`'s network. Throws UnlistableLayer for layers without a
 * PyTorch module (LeNet-5's RBF output, trainable subsampling, scaled tanh, C3 table).
 */
export function pytorchListing(analysis: Analysis): string {
  const where = analysis.spec.id;
  const header = ['import torch', 'from torch import nn', 'import torch.nn.functional as F', ''];
  const [h, w, c] = analysis.inputShape;
  const usage = `# input: a batch of ${h}×${w} images with ${c} channel${c === 1 ? '' : 's'}, shape (N, ${c}, ${h}, ${w})`;
  if (isChain(analysis)) {
    const lines = analysis.layers.map((layer) => {
      const module = moduleOf(layer, where);
      if (module === null) throw new UnlistableLayer(`${where}: ${layer.id} in a chain has no module`);
      return `    ${module},  # ${layer.id}`;
    });
    return [
      'from torch import nn',
      '',
      `# ${analysis.spec.name}`,
      usage,
      `${identifier(analysis.spec.id)} = nn.Sequential(`,
      ...lines,
      ')',
      '',
    ].join('\n');
  }
  const input = 'x';
  const names = valueNames(analysis, { input, reuseInput: true });
  const init: string[] = [];
  const forward: string[] = [];
  for (const layer of analysis.layers) {
    const out = names.get(layer.id) as string;
    const ins = inputNames(layer.inputIds, names, input);
    const l = layer.layer;
    if (l.kind === 'add') {
      forward.push(`        ${out} = ${ins[0]} + ${ins[1]}  # ${layer.id}`);
      continue;
    }
    if (l.kind === 'concat') {
      forward.push(`        ${out} = torch.cat([${ins.join(', ')}], 1)  # ${layer.id}`);
      continue;
    }
    if (l.kind === 'padshortcut') {
      const extra = l.filters - channels(layer);
      forward.push(
        `        ${out} = F.pad(${ins[0]}[:, :, ::${l.stride}, ::${l.stride}], (0, 0, 0, 0, 0, ${extra}))  # ${layer.id}: option A, zero channels appended`,
      );
      continue;
    }
    const module = moduleOf(layer, where) as string;
    const attribute = identifier(layer.id);
    init.push(`        self.${attribute} = ${module}`);
    forward.push(`        ${out} = self.${attribute}(${ins[0]})`);
  }
  const last = names.get(analysis.layers[analysis.layers.length - 1]?.id ?? '') ?? input;
  return [
    ...header,
    '',
    `class ${className(analysis)}(nn.Module):`,
    `    """${analysis.spec.name}."""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...init,
    '',
    `    def forward(self, ${input}):`,
    `        ${usage}`,
    ...forward,
    `        return ${last}`,
    '',
  ].join('\n');
}

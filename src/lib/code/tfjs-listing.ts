/**
 * A network's TF.js code (the Layers API), generated from its zoo spec: `tf.sequential` for a
 * plain chain, the functional API (`apply`, `tf.model`) for networks with branches. TF.js pads
 * 'same' or 'valid' only, so explicit padding becomes a zeroPadding2d layer unless 'same' is
 * exactly the same (stride 1, odd kernel, padding (k − 1)/2).
 */
import type { Analysis, LayerAnalysis } from '../models/analyze.ts';
import { pair } from '../models/pair.ts';
import type { Pair } from '../models/types.ts';
import { UnlistableLayer } from './pytorch-listing.ts';
import { inputNames, isChain, valueNames } from './value-names.ts';

function size(value: Pair): string {
  const [h, w] = pair(value);
  return h === w ? String(h) : `[${h}, ${w}]`;
}

/** The package a reader installs to run the listing (the full TF.js, with the Layers API). Text, not an import: the layer rule reads imports. */
const TFJS_PACKAGE = '@tensorflow/tfjs';

/** 'same' when TF.js's same padding equals the spec's, else null (pad explicitly). */
function samePadding(kernel: Pair, stride: Pair, padding: Pair, dilation: Pair = 1): 'same' | 'valid' | null {
  const [kh, kw] = pair(kernel);
  const [sh, sw] = pair(stride);
  const [ph, pw] = pair(padding);
  const [dh, dw] = pair(dilation);
  if (ph === 0 && pw === 0) return 'valid';
  const same = (k: number, s: number, p: number, d: number): boolean =>
    s === 1 && (d * (k - 1)) % 2 === 0 && p === (d * (k - 1)) / 2;
  return same(kh, sh, ph, dh) && same(kw, sw, pw, dw) ? 'same' : null;
}

/**
 * Rows and columns of zeros a ceil-mode pool needs below and to the right of its padded input
 * for TF.js's floor-mode pooling to give the same output size: [0, 0] when rounding up changes
 * nothing. The zeros equal PyTorch's −∞ padding for max pooling on non-negative inputs (after a
 * ReLU), as the symmetric padding does.
 */
function ceilExtra(layer: LayerAnalysis, stride: Pair): [number, number] {
  const l = layer.layer;
  const input = layer.inputShapes[0];
  if ((l.kind !== 'maxpool' && l.kind !== 'avgpool') || l.ceil !== true || input === undefined) return [0, 0];
  const [kh, kw] = pair(l.kernel);
  const [sh, sw] = pair(stride);
  const [ph, pw] = pair(l.padding ?? 0);
  const [oh = 0, ow = 0] = layer.outputShape;
  const [h = 0, w = 0] = input;
  return [Math.max(0, (oh - 1) * sh + kh - (h + 2 * ph)), Math.max(0, (ow - 1) * sw + kw - (w + 2 * pw))];
}

/** Input channels of `layer` (the last axis of its input). */
function channels(layer: LayerAnalysis): number {
  const shape = layer.inputShapes[0] ?? [];
  return shape[shape.length - 1] ?? 0;
}

function options(entries: (string | false)[]): string {
  const kept = entries.filter((e): e is string => e !== false);
  return kept.length === 0 ? '' : `{ ${kept.join(', ')} }`;
}

/** The layer expressions `layer` becomes (a zero-padding layer first when needed). */
function layersOf(layer: LayerAnalysis, where: string): string[] {
  const l = layer.layer;
  const padded = (padding: Pair, mode: 'same' | 'valid' | null): string[] =>
    mode === null ? [`tf.layers.zeroPadding2d({ padding: ${size(padding)} })`] : [];
  switch (l.kind) {
    case 'conv': {
      if (l.connections !== undefined)
        throw new UnlistableLayer(`${where}: ${l.id}'s partial connection table has no TF.js layer`);
      const groups = l.groups ?? 1;
      const depthwise = groups !== 1 && groups === channels(layer);
      if (groups !== 1 && !depthwise)
        throw new UnlistableLayer(`${where}: ${l.id} is a grouped convolution, which TF.js layers lack`);
      const stride = l.stride ?? 1;
      const mode = samePadding(l.kernel, stride, l.padding ?? 0, l.dilation ?? 1);
      // A depthwise convolution (one input channel per group) is TF.js's depthwiseConv2d.
      const [name, head] = depthwise
        ? [
            'depthwiseConv2d',
            [`kernelSize: ${size(l.kernel)}`, l.filters !== groups && `depthMultiplier: ${l.filters / groups}`],
          ]
        : ['conv2d', [`filters: ${l.filters}`, `kernelSize: ${size(l.kernel)}`]];
      return [
        ...padded(l.padding ?? 0, mode),
        `tf.layers.${name}(${options([
          ...head,
          size(stride) !== '1' && `strides: ${size(stride)}`,
          mode === 'same' && "padding: 'same'",
          size(l.dilation ?? 1) !== '1' && `dilationRate: ${size(l.dilation ?? 1)}`,
          l.bias === false && 'useBias: false',
        ])})`,
      ];
    }
    case 'maxpool':
    case 'avgpool': {
      const stride = l.stride ?? l.kernel;
      const extra = ceilExtra(layer, stride);
      if (extra[0] > 0 || extra[1] > 0) {
        // Average pooling would divide the last window by the zeros too; PyTorch does not.
        if (l.kind === 'avgpool')
          throw new UnlistableLayer(`${where}: ${l.id} rounds its output size up, which TF.js pooling cannot`);
        const [ph, pw] = pair(l.padding ?? 0);
        return [
          `tf.layers.zeroPadding2d({ padding: [[${ph}, ${ph + extra[0]}], [${pw}, ${pw + extra[1]}]] })`,
          `tf.layers.maxPooling2d(${options([`poolSize: ${size(l.kernel)}`, `strides: ${size(stride)}`])})`,
        ];
      }
      const mode = samePadding(l.kernel, stride, l.padding ?? 0);
      const name = l.kind === 'maxpool' ? 'maxPooling2d' : 'averagePooling2d';
      // Zero padding equals PyTorch's −∞ padding for max pooling only on non-negative inputs (after a ReLU).
      return [
        ...padded(l.padding ?? 0, mode),
        `tf.layers.${name}(${options([`poolSize: ${size(l.kernel)}`, `strides: ${size(stride)}`, mode === 'same' && "padding: 'same'"])})`,
      ];
    }
    case 'batchnorm':
      return [`tf.layers.batchNormalization(${options([`epsilon: ${l.epsilon ?? 1e-5}`])})`];
    case 'activation':
      if (l.activation === 'scaled_tanh')
        throw new UnlistableLayer(`${where}: ${l.id}'s scaled tanh has no TF.js layer`);
      return [`tf.layers.activation({ activation: '${l.activation}' })`];
    case 'dropout':
      return [`tf.layers.dropout({ rate: ${l.rate} })`];
    case 'flatten':
      return ['tf.layers.flatten()'];
    case 'dense':
      return [`tf.layers.dense(${options([`units: ${l.units}`, l.bias === false && 'useBias: false'])})`];
    case 'globalavgpool':
      return ['tf.layers.globalAveragePooling2d({})'];
    case 'add':
      return ['tf.layers.add()'];
    case 'concat':
      return ['tf.layers.concatenate()'];
    case 'lrn':
      throw new UnlistableLayer(
        `${where}: ${l.id}'s local response normalisation has no TF.js layer (tf.localResponseNormalization is an op)`,
      );
    case 'subsample':
      throw new UnlistableLayer(`${where}: ${l.id}'s trainable subsampling has no TF.js layer`);
    case 'rbf':
      throw new UnlistableLayer(`${where}: ${l.id}'s RBF output has no TF.js layer`);
    case 'padshortcut':
      throw new UnlistableLayer(`${where}: ${l.id}'s option-A shortcut has no TF.js layer`);
  }
}

/**
 * The TF.js code of `analysis`'s network (NHWC input). Throws UnlistableLayer for layers the
 * Layers API lacks (grouped convolutions other than depthwise ones, average pooling that rounds
 * up, LRN, option-A shortcuts, LeNet-5's own layers). Max pooling that rounds up gets the extra
 * zeros it needs below and to the right.
 */
export function tfjsListing(analysis: Analysis): string {
  const where = analysis.spec.id;
  const shape = `[${analysis.inputShape.join(', ')}]`;
  const header = [
    `import * as tf from '${TFJS_PACKAGE}';`,
    '',
    `// ${analysis.spec.name}; input: images of shape ${shape} (height, width, channels)`,
  ];
  if (isChain(analysis)) {
    const lines = analysis.layers.flatMap((layer, i) =>
      layersOf(layer, where).map((expr, j) => {
        const first = i === 0 && j === 0;
        const withShape = first
          ? expr.replace(/\((\{ )?/, (_m, brace: string | undefined) =>
              brace ? `({ inputShape: ${shape}, ` : `({ inputShape: ${shape} }`,
            )
          : expr;
        return `    ${withShape}, // ${layer.id}`;
      }),
    );
    return [...header, 'const model = tf.sequential({', '  layers: [', ...lines, '  ],', '});', ''].join('\n');
  }
  const input = 'input';
  const names = valueNames(analysis, { input, reuseInput: false });
  const body: string[] = [`const ${input} = tf.input({ shape: ${shape} });`];
  const declared = new Set<string>([input]);
  for (const layer of analysis.layers) {
    const out = names.get(layer.id) as string;
    const ins = inputNames(layer.inputIds, names, input);
    const applied = ins.length === 1 ? (ins[0] as string) : `[${ins.join(', ')}]`;
    const exprs = layersOf(layer, where);
    let value = applied;
    for (const expr of exprs) value = `${expr}.apply(${value})`;
    const keyword = declared.has(out) ? '' : 'let ';
    declared.add(out);
    body.push(`${keyword}${out} = ${value}; // ${layer.id}`);
  }
  const last = names.get(analysis.layers[analysis.layers.length - 1]?.id ?? '') ?? input;
  return [...header, ...body, `const model = tf.model({ inputs: ${input}, outputs: ${last} });`, ''].join('\n');
}

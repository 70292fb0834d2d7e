/**
 * What one layer does, in isolation: its output shape, parameter, MAC and connection counts and
 * its receptive field, given the shapes and fields of its inputs. `analyze.ts` wires these
 * together over a whole spec.
 *
 * Counting conventions (chosen to reproduce torchvision's published metadata):
 * - `params`: every learnable or fixed weight and bias, as `sum(p.numel() for p in
 *   model.parameters())` does; batch norm counts γ and β (2 per channel) but not its running
 *   mean and variance, which are buffers.
 * - `trainableParams`: `params` minus weights that are fixed by design (LeNet-5's RBF output).
 * - `macs`: multiply-accumulates of the weight layers only, one per weight use, without bias
 *   additions: conv and dense, as torchvision's `_ops` counts them (the quantity it labels
 *   "GFLOPS"), and LeNet-5's RBF output, whose Σ_j (x_j − w_ij)² is one multiply-accumulate per
 *   prototype weight, like the dense layer that replaces it. Everything else costs 0 MACs, for
 *   every model alike: max and average pooling, LeNet-5's subsampling (a window sum scaled by one
 *   coefficient per channel: an average pool plus a per-channel affine, like batch norm's), batch
 *   norm, activations, LRN, additions and concatenations.
 * - `connections`: links that carry a parameter (a weight or a bias), counted once per output
 *   unit that uses them, as LeCun et al. 1998 count them (C1: 156 parameters, 122,304
 *   connections). Parameter-free layers have none.
 */
import { pair } from './pair.ts';
import { inputField, mergeFields, throughWindow, type ReceptiveField } from './receptive-field.ts';
import { SpecError } from './spec-error.ts';
import type { ActivationKind, Layer, Pair, Shape } from './types.ts';

/** Every ActivationKind, for validation. */
const activationKinds: readonly ActivationKind[] = ['relu', 'relu6', 'tanh', 'sigmoid', 'scaled_tanh'];

/** One input of a layer: its shape (batch omitted) and receptive field (null when flat). */
export interface LayerInput {
  readonly shape: Shape;
  readonly field: ReceptiveField | null;
}

/** The per-layer figures; see the module comment for the counting conventions. */
export interface LayerFigures {
  outputShape: Shape;
  /** All weights and biases (fixed ones included; BN running statistics excluded). */
  params: number;
  /** `params` minus fixed weights (LeNet-5's RBF prototypes). */
  trainableParams: number;
  /** Multiply-accumulates of one forward pass of one example (conv, dense and RBF layers only). */
  macs: number;
  /** Parameter-carrying links, LeCun et al. 1998's "connections". */
  connections: number;
  /** Theoretical receptive field of the output units, in input pixels; null once flat. */
  receptiveField: ReceptiveField | null;
}

type Where = { readonly spec: string; readonly layer: string };

/**
 * Analyse one layer given its inputs (already checked to be of the right count for its kind).
 * Throws SpecError for bad hyper-parameters, a wrongly shaped input, or an output that would
 * shrink to nothing.
 */
export function analyzeLayer(layer: Layer, inputs: readonly LayerInput[], where: Where): LayerFigures {
  const fail = (message: string): never => {
    throw new SpecError(message, where);
  };
  const first = inputs[0] ?? fail('has no input');

  switch (layer.kind) {
    case 'conv': {
      const [h, w, c] = spatial(first, layer.kind, fail);
      const filters = positiveInt(layer.filters, 'filters', fail);
      const kernel = pairOf(layer.kernel, 'kernel', 1, fail);
      const stride = pairOf(layer.stride ?? 1, 'stride', 1, fail);
      const padding = pairOf(layer.padding ?? 0, 'padding', 0, fail);
      const dilation = pairOf(layer.dilation ?? 1, 'dilation', 1, fail);
      const groups = positiveInt(layer.groups ?? 1, 'groups', fail);
      if (c % groups !== 0) fail(`groups = ${groups} does not divide its ${c} input channels`);
      if (filters % groups !== 0) fail(`groups = ${groups} does not divide its ${filters} filters`);
      const links =
        layer.connections === undefined
          ? filters * (c / groups)
          : connectionCount(layer.connections, filters, c, groups, fail);
      const weights = links * kernel[0] * kernel[1];
      const bias = (layer.bias ?? true) ? filters : 0;
      const [oh, ow] = windowOutput([h, w], kernel, stride, padding, dilation, false, fail);
      return {
        outputShape: [oh, ow, filters],
        params: weights + bias,
        trainableParams: weights + bias,
        macs: oh * ow * weights,
        connections: oh * ow * (weights + bias),
        receptiveField: throughWindow(first.field ?? inputField(), kernel, stride, padding, dilation),
      };
    }
    case 'maxpool':
    case 'avgpool': {
      const [h, w, c] = spatial(first, layer.kind, fail);
      const kernel = pairOf(layer.kernel, 'kernel', 1, fail);
      const stride = pairOf(layer.stride ?? layer.kernel, 'stride', 1, fail);
      const padding = pairOf(layer.padding ?? 0, 'padding', 0, fail);
      // PyTorch's rule: padding pixels must never fill a whole pooling window (half the kernel at most).
      if (padding[0] > kernel[0] / 2 || padding[1] > kernel[1] / 2) {
        fail(`padding ${fmtPair(padding)} exceeds half the kernel ${fmtPair(kernel)}`);
      }
      const [oh, ow] = windowOutput([h, w], kernel, stride, padding, [1, 1], layer.ceil ?? false, fail);
      return passive([oh, ow, c], throughWindow(first.field ?? inputField(), kernel, stride, padding));
    }
    case 'subsample': {
      const [h, w, c] = spatial(first, layer.kind, fail);
      const kernel = pairOf(layer.kernel, 'kernel', 1, fail);
      const stride = pairOf(layer.stride ?? layer.kernel, 'stride', 1, fail);
      const [oh, ow] = windowOutput([h, w], kernel, stride, [0, 0], [1, 1], false, fail);
      const outputs = oh * ow * c;
      const area = kernel[0] * kernel[1];
      // One coefficient and one bias per channel. 0 MACs, by the module's convention: a window sum
      // is pooling, and the per-channel scale is an affine like batch norm's.
      return {
        outputShape: [oh, ow, c],
        params: 2 * c,
        trainableParams: 2 * c,
        macs: 0,
        connections: outputs * (area + 1),
        receptiveField: throughWindow(first.field ?? inputField(), kernel, stride, [0, 0]),
      };
    }
    case 'batchnorm': {
      if (layer.epsilon !== undefined && !(layer.epsilon > 0)) fail(`epsilon must be > 0, got ${layer.epsilon}`);
      const channels = first.shape[first.shape.length - 1] ?? 0;
      return {
        outputShape: first.shape,
        params: 2 * channels,
        trainableParams: 2 * channels,
        macs: 0,
        connections: 2 * size(first.shape),
        receptiveField: first.field,
      };
    }
    case 'activation':
      if (!activationKinds.includes(layer.activation)) {
        fail(`unknown activation "${String(layer.activation)}"`);
      }
      return passive(first.shape, first.field);
    case 'dropout':
      if (!(layer.rate >= 0 && layer.rate < 1)) fail(`dropout rate must be in [0, 1), got ${layer.rate}`);
      return passive(first.shape, first.field);
    case 'lrn':
      spatial(first, layer.kind, fail);
      positiveInt(layer.size, 'size', fail);
      if (!(layer.k >= 0 && layer.alpha >= 0 && Number.isFinite(layer.beta))) {
        fail('needs k ≥ 0, alpha ≥ 0 and a finite beta');
      }
      return passive(first.shape, first.field);
    case 'flatten': {
      const [h, w, c] = spatial(first, layer.kind, fail);
      return passive([h * w * c], null);
    }
    case 'globalavgpool': {
      const [, , c] = spatial(first, layer.kind, fail);
      return passive([c], null);
    }
    case 'dense':
    case 'rbf': {
      const features = flat(first, layer.kind, fail);
      const units = positiveInt(layer.units, 'units', fail);
      const weights = features * units;
      if (layer.kind === 'rbf') {
        // Fixed, hand-chosen prototypes (LeCun et al. 1998 §II.B): connections, not trainable.
        return {
          outputShape: [units],
          params: weights,
          trainableParams: 0,
          macs: weights,
          connections: weights,
          receptiveField: null,
        };
      }
      const total = weights + ((layer.bias ?? true) ? units : 0);
      return {
        outputShape: [units],
        params: total,
        trainableParams: total,
        macs: weights,
        connections: total,
        receptiveField: null,
      };
    }
    case 'padshortcut': {
      const [h, w, c] = spatial(first, layer.kind, fail);
      const stride = positiveInt(layer.stride, 'stride', fail);
      const filters = positiveInt(layer.filters, 'filters', fail);
      if (filters < c) fail(`cannot zero-pad ${c} channels down to ${filters}`);
      return passive(
        [Math.ceil(h / stride), Math.ceil(w / stride), filters],
        throughWindow(first.field ?? inputField(), [1, 1], [stride, stride], [0, 0]),
      );
    }
    case 'add': {
      const second = inputs[1] ?? fail('add needs two inputs');
      if (!sameShape(first.shape, second.shape)) {
        fail(`cannot add shapes ${fmtShape(first.shape)} and ${fmtShape(second.shape)}`);
      }
      return passive(first.shape, joinedField(inputs, fail));
    }
    case 'concat': {
      const shapes = inputs.map((input) => spatial(input, layer.kind, fail));
      const [h, w] = shapes[0] ?? fail('concat needs two or more inputs');
      if (shapes.some(([ih, iw]) => ih !== h || iw !== w)) {
        fail(`cannot concatenate the channels of maps of different sizes ${shapes.map(fmtShape).join(', ')}`);
      }
      const channels = shapes.reduce((total, shape) => total + shape[2], 0);
      return passive([h, w, channels], joinedField(inputs, fail));
    }
    default: {
      const unknown: never = layer;
      return fail(`unknown layer kind "${String((unknown as { kind: unknown }).kind)}"`);
    }
  }
}

/** Output size of a sliding window along one axis, PyTorch semantics (floor or ceil mode). */
export function windowSize(
  input: number,
  kernel: number,
  stride: number,
  padding: number,
  dilation = 1,
  ceil = false,
): number {
  const room = input + 2 * padding - dilation * (kernel - 1) - 1;
  let out = (ceil ? Math.ceil(room / stride) : Math.floor(room / stride)) + 1;
  // In ceil mode PyTorch drops a last window that would start inside the right padding.
  if (ceil && (out - 1) * stride >= input + padding) out -= 1;
  return out;
}

function windowOutput(
  input: readonly [number, number],
  kernel: readonly [number, number],
  stride: readonly [number, number],
  padding: readonly [number, number],
  dilation: readonly [number, number],
  ceil: boolean,
  fail: (message: string) => never,
): [number, number] {
  const oh = windowSize(input[0], kernel[0], stride[0], padding[0], dilation[0], ceil);
  const ow = windowSize(input[1], kernel[1], stride[1], padding[1], dilation[1], ceil);
  if (oh < 1 || ow < 1) {
    fail(
      `input too small: a ${input[0]}×${input[1]} map through kernel ${fmtPair(kernel)}, ` +
        `stride ${fmtPair(stride)}, padding ${fmtPair(padding)} leaves ${Math.max(oh, 0)}×${Math.max(ow, 0)}`,
    );
  }
  return [oh, ow];
}

function connectionCount(
  table: readonly (readonly boolean[])[],
  filters: number,
  channels: number,
  groups: number,
  fail: (message: string) => never,
): number {
  if (groups !== 1) fail('a connection table cannot be combined with groups > 1');
  if (table.length !== filters) {
    fail(`connection table has ${table.length} rows, expected one per filter (${filters})`);
  }
  let links = 0;
  table.forEach((row, out) => {
    if (row.length !== channels) {
      fail(`connection table row ${out} has ${row.length} entries, expected one per input channel (${channels})`);
    }
    const used = row.filter(Boolean).length;
    if (used === 0) fail(`connection table row ${out} reads no input channel`);
    links += used;
  });
  return links;
}

/**
 * The field of a join (add, concat) of `inputs`: their merged field (see mergeFields), or null
 * once any input is flat. Fails when the branches' jumps differ.
 */
function joinedField(inputs: readonly LayerInput[], fail: (message: string) => never): ReceptiveField | null {
  const fields = inputs.map((input) => input.field);
  if (!fields.every((field): field is ReceptiveField => field !== null)) return null;
  const [head, ...rest] = fields;
  const merged = head === undefined ? null : mergeFields(head, ...rest);
  return merged ?? fail(`its branches have different jumps (${fields.map((f) => fmtPair(f.jump)).join(' vs ')})`);
}

function passive(outputShape: Shape, receptiveField: ReceptiveField | null): LayerFigures {
  return { outputShape, params: 0, trainableParams: 0, macs: 0, connections: 0, receptiveField };
}

function spatial(input: LayerInput, kind: string, fail: (message: string) => never): readonly [number, number, number] {
  const s = input.shape;
  return s.length === 3 ? s : fail(`${kind} needs an [h, w, c] input, got flat ${fmtShape(s)}`);
}

function flat(input: LayerInput, kind: string, fail: (message: string) => never): number {
  const s = input.shape;
  return s.length === 1
    ? s[0]
    : fail(`${kind} needs a flat input, got ${fmtShape(s)} (add a flatten or global pooling first)`);
}

function positiveInt(value: number, name: string, fail: (message: string) => never): number {
  return Number.isInteger(value) && value >= 1
    ? value
    : fail(`${name} must be a positive integer, got ${String(value)}`);
}

function pairOf(value: Pair, name: string, min: 0 | 1, fail: (message: string) => never): readonly [number, number] {
  const p =
    Array.isArray(value) || typeof value === 'number' ? pair(value) : fail(`${name} must be a number or [h, w]`);
  const ok = p.length === 2 && p.every((v) => Number.isInteger(v) && v >= min);
  return ok
    ? p
    : fail(`${name} must be ${min === 1 ? 'positive' : 'non-negative'} integers, got ${JSON.stringify(value)}`);
}

/** Number of values in a shape. */
export function size(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** "[56, 56, 64]" */
export function fmtShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

function fmtPair(p: readonly [number, number]): string {
  return p[0] === p[1] ? String(p[0]) : `${p[0]}×${p[1]}`;
}

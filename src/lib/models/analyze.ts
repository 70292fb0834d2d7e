/**
 * `analyze(spec)`: shapes, parameters, MACs, connections and receptive fields of every layer of
 * a spec, and the totals. It is also the validator: a spec it accepts can be built.
 * Counting conventions are documented in `layer-analysis.ts`, receptive fields in
 * `receptive-field.ts`.
 */
import { analyzeLayer, type LayerFigures, type LayerInput } from './layer-analysis.ts';
import { inputField, type ReceptiveField } from './receptive-field.ts';
import { SpecError } from './spec-error.ts';
import type { Layer, LayerKind, ModelSpec, Shape } from './types.ts';

export type { ReceptiveField } from './receptive-field.ts';

/**
 * Figures of one layer (see LayerFigures for output shape, params, MACs, connections and the
 * receptive field). Shapes omit the batch: [h, w, c] or [features].
 */
export interface LayerAnalysis extends LayerFigures {
  id: string;
  kind: LayerKind;
  layer: Layer;
  /** Resolved input ids: `layer.inputs`, or the previous layer; empty for the network input. */
  inputIds: readonly string[];
  inputShapes: Shape[];
}

/** Figures of a whole spec at one input size. */
export interface Analysis {
  spec: ModelSpec;
  /** Input [height, width, channels] the figures were computed for. */
  inputShape: [number, number, number];
  /** One entry per spec layer, in spec order. */
  layers: LayerAnalysis[];
  params: number;
  trainableParams: number;
  /** Multiply-accumulates per example: torchvision's "GFLOPS" figure ×10⁹. */
  macs: number;
  /** Floating-point operations per example, counted as 2 × MACs. */
  flops: number;
  connections: number;
  /** Output of the last layer. */
  outputShape: Shape;
  /**
   * Receptive field at the last spatial layer (the input to global pooling or flatten, or the
   * last layer when the network never goes flat).
   */
  receptiveField: ReceptiveField;
  /** Id of the layer `receptiveField` belongs to. */
  receptiveFieldLayer: string;
}

/**
 * Analyse a spec at its own input size or at `inputShape` ([height, width, channels]).
 * Throws SpecError naming the layer for: duplicate or unknown ids, inputs that are not earlier
 * layers, wrong input counts, bad hyper-parameters, groups not dividing channels, connection
 * tables of the wrong shape, dense/rbf on a non-flat input, spatial layers on a flat input,
 * adds of mismatched shapes or jumps, concatenations of mismatched heights and widths or jumps,
 * layers whose output is never used, and inputs too small for a layer (a feature map shrinking
 * to nothing).
 */
export function analyze(spec: ModelSpec, inputShape: readonly [number, number, number] = spec.inputShape): Analysis {
  const specFail = (message: string): never => {
    throw new SpecError(message, { spec: spec.id });
  };
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) specFail('has no layers');
  if (inputShape.length !== 3 || !inputShape.every((v) => Number.isInteger(v) && v >= 1)) {
    specFail(`input shape must be three positive integers [h, w, c], got ${JSON.stringify(inputShape)}`);
  }
  const input: [number, number, number] = [inputShape[0], inputShape[1], inputShape[2]];

  const outputs = new Map<string, LayerInput>();
  const position = new Map<string, number>();
  const used = new Set<string>();
  const layers: LayerAnalysis[] = [];

  spec.layers.forEach((layer, index) => {
    const where = { spec: spec.id, layer: typeof layer.id === 'string' ? layer.id : `#${index}` };
    const fail = (message: string): never => {
      throw new SpecError(message, where);
    };
    if (typeof layer.id !== 'string' || layer.id === '') fail(`layer at index ${index} has no id`);
    if (position.has(layer.id)) fail(`duplicate id (also used by layer #${position.get(layer.id)})`);

    const inputIds = resolveInputs(spec, index, fail);
    const inputs = inputIds.map((id) => {
      const found = outputs.get(id);
      if (found === undefined) {
        const later = spec.layers.findIndex((l) => l.id === id);
        return fail(
          later === -1
            ? `unknown input "${id}"`
            : `input "${id}" is not an earlier layer (specs are in topological order)`,
        );
      }
      used.add(id);
      return found;
    });
    const figures = analyzeLayer(layer, inputs.length > 0 ? inputs : [{ shape: input, field: inputField() }], where);

    position.set(layer.id, index);
    outputs.set(layer.id, { shape: figures.outputShape, field: figures.receptiveField });
    layers.push({
      id: layer.id,
      kind: layer.kind,
      layer,
      inputIds,
      inputShapes: inputs.length > 0 ? inputs.map((i) => i.shape) : [input],
      ...figures,
    });
  });

  const last = layers[layers.length - 1] ?? specFail('has no layers');
  const dangling = layers.find((l) => l !== last && !used.has(l.id));
  if (dangling !== undefined) {
    throw new SpecError('its output is never used (only the last layer may be an output)', {
      spec: spec.id,
      layer: dangling.id,
    });
  }

  const spatialLayers = layers.filter((l) => l.receptiveField !== null);
  const fieldLayer = spatialLayers[spatialLayers.length - 1];
  const sum = (key: 'params' | 'trainableParams' | 'macs' | 'connections'): number =>
    layers.reduce((total, l) => total + l[key], 0);
  const macs = sum('macs');
  return {
    spec,
    inputShape: input,
    layers,
    params: sum('params'),
    trainableParams: sum('trainableParams'),
    macs,
    flops: 2 * macs,
    connections: sum('connections'),
    outputShape: last.outputShape,
    receptiveField: fieldLayer?.receptiveField ?? inputField(),
    receptiveFieldLayer: fieldLayer?.id ?? '',
  };
}

/** Throws SpecError if `analyze(spec, inputShape)` would; returns nothing otherwise. */
export function validateSpec(spec: ModelSpec, inputShape?: readonly [number, number, number]): void {
  analyze(spec, inputShape);
}

function resolveInputs(spec: ModelSpec, index: number, fail: (message: string) => never): readonly string[] {
  const layer = spec.layers[index] as Layer;
  if (layer.inputs === undefined) {
    if (layer.kind === 'add') fail('add needs explicit inputs [residual, shortcut]');
    if (layer.kind === 'concat') fail('concat needs explicit inputs (two or more layer ids)');
    const previous = spec.layers[index - 1];
    return previous === undefined ? [] : [previous.id];
  }
  const count = Array.isArray(layer.inputs) ? layer.inputs.length : -1;
  const fits = layer.kind === 'add' ? count === 2 : layer.kind === 'concat' ? count >= 2 : count === 1;
  if (!fits) {
    const wanted = layer.kind === 'add' ? '2 inputs' : layer.kind === 'concat' ? '2 or more inputs' : '1 input';
    fail(`${layer.kind} takes ${wanted}, got ${JSON.stringify(layer.inputs)}`);
  }
  return layer.inputs;
}

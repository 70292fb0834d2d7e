/**
 * Builds a ModelSpec one layer at a time, analysing each layer as it is added, so that a parser
 * knows every intermediate shape (PyTorch's adaptive pooling and `in_features` checks need them)
 * and reports a shape error at the source line of the layer at fault, naming it.
 *
 * Specs come out canonical (see canonical.ts): a layer gets explicit `inputs` only when it does not
 * read the layer just before it.
 */
import {
  analyze,
  analyzeLayer,
  inputField,
  SpecError,
  type Analysis,
  type Layer,
  type LayerInput,
  type ModelSpec,
  type Shape,
} from '../models/index.ts';
import { checkLayerCount, checkMacs } from './limits.ts';
import { ParseError, START, type SourcePosition } from './parse-error.ts';

/** A layer without its id, group and inputs, which the builder attaches. */
export type LayerBody = DistributiveOmit<Layer, 'id' | 'inputs' | 'group'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Where a layer's input comes from: a layer id, or null for the network input. */
export type Source = string | null;

/** How the builder describes a layer in messages: its source-language name, e.g. "Linear" or "dense". */
export interface EmitOptions {
  readonly at: SourcePosition;
  readonly group?: readonly string[];
  /** The layer's name in the source language, for messages; default its spec kind. */
  readonly what?: string;
}

export class SpecBuilder {
  readonly #input: readonly [number, number, number];
  readonly #layers: Layer[] = [];
  readonly #outputs = new Map<string, LayerInput>();
  readonly #positions = new Map<string, SourcePosition>();
  #macs = 0;

  /** `inputShape` is [height, width, channels]. */
  constructor(inputShape: readonly [number, number, number]) {
    this.#input = inputShape;
  }

  /** The layer the next one reads by default: the last added, or null (the network input). */
  get last(): Source {
    return this.#layers[this.#layers.length - 1]?.id ?? null;
  }

  /** Number of layers added so far. */
  get count(): number {
    return this.#layers.length;
  }

  /** Whether `id` is taken. */
  has(id: string): boolean {
    return this.#outputs.has(id);
  }

  /** `base`, or `base_2`, `base_3`, … when taken: ids for layers the source does not name. */
  freshId(base: string): string {
    if (!this.has(base)) return base;
    let n = 2;
    while (this.has(`${base}_${n}`)) n += 1;
    return `${base}_${n}`;
  }

  /** Output shape of `source` ([h, w, c] or [features]); the network input's for null. */
  shapeOf(source: Source): Shape {
    return source === null ? this.#input : this.#output(source, START).shape;
  }

  /** "layer 7 (Linear, "classifier.1")": how messages name the next layer added. */
  describeNext(what: string, id: string): string {
    return `layer ${this.#layers.length + 1} (${what}, "${id}")`;
  }

  /**
   * Add layer `id` reading `from` (one source, or the inputs of an add or concat). Throws
   * ParseError at `options.at`, naming the layer, when the id is taken, when the layer does not
   * fit its input, or when the model grows past the size limits. Returns `id`.
   */
  add(id: string, body: LayerBody, from: Source | readonly string[], options: EmitOptions): string {
    const what = options.what ?? body.kind;
    const name = this.describeNext(what, id);
    const fail = (reason: string, cause?: unknown): never => {
      throw new ParseError(`${name}: ${reason}`, options.at, { layerId: id, cause });
    };
    if (this.has(id)) fail(`the id "${id}" is already used by another layer`);
    checkLayerCount(this.#layers.length + 1, options.at);

    const sources: readonly Source[] = typeof from === 'string' || from === null ? [from] : from;
    if (sources.length > 1 && sources.includes(null)) fail('a branch cannot start from the network input');
    const inputs = sources.map((source) =>
      source === null ? { shape: this.#input, field: inputField() } : this.#output(source, options.at),
    );
    const explicit = body.kind === 'add' || body.kind === 'concat' || (sources[0] ?? null) !== this.last;
    if (explicit && sources[0] === null) {
      fail('only the first layer can read the network input (a spec cannot name it as a branch source)');
    }
    const layer = {
      ...body,
      id,
      ...(explicit ? { inputs: sources as string[] } : {}),
      ...(options.group !== undefined && options.group.length > 0 ? { group: options.group } : {}),
    } as Layer;

    let figures;
    try {
      figures = analyzeLayer(layer, inputs, { spec: 'model', layer: id });
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      return fail(stripPrefix(error.message), error);
    }
    this.#macs += figures.macs;
    checkMacs(this.#macs, options.at);
    this.#layers.push(layer);
    this.#outputs.set(id, { shape: figures.outputShape, field: figures.receptiveField });
    this.#positions.set(id, options.at);
    return id;
  }

  /** Where layer `id` came from in the source. */
  positionOf(id: string): SourcePosition | undefined {
    return this.#positions.get(id);
  }

  /**
   * The finished spec and its analysis. Throws ParseError for a model without layers, or for a
   * problem only the whole spec shows (a branch whose output is never used), at its layer's line.
   */
  finish(
    meta: Pick<ModelSpec, 'id' | 'name' | 'sources'>,
    end: SourcePosition = START,
  ): { spec: ModelSpec; analysis: Analysis } {
    if (this.#layers.length === 0)
      throw new ParseError('the model has no layers', end, { hint: 'add at least one layer' });
    const spec: ModelSpec = { ...meta, inputShape: this.#input, layers: [...this.#layers] };
    try {
      return { spec, analysis: analyze(spec) };
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      const id = error.layerId;
      if (id === undefined) throw new ParseError(stripPrefix(error.message), end, { cause: error });
      const index = this.#layers.findIndex((layer) => layer.id === id);
      const reason = `layer ${index + 1} ("${id}"): ${stripPrefix(error.message)}`;
      throw new ParseError(reason, this.positionOf(id) ?? end, { cause: error, layerId: id });
    }
  }

  #output(id: string, at: SourcePosition): LayerInput {
    const found = this.#outputs.get(id);
    if (found === undefined) throw new ParseError(`no layer "${id}" before this one`, at);
    return found;
  }
}

/** A SpecError's message without its `model "…", layer "…": ` prefix. */
function stripPrefix(message: string): string {
  const match = /^model "[^"]*"(?:, layer "[^"]*")?: /.exec(message);
  return match === null ? message : message.slice(match[0].length);
}

/**
 * The site's weight files: a JSON manifest (`<model>.json`) that lists every weight tensor of a
 * network and how it was trained, and a binary file (`<model>.bin`) with their values as
 * float32, little-endian, one tensor after another in manifest order. The browser and the Node
 * scripts read them with the same decoder; `Network.setWeights` then checks them against the
 * built network. Pure: no DOM, no TF.js, no Node APIs.
 */
import { fnv1a32 } from './checksum.ts';

/** The `format` field of every manifest. */
export const WEIGHTS_FORMAT = 'cnn-lineage-weights';
/** The manifest version this code writes and reads. */
export const WEIGHTS_VERSION = 1;

/** One tensor's place in the binary file. */
export interface WeightEntry {
  /** Weight key, `${layerId}/${name}` as in `Network.weights`. */
  readonly key: string;
  /** TF.js shape (no batch dimension); the tensor holds the product of it values. */
  readonly shape: readonly number[];
  /** Index of its first value in the binary file, in float32 values (bytes / 4). */
  readonly offset: number;
}

/** The manifest of a weight file. */
export interface WeightsManifest {
  readonly format: typeof WEIGHTS_FORMAT;
  readonly version: typeof WEIGHTS_VERSION;
  /** Zoo id of the model the weights belong to, e.g. "lenet5". */
  readonly model: string;
  readonly dtype: 'float32';
  readonly byteOrder: 'little-endian';
  /** File name of the binary part, next to the manifest. */
  readonly bin: string;
  /** Length of the binary part in bytes (4 × the number of values). */
  readonly byteLength: number;
  /** FNV-1a checksum of the binary part, unsigned 32-bit. */
  readonly checksum: number;
  readonly weights: readonly WeightEntry[];
  /** How the weights were made and how well they do: free-form JSON written by the training script. */
  readonly training: Readonly<Record<string, unknown>>;
}

/** A manifest and its binary part, ready to write. */
export interface EncodedWeights {
  readonly manifest: WeightsManifest;
  readonly bin: Uint8Array;
}

/**
 * Encodes weights (values by key, each row-major in `shapes[key]`) for model `model`. Keys keep
 * the order of `values`. `bin` is the binary file's name as the manifest will refer to it.
 */
export function encodeWeights(
  model: string,
  values: Readonly<Record<string, Float32Array>>,
  shapes: Readonly<Record<string, readonly number[]>>,
  training: Readonly<Record<string, unknown>>,
  bin = `${model}.bin`,
): EncodedWeights {
  const weights: WeightEntry[] = [];
  let offset = 0;
  for (const [key, data] of Object.entries(values)) {
    const shape = shapes[key];
    if (shape === undefined) throw new Error(`no shape given for weight "${key}"`);
    if (product(shape) !== data.length) {
      throw new Error(
        `weight "${key}" has ${data.length} values, its shape [${shape.join(', ')}] needs ${product(shape)}`,
      );
    }
    weights.push({ key, shape: [...shape], offset });
    offset += data.length;
  }
  const bytes = new Uint8Array(offset * 4);
  const view = new DataView(bytes.buffer);
  for (const { key, offset: start } of weights) {
    const data = values[key] as Float32Array;
    for (let i = 0; i < data.length; i++) view.setFloat32((start + i) * 4, data[i] as number, true);
  }
  const manifest: WeightsManifest = {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    model,
    dtype: 'float32',
    byteOrder: 'little-endian',
    bin,
    byteLength: bytes.length,
    checksum: fnv1a32(bytes),
    weights,
    training,
  };
  return { manifest, bin: bytes };
}

/**
 * Checks that `json` (a parsed manifest) is a weight manifest this code reads and returns it
 * typed. Throws an Error naming `what` and the first problem found.
 */
export function parseWeightsManifest(json: unknown, what = 'weights manifest'): WeightsManifest {
  const fail = (problem: string): never => {
    throw new Error(`${what}: ${problem}`);
  };
  if (typeof json !== 'object' || json === null) fail('not a JSON object');
  const m = json as Record<string, unknown>;
  if (m['format'] !== WEIGHTS_FORMAT) fail(`"format" is ${JSON.stringify(m['format'])}, not "${WEIGHTS_FORMAT}"`);
  if (m['version'] !== WEIGHTS_VERSION) fail(`version ${String(m['version'])}; this code reads ${WEIGHTS_VERSION}`);
  if (typeof m['model'] !== 'string') fail('"model" is not a string');
  if (m['dtype'] !== 'float32' || m['byteOrder'] !== 'little-endian') fail('values are not little-endian float32');
  if (typeof m['bin'] !== 'string') fail('"bin" is not a file name');
  if (!isCount(m['byteLength']) || !isCount(m['checksum'])) fail('"byteLength" or "checksum" is not a whole number');
  if (typeof m['training'] !== 'object' || m['training'] === null) fail('"training" is not an object');
  if (!Array.isArray(m['weights'])) fail('"weights" is not a list');
  let expected = 0;
  for (const [i, entry] of (m['weights'] as unknown[]).entries()) {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const shape = e['shape'];
    if (typeof e['key'] !== 'string' || !Array.isArray(shape) || !shape.every(isCount) || !isCount(e['offset'])) {
      fail(`weight ${i} needs a string "key", a "shape" of whole numbers and a whole "offset"`);
    }
    if (e['offset'] !== expected)
      fail(`weight "${String(e['key'])}" starts at value ${String(e['offset'])}, expected ${expected}`);
    expected += product(shape as number[]);
  }
  if (m['byteLength'] !== expected * 4)
    fail(`"byteLength" is ${String(m['byteLength'])}, the weights need ${expected * 4}`);
  return json as WeightsManifest;
}

/**
 * The weight values of a manifest and its binary part, by key, each a Float32Array row-major in
 * its shape. Throws when the binary part has the wrong length or checksum (a truncated or
 * damaged download, or a manifest from another training run).
 */
export function decodeWeights(
  manifest: WeightsManifest,
  bin: Uint8Array,
  what = manifest.bin,
): Record<string, Float32Array> {
  if (bin.length !== manifest.byteLength) {
    throw new Error(`${what} has ${bin.length} bytes; its manifest expects ${manifest.byteLength}`);
  }
  if (fnv1a32(bin) !== manifest.checksum) {
    throw new Error(`${what} does not match its manifest's checksum: damaged, or from another training run`);
  }
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  const values: Record<string, Float32Array> = {};
  for (const { key, shape, offset } of manifest.weights) {
    const data = new Float32Array(product(shape));
    for (let i = 0; i < data.length; i++) data[i] = view.getFloat32((offset + i) * 4, true);
    values[key] = data;
  }
  return values;
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * LeNet-5's input, prepared as LeCun et al. 1998 (§II.A, §III.A) did: the 28×28 MNIST digit in
 * the centre of a 32×32 field (2 px of background around it, so strokes can reach the edge of
 * C1's receptive fields), with intensities scaled so that the background is −0.1 and full ink
 * is 1.175. The paper chose these so the inputs have mean ≈ 0 and variance ≈ 1, which suits the
 * scaled tanh. Training, evaluation and the browser all prepare inputs with this module, so the
 * shipped weights always see the same kind of input they were trained on.
 */
import { MNIST_PIXELS, MNIST_SIDE, type DigitSet } from './mnist.ts';

/** Side of LeNet-5's input field in pixels (32). */
export const LENET_SIDE = 32;
/** Values per LeNet-5 input, 32 × 32 × 1 = 1,024. */
export const LENET_INPUT_SIZE = LENET_SIDE * LENET_SIDE;
/** Background pixels around the 28×28 digit on each side (2); also the largest shift that keeps all ink. */
export const LENET_MARGIN = (LENET_SIDE - MNIST_SIDE) / 2;
/** Input value of blank paper (pixel byte 0). */
export const LENET_BACKGROUND = -0.1;
/** Input value of full ink (pixel byte 255). */
export const LENET_INK = 1.175;

/** Input value for each pixel byte 0–255, linear from LENET_BACKGROUND to LENET_INK. */
const levels = Float32Array.from({ length: 256 }, (_, byte) => lenetPixel(byte));

/** The input value (unitless, −0.1…1.175) for a pixel byte 0 (background) … 255 (ink). */
export function lenetPixel(byte: number): number {
  return LENET_BACKGROUND + (byte / 255) * (LENET_INK - LENET_BACKGROUND);
}

/** A digit offset [dy, dx] in pixels, each in −LENET_MARGIN…LENET_MARGIN; [0, 0] is centred. */
export type Shift = readonly [number, number];

/**
 * Writes one digit's input, [32, 32, 1] row-major, into `out` from index `offset`.
 * `pixels`: 784 bytes (28×28 row-major, 0 = background, 255 = ink). `shift` moves the digit
 * inside the margin (data augmentation); the default is the centred position the paper used.
 */
export function writeLenetInput(pixels: ArrayLike<number>, out: Float32Array, offset = 0, shift: Shift = [0, 0]): void {
  if (pixels.length !== MNIST_PIXELS) throw new Error(`a digit has ${MNIST_PIXELS} pixels, got ${pixels.length}`);
  const [dy, dx] = shift;
  if (!(Math.abs(dy) <= LENET_MARGIN && Math.abs(dx) <= LENET_MARGIN && Number.isInteger(dy + dx))) {
    throw new Error(`a shift is whole pixels within ±${LENET_MARGIN}, got [${dy}, ${dx}]`);
  }
  out.fill(LENET_BACKGROUND, offset, offset + LENET_INPUT_SIZE);
  for (let y = 0; y < MNIST_SIDE; y++) {
    const row = offset + (y + LENET_MARGIN + dy) * LENET_SIDE + LENET_MARGIN + dx;
    for (let x = 0; x < MNIST_SIDE; x++) out[row + x] = levels[pixels[y * MNIST_SIDE + x] as number] as number;
  }
}

/** LeNet-5's input for one digit (784 pixel bytes): a Float32Array of 1,024 values, [32, 32, 1]. */
export function lenetInput(pixels: ArrayLike<number>, shift: Shift = [0, 0]): Float32Array {
  const out = new Float32Array(LENET_INPUT_SIZE);
  writeLenetInput(pixels, out, 0, shift);
  return out;
}

/** A batch of k LeNet-5 inputs and their classes. */
export interface LenetBatch {
  /** [k, 32, 32, 1] row-major input values (see {@link lenetPixel}). */
  readonly inputs: Float32Array;
  /** [k] digit classes 0–9. */
  readonly labels: Int32Array;
}

/**
 * The inputs and labels of the digits at `indices` of `set`. `shiftOf(k)` gives the shift of the
 * k-th digit of the batch (default: all centred).
 */
export function lenetBatch(set: DigitSet, indices: readonly number[], shiftOf?: (k: number) => Shift): LenetBatch {
  const inputs = new Float32Array(indices.length * LENET_INPUT_SIZE);
  const labels = new Int32Array(indices.length);
  indices.forEach((index, k) => {
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      throw new Error(`digit index ${index} is outside 0…${set.count - 1}`);
    }
    const pixels = set.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
    writeLenetInput(pixels, inputs, k * LENET_INPUT_SIZE, shiftOf?.(k));
    labels[k] = set.labels[index] as number;
  });
  return { inputs, labels };
}

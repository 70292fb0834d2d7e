/**
 * The input images of the receptive-field explorer, generated from a seed (no data set needed):
 * - 'pattern': a few smooth pen strokes, like a hand-drawn glyph, on a light grey ground;
 * - 'noise': independent uniform pixels.
 *
 * Every pixel is strictly positive (≥ INPUT_FLOOR). With Luo et al.'s uniform positive weights
 * and zero biases every activation is then positive, so ReLU passes gradient everywhere and the
 * network is linear: its effective receptive field is the pure repeated convolution of the
 * kernels (the same argument as tests/unit/compute/receptive-field-bruteforce.test.ts).
 * Pure TypeScript: the widget draws the same pixels the worker feeds the networks.
 */
import { mulberry32 } from '../math/rng.ts';

export type ErfInputKind = 'pattern' | 'noise';

export const erfInputKinds: readonly ErfInputKind[] = ['pattern', 'noise'];

/** The smallest pixel value: the ground of the pattern and the floor of the noise. */
export const INPUT_FLOOR = 0.05;

/**
 * The image [height, width] row-major, values in [INPUT_FLOOR, 1], the same for the same
 * kind, seed and size on every machine.
 */
export function erfInput(kind: ErfInputKind, seed: number, height: number, width: number): Float32Array {
  const rng = mulberry32(seed);
  const out = new Float32Array(height * width);
  if (kind === 'noise') {
    for (let i = 0; i < out.length; i++) out[i] = INPUT_FLOOR + (1 - INPUT_FLOOR) * rng.uniform();
    return out;
  }
  // Three quadratic Bézier strokes through the middle region, drawn with a Gaussian pen.
  const ink = new Float32Array(height * width);
  const side = Math.min(height, width);
  const pen = Math.max(0.8, side / 20);
  const point = (): [number, number] => [height * (0.2 + 0.6 * rng.uniform()), width * (0.2 + 0.6 * rng.uniform())];
  for (let stroke = 0; stroke < 3; stroke++) {
    const [a, b, c] = [point(), point(), point()];
    const steps = 4 * side;
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const py = (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * b[0] + t ** 2 * c[0];
      const px = (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * b[1] + t ** 2 * c[1];
      const reach = Math.ceil(3 * pen);
      for (let y = Math.max(0, Math.floor(py - reach)); y <= Math.min(height - 1, Math.ceil(py + reach)); y++) {
        for (let x = Math.max(0, Math.floor(px - reach)); x <= Math.min(width - 1, Math.ceil(px + reach)); x++) {
          const d2 = (y - py) ** 2 + (x - px) ** 2;
          const i = y * width + x;
          ink[i] = Math.max(ink[i]!, Math.exp(-d2 / (2 * pen * pen)));
        }
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = INPUT_FLOOR + (1 - INPUT_FLOOR) * ink[i]!;
  return out;
}

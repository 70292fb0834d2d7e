/**
 * A drawn digit made into an MNIST digit the way MNIST itself was made (LeCun, Cortes & Burges,
 * "The MNIST database"; LeCun et al. 1998 §III.A): the ink's bounding box is scaled, keeping its
 * aspect ratio, to fit a 20×20 box, with grey levels from anti-aliasing (here: area averaging),
 * then placed in a 28×28 field so that the centre of mass of its pixels lands on the field's
 * centre. Measured on the site's test digits, MNIST's centre of mass sits at pixel index
 * (14.0, 14.0) on average (row and column indices 0…27, mass = pixel value) and the long side
 * of the ink's box is 20 px, so this module aims at exactly that. Pure: no DOM, no TF.js.
 */
import { supportBox } from '../math/erf-stats.ts';
import { MNIST_PIXELS, MNIST_SIDE } from './mnist.ts';

/** Side of the box the ink is scaled to fit, in pixels (20). */
export const DIGIT_BOX = 20;
/** Where the centre of mass goes: pixel index 14 on both axes of the 28×28 field. */
export const DIGIT_CENTRE = MNIST_SIDE / 2;

/** A grayscale drawing: ink per pixel, e.g. the drawing pad's 280×280 canvas. */
export interface InkRaster {
  /** Pixels per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /**
   * [height, width] row-major ink amounts, 0 = blank paper … `fullInk` = full ink (values
   * outside are clamped). Darkness, not brightness: convert a canvas's RGBA first.
   */
  readonly data: ArrayLike<number>;
  /** The value of full ink. Default 255 for Uint8Array / Uint8ClampedArray data, else 1. */
  readonly fullInk?: number;
}

/** A rectangle in pixels: first row and column, and its size. */
export interface PixelRect {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
}

/** A drawing with no ink: nothing to classify. */
export interface EmptyDigit {
  readonly empty: true;
  /** 784 zero bytes, [28, 28]. */
  readonly pixels: Uint8Array;
}

/** A drawing made into an MNIST digit. */
export interface PreparedDigit {
  readonly empty: false;
  /** [28, 28] row-major bytes, 0 = background … 255 = full ink, as in MNIST. */
  readonly pixels: Uint8Array;
  /** The ink's bounding box in the raster, in raster pixels. */
  readonly ink: PixelRect;
  /** Where the scaled ink sits in the 28×28 field (its long side is 20 px). */
  readonly placed: PixelRect;
  /** Centre of mass of `pixels`, [row, column] in 28×28 pixel indices; within ±0.5 of 14 unless clamped. */
  readonly centreOfMass: readonly [number, number];
}

/** How {@link prepareDigit} reads the raster. */
export interface PrepareDigitOptions {
  /**
   * Ink above this fraction of full ink counts for the bounding box. Default 0 (any ink):
   * anti-aliased stroke edges lie next to their strokes, so they widen the box by at most a pixel.
   */
  readonly inkThreshold?: number;
  /**
   * Scale the result so its darkest pixel is 255. Default true: MNIST's digits were scanned
   * bilevel, so their strokes are full ink; a light or thin pen should not read as faint ink.
   */
  readonly normalize?: boolean;
}

/**
 * The MNIST digit of a drawing: `raster` (any size, e.g. 280×280) → 784 bytes [28, 28] with the
 * ink's box scaled to fit 20×20 (aspect ratio kept, area-averaged) and its centre of mass moved
 * to pixel (14, 14) by a whole-pixel shift (clamped so no ink leaves the field). Returns
 * `{ empty: true }` with blank pixels when there is no ink, never NaN. Throws when `data` does
 * not hold width × height values.
 */
export function prepareDigit(raster: InkRaster, options: PrepareDigitOptions = {}): PreparedDigit | EmptyDigit {
  const { width, height, data } = raster;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`a raster is at least 1×1 whole pixels, got ${width}×${height}`);
  }
  if (data.length !== width * height) {
    throw new Error(`a ${width}×${height} raster has ${width * height} values, got ${data.length}`);
  }
  const fullInk = raster.fullInk ?? (data instanceof Uint8Array || data instanceof Uint8ClampedArray ? 255 : 1);
  const threshold = (options.inkThreshold ?? 0) * fullInk;
  const ink = inkBox(data, width, height, threshold);
  if (ink === null) return emptyDigit();

  const scale = DIGIT_BOX / Math.max(ink.height, ink.width);
  const rows = Math.min(DIGIT_BOX, Math.max(1, Math.round(ink.height * scale)));
  const cols = Math.min(DIGIT_BOX, Math.max(1, Math.round(ink.width * scale)));
  const patch = areaResample(data, width, ink, rows, cols, fullInk);
  const peak = Math.max(...patch);
  const gain = options.normalize === false ? 255 : 255 / peak;
  const bytes = Uint8Array.from(patch, (v) => Math.round(Math.min(255, v * gain)));

  const mass = centreOfMass(bytes, cols);
  if (mass === null) return emptyDigit(); // ink too faint to survive rounding (normalize: false)
  const top = clamp(Math.round(DIGIT_CENTRE - mass[0]), 0, MNIST_SIDE - rows);
  const left = clamp(Math.round(DIGIT_CENTRE - mass[1]), 0, MNIST_SIDE - cols);
  const pixels = new Uint8Array(MNIST_PIXELS);
  for (let y = 0; y < rows; y++) pixels.set(bytes.subarray(y * cols, (y + 1) * cols), (top + y) * MNIST_SIDE + left);
  return {
    empty: false,
    pixels,
    ink,
    placed: { top, left, height: rows, width: cols },
    centreOfMass: [mass[0] + top, mass[1] + left],
  };
}

/**
 * A 28×28 digit (784 bytes, 0 = background … 255 = ink) drawn onto a blank `side`×`side` pad
 * raster (ink 0…1, Float32Array) by nearest-neighbour up-scaling: each MNIST pixel becomes a
 * block of about (size/28)² raster pixels. `at` places the digit's 28×28 field inside the pad
 * (default: the whole pad), so a test can draw a real digit small, large or off-centre.
 */
export function digitRaster(
  pixels: ArrayLike<number>,
  side = 280,
  at: { readonly top: number; readonly left: number; readonly size: number } = { top: 0, left: 0, size: side },
): InkRaster {
  if (pixels.length !== MNIST_PIXELS) throw new Error(`a digit has ${MNIST_PIXELS} pixels, got ${pixels.length}`);
  const { top, left, size } = at;
  if (!(size > 0 && top >= 0 && left >= 0 && top + size <= side && left + size <= side)) {
    throw new Error(`the digit's ${size}-px field at (${top}, ${left}) does not fit a ${side}-px pad`);
  }
  const data = new Float32Array(side * side);
  const source = (offset: number): number => Math.min(MNIST_SIDE - 1, Math.floor((offset * MNIST_SIDE) / size));
  for (let y = 0; y < size; y++) {
    const row = source(y) * MNIST_SIDE;
    for (let x = 0; x < size; x++) {
      data[(top + y) * side + left + x] = (pixels[row + source(x)] as number) / 255;
    }
  }
  return { width: side, height: side, data, fullInk: 1 };
}

function emptyDigit(): EmptyDigit {
  return { empty: true, pixels: new Uint8Array(MNIST_PIXELS) };
}

/** The bounding box of raster pixels above `threshold`, or null when there are none. */
function inkBox(data: ArrayLike<number>, width: number, height: number, threshold: number): PixelRect | null {
  const box = supportBox(data, height, width, threshold);
  return box && { top: box.top, left: box.left, height: box.bottom - box.top + 1, width: box.right - box.left + 1 };
}

/**
 * For each of `to` output cells spread evenly over `from` input pixels, the input pixels it
 * overlaps and the fraction of the cell each covers (the fractions of a cell sum to 1).
 */
function overlaps(from: number, to: number): [number, number][][] {
  const step = from / to;
  return Array.from({ length: to }, (_, i) => {
    const lo = i * step;
    const hi = lo + step;
    const cell: [number, number][] = [];
    for (let p = Math.floor(lo); p < Math.min(from, Math.ceil(hi)); p++) {
      const covered = Math.min(hi, p + 1) - Math.max(lo, p);
      if (covered > 0) cell.push([p, covered / step]);
    }
    return cell;
  });
}

/**
 * The `box` of the raster averaged down (or up) to rows × cols cells, each cell the mean ink
 * (0…1) of the raster area it covers: [rows, cols] row-major.
 */
function areaResample(
  data: ArrayLike<number>,
  width: number,
  box: PixelRect,
  rows: number,
  cols: number,
  fullInk: number,
): Float32Array {
  const across = overlaps(box.width, cols);
  const down = overlaps(box.height, rows);
  // Horizontal pass over the box's rows, then vertical: separable, so each pixel is read once.
  const wide = new Float32Array(box.height * cols);
  for (let y = 0; y < box.height; y++) {
    const row = (box.top + y) * width + box.left;
    across.forEach((cell, c) => {
      let sum = 0;
      for (const [x, w] of cell) sum += w * inkFraction(data[row + x] as number, fullInk);
      wide[y * cols + c] = sum;
    });
  }
  const out = new Float32Array(rows * cols);
  down.forEach((cell, r) => {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (const [y, w] of cell) sum += w * (wide[y * cols + c] as number);
      out[r * cols + c] = sum;
    }
  });
  return out;
}

/** [row, column] centre of mass of a cols-wide image in pixel indices, or null when it has no mass. */
function centreOfMass(image: ArrayLike<number>, cols: number): [number, number] | null {
  let mass = 0;
  let row = 0;
  let col = 0;
  for (let i = 0; i < image.length; i++) {
    const v = image[i] as number;
    mass += v;
    row += Math.floor(i / cols) * v;
    col += (i % cols) * v;
  }
  return mass > 0 ? [row / mass, col / mass] : null;
}

/** A raster value as ink 0…1; NaN (a broken canvas read) counts as paper. */
function inkFraction(value: number, fullInk: number): number {
  const v = value / fullInk;
  return v > 0 ? Math.min(1, v) : 0;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * The explorer's map pixels: the input image in grey, with the effective receptive field laid
 * over it in the heat-map colours of heatmap-pixels.ts. Pure: arrays in, RGBA out.
 */
import { heatColor } from './heatmap-pixels.ts';

/** Below this share of the map's maximum a pixel shows the input alone. */
const FLOOR = 0.01;

/**
 * RGBA pixels (4·n) for an input image and an ERF map of the same n pixels. The input (values
 * in [0, 1]) is drawn as dark-on-light grey at half contrast; each map value t (scaled by the
 * map's maximum) mixes in heatColor(t) with weight √t, so the field reads as a coloured blob
 * that fades into its tails over a visible input. An all-zero map leaves the input alone.
 */
export function erfOverlayPixels(input: ArrayLike<number>, map: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  if (input.length !== map.length) throw new RangeError(`input has ${input.length} pixels, map ${map.length}`);
  let max = 0;
  for (let i = 0; i < map.length; i++) max = Math.max(max, Math.abs(map[i] ?? 0));
  const out = new Uint8ClampedArray(map.length * 4);
  for (let i = 0; i < map.length; i++) {
    const ink = Math.min(1, Math.max(0, input[i] ?? 0));
    const grey = 235 - 110 * ink;
    const t = max === 0 ? 0 : Math.abs(map[i] ?? 0) / max;
    const [r, g, b] = heatColor(t);
    const w = t < FLOOR ? 0 : Math.sqrt(t);
    out[i * 4] = grey + (r - grey) * w;
    out[i * 4 + 1] = grey + (g - grey) * w;
    out[i * 4 + 2] = grey + (b - grey) * w;
    out[i * 4 + 3] = 255;
  }
  return out;
}

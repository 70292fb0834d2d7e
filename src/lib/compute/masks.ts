import type { ConvLayer } from '../models/types.ts';

/**
 * The fixed 0/1 connection mask of a conv with a partial table (LeNet-5's C3), shaped
 * [1, 1, cin, filters] to broadcast over the kernel [kh, kw, cin, filters]:
 * mask[0][0][in][out] = connections[out][in]. Undefined for fully connected convs.
 */
export function connectionMask(layer: ConvLayer, inputChannels: number): Float32Array | undefined {
  const table = layer.connections;
  if (table === undefined) return undefined;
  const mask = new Float32Array(inputChannels * layer.filters);
  table.forEach((row, out) =>
    row.forEach((connected, input) => {
      if (connected) mask[input * layer.filters + out] = 1;
    }),
  );
  return mask;
}

/** A [1, 1, cin, cout] mask repeated over kh·kw kernel taps: a full-size kernel mask. */
export function tileMask(mask: Float32Array, taps: number): Float32Array {
  const full = new Float32Array(mask.length * taps);
  for (let t = 0; t < taps; t++) full.set(mask, t * mask.length);
  return full;
}

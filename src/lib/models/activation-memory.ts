/**
 * Activation memory: the bytes a batch of feature maps occupies. Training keeps a layer's output
 * until the backward pass has used it, so these bytes, not the parameters, usually decide how large
 * a batch fits on a device.
 */

/** Bytes per value of a float32 tensor. */
export const FLOAT32_BYTES = 4;

/**
 * Bytes held by `elements` values per example (for example h·w·c of one output map) for a batch of
 * `batch` examples at `bytesPerValue` bytes each (4 for float32). Throws on a batch or element
 * count that is not a positive integer.
 */
export function activationBytes(elements: number, batch: number, bytesPerValue = FLOAT32_BYTES): number {
  for (const [name, value] of [
    ['elements', elements],
    ['batch', batch],
    ['bytesPerValue', bytesPerValue],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return elements * batch * bytesPerValue;
}

/**
 * Bytes in decimal units, as storage is sold and as the page states them (1 MB = 10⁶ bytes,
 * 1 GB = 10⁹ bytes): 12845056 → "12.8 MB", 411041792 → "411.0 MB", 1644167168 → "1.64 GB".
 * Below 1 MB: "512 kB" / "100 bytes".
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} bytes`;
}

/**
 * The site's compact MNIST asset format (`*.u8`, shipped gzip-compressed as `*.u8.gz`): a
 * 16-byte header, then every image's 28×28 pixels (one byte each), then every label (one byte
 * each). The header lets a decoder reject a wrong, truncated or damaged file with a message that
 * says which, rather than showing a reader garbage digits.
 *
 *   bytes 0–3    magic "MNU8" (ASCII)
 *   byte  4      format version, 1
 *   bytes 5, 6   image rows and columns, 28 and 28
 *   byte  7      number of classes, 10
 *   bytes 8–11   digit count n, uint32 little-endian
 *   bytes 12–15  FNV-1a checksum of bytes 16 onwards, uint32 little-endian
 *   then         n × 784 pixel bytes (row-major, 0 = background, 255 = ink), then n label bytes
 */
import { fnv1a32 } from './checksum.ts';
import { gunzip } from './gzip.ts';
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE, type DigitSet } from './mnist.ts';

/** Header length in bytes. */
export const MNIST_ASSET_HEADER_BYTES = 16;
const MAGIC = 'MNU8';
const VERSION = 1;

/** The uncompressed asset for `set`: 16 + 785·n bytes. */
export function encodeDigits(set: DigitSet): Uint8Array {
  if (set.images.length !== set.count * MNIST_PIXELS || set.labels.length !== set.count) {
    throw new Error(
      `a set of ${set.count} digits needs ${set.count * MNIST_PIXELS} pixels and ${set.count} labels, ` +
        `got ${set.images.length} and ${set.labels.length}`,
    );
  }
  const bytes = new Uint8Array(MNIST_ASSET_HEADER_BYTES + set.count * (MNIST_PIXELS + 1));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  bytes.set([VERSION, MNIST_SIDE, MNIST_SIDE, MNIST_CLASSES], 4);
  view.setUint32(8, set.count, true);
  bytes.set(set.images, MNIST_ASSET_HEADER_BYTES);
  bytes.set(set.labels, MNIST_ASSET_HEADER_BYTES + set.images.length);
  view.setUint32(12, fnv1a32(bytes.subarray(MNIST_ASSET_HEADER_BYTES)), true);
  return bytes;
}

/**
 * The DigitSet stored in an uncompressed asset. Throws an Error naming `what` (e.g. the file
 * name) when the bytes are not this format, another version, cut short, too long, damaged
 * (checksum) or hold a label outside 0–9. The returned arrays are views into `bytes`.
 */
export function decodeDigits(bytes: Uint8Array, what = 'MNIST asset'): DigitSet {
  if (bytes.length < MNIST_ASSET_HEADER_BYTES) {
    throw new Error(`${what} is truncated: ${bytes.length} bytes, shorter than the 16-byte header`);
  }
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) {
    throw new Error(`${what} is not an MNIST digit asset: it starts with ${JSON.stringify(magic)}, not "${MAGIC}"`);
  }
  const [version, rows, cols, classes] = bytes.subarray(4, 8);
  if (version !== VERSION) throw new Error(`${what} has format version ${version}; this code reads version ${VERSION}`);
  if (rows !== MNIST_SIDE || cols !== MNIST_SIDE || classes !== MNIST_CLASSES) {
    throw new Error(`${what} holds ${rows}×${cols} images of ${classes} classes, not 28×28 images of 10`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const expected = MNIST_ASSET_HEADER_BYTES + count * (MNIST_PIXELS + 1);
  if (bytes.length !== expected) {
    const problem = bytes.length < expected ? 'is truncated' : 'has trailing bytes';
    throw new Error(
      `${what} ${problem}: its header announces ${count} digits (${expected} bytes), got ${bytes.length}`,
    );
  }
  const payload = bytes.subarray(MNIST_ASSET_HEADER_BYTES);
  if (fnv1a32(payload) !== view.getUint32(12, true)) {
    throw new Error(`${what} is damaged: its checksum does not match its contents`);
  }
  const images = payload.subarray(0, count * MNIST_PIXELS);
  const labels = payload.subarray(count * MNIST_PIXELS);
  const bad = labels.findIndex((label) => label >= MNIST_CLASSES);
  if (bad >= 0) throw new Error(`${what}: digit ${bad} has label ${labels[bad]}, outside 0–9`);
  return { count, images, labels };
}

/**
 * {@link decodeDigits} of a shipped asset file (`*.u8.gz`), in the browser or in Node. Bytes
 * that already start with the asset's magic are decoded as they are: a server that sends the
 * file with `Content-Encoding: gzip` has the browser decompress it before the page sees it.
 */
export async function decodeDigitsGzip(bytes: Uint8Array, what = 'MNIST asset'): Promise<DigitSet> {
  const plain = String.fromCharCode(...bytes.subarray(0, 4)) === MAGIC;
  return decodeDigits(plain ? bytes : await gunzip(bytes, what), what);
}

/**
 * src/lib/data: the site's data files, pure TypeScript (no DOM, no TF.js, no Node APIs) so the
 * browser and the Node scripts share it: the MNIST digits and their seeded split, the compact
 * uint8 asset format, LeNet-5's input preprocessing, and the weight-file format.
 */
export {
  digitsFromPackage,
  selectDigits,
  splitDigits,
  MNIST_CLASSES,
  MNIST_PIXELS,
  MNIST_SIDE,
  MNIST_SPLIT_SEED,
  MNIST_TEST_COUNT,
  type DigitSet,
  type MnistSplit,
} from './mnist.ts';
export { decodeDigits, decodeDigitsGzip, encodeDigits, MNIST_ASSET_HEADER_BYTES } from './mnist-codec.ts';
export {
  lenetBatch,
  lenetInput,
  lenetPixel,
  writeLenetInput,
  LENET_BACKGROUND,
  LENET_INK,
  LENET_INPUT_SIZE,
  LENET_MARGIN,
  LENET_SIDE,
  type LenetBatch,
  type Shift,
} from './lenet-input.ts';
export { lenetExamples, type LenetExamples, type LenetExamplesOptions } from './lenet-examples.ts';
export {
  decodeWeights,
  encodeWeights,
  parseWeightsManifest,
  WEIGHTS_FORMAT,
  WEIGHTS_VERSION,
  type EncodedWeights,
  type WeightEntry,
  type WeightsManifest,
} from './weights-file.ts';
export { gunzip, gzip } from './gzip.ts';
export { fnv1a32 } from './checksum.ts';
export { permutation } from './shuffle.ts';
export { fetchMnistSplit, MNIST_ASSET_FILES, type FetchBytes } from './mnist-fetch.ts';

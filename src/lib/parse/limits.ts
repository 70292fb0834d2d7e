/**
 * What the parsers refuse, so that no pasted or linked model can hang the page: text longer than
 * a printed ResNet-152 many times over, nesting deeper than any real network's, more layers than
 * a diagram can show, or more compute than the zoo's largest model by orders of magnitude.
 */
import { ParseError, START, type SourcePosition } from './parse-error.ts';

/** Longest text accepted, in characters (torchvision's ResNet-152 prints as 32,955). */
export const MAX_TEXT_CHARS = 1_000_000;

/** Deepest nesting accepted: modules in modules, blocks in blocks, JSON arrays in objects. */
export const MAX_DEPTH = 64;

/** Most spec layers accepted (the zoo's ResNet-152 spec has 514). */
export const MAX_LAYERS = 1000;

/** Most multiply-accumulates per example accepted (the zoo's largest, VGG-19, needs 2·10¹⁰). */
export const MAX_MACS = 1e13;

/**
 * Longest encoded model accepted in a link, in characters (url-codec.ts): well within what
 * browsers, servers and chat apps keep of a URL. Here, in a module without imports of the models,
 * so that a page-load script checking a URL value carries no parser.
 */
export const MAX_URL_MODEL_CHARS = 8000;

/** Largest input height, width or channel count accepted. */
export const MAX_INPUT_SIDE = 4096;

/** Throws ParseError unless `shape` is [height, width, channels] of integers in 1…MAX_INPUT_SIDE. */
export function checkInputShape(shape: readonly number[], at: SourcePosition = START): void {
  if (shape.length !== 3 || !shape.every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_INPUT_SIDE)) {
    throw new ParseError(`bad input size ${JSON.stringify(shape)}`, at, {
      hint: `expected channels, height and width, each a whole number from 1 to ${MAX_INPUT_SIDE}`,
    });
  }
}

/** Throws ParseError at the start of `text` when it is longer than MAX_TEXT_CHARS. */
export function checkTextLength(text: string): void {
  if (text.length > MAX_TEXT_CHARS) {
    throw new ParseError(
      `the text has ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_TEXT_CHARS.toLocaleString('en-US')} accepted`,
      START,
      { hint: 'paste one model at a time' },
    );
  }
}

/** Throws ParseError at `at` when `depth` exceeds MAX_DEPTH. */
export function checkDepth(depth: number, at: SourcePosition): void {
  if (depth > MAX_DEPTH) {
    throw new ParseError(`nesting deeper than ${MAX_DEPTH} levels`, at, {
      hint: 'no real network nests its modules this deep',
    });
  }
}

/** Throws ParseError at `at` when a model would have more than MAX_LAYERS layers. */
export function checkLayerCount(count: number, at: SourcePosition): void {
  if (count > MAX_LAYERS) {
    throw new ParseError(`the model has more than ${MAX_LAYERS} layers, too many to analyse here`, at, {
      hint: 'try a shallower variant of it',
    });
  }
}

/** Throws ParseError at `at` when a model needs more than MAX_MACS multiply-accumulates. */
export function checkMacs(macs: number, at: SourcePosition): void {
  if (macs > MAX_MACS) {
    throw new ParseError(
      `the model needs ${macs.toExponential(2)} multiply-accumulates per example, more than the 1e13 accepted`,
      at,
      { hint: 'try a smaller input size' },
    );
  }
}

/**
 * Public API of the model parsers: a ModelSpec from PyTorch's `print(model)` text, from our own
 * text format (docs/text-format.md) or from the zoo's JSON spec, and back to text or JSON. Pure
 * TypeScript: no DOM, no TF.js. Every parser refuses what could hang a page (limits.ts) and
 * reports problems as ParseError with a line, a column and a hint.
 */
import { parseJsonSpec } from './json-spec.ts';
import type { ModelFormat, ParseOutcome } from './outcome.ts';
import { ParseError } from './parse-error.ts';
import { parsePytorch } from './pytorch.ts';
import { parseText } from './text-format.ts';

export { canonicalSpec } from './canonical.ts';
export { parseJsonSpec, toJson } from './json-spec.ts';
export type { InputOptions, ModelFormat, ParsedModel, ParseOutcome } from './outcome.ts';
export { decodeModel, encodeModel, MAX_URL_MODEL_CHARS, type Encoded } from './url-codec.ts';
export { MAX_DEPTH, MAX_INPUT_SIDE, MAX_LAYERS, MAX_MACS, MAX_TEXT_CHARS } from './limits.ts';
export { ParseError, positionAt, type ParseWarning, type SourcePosition } from './parse-error.ts';
export { parsePytorch, type PytorchOptions } from './pytorch.ts';
export { parseText } from './text-format.ts';
export { textExpressible, toText } from './text-write.ts';

/**
 * The format `text` is written in: JSON when it starts with `{` or `[`, PyTorch when its first line is
 * `Name(` or `Name(…)` (what print(model) writes first), else our text format. Comments (`#`) and
 * blank lines before the first statement are skipped.
 */
export function detectFormat(text: string): ModelFormat {
  const first = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(\S[^\n]*)?/.exec(text)?.[1] ?? '';
  if (first.startsWith('{') || first.startsWith('[')) return 'json';
  return /^[A-Za-z_][A-Za-z0-9_]*\(/.test(first) ? 'pytorch' : 'text';
}

/**
 * Parse `text` in `format` (default: detected) at `inputShape` ([height, width, channels];
 * default the text's own, else 3×224×224). Never throws for bad input: a ParseError comes back
 * as `{ ok: false, error }`.
 */
export function parseModel(
  text: string,
  options: { readonly format?: ModelFormat; readonly inputShape?: readonly [number, number, number] } = {},
): ParseOutcome {
  const format = options.format ?? detectFormat(text);
  const shape = options.inputShape === undefined ? {} : { inputShape: options.inputShape };
  try {
    const parsed =
      format === 'json'
        ? parseJsonSpec(text, shape)
        : format === 'pytorch'
          ? parsePytorch(text, shape)
          : parseText(text, shape);
    return { ok: true, format, ...parsed };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, format, error };
    throw error;
  }
}

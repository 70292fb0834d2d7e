/**
 * What a parse gives a page: the spec and its analysis with any warnings, or the error, together
 * with the format the text was read as. A union rather than an exception, so that a page keeps
 * its last valid model and shows the error beside it.
 */
import type { Analysis, ModelSpec } from '../models/index.ts';
import type { ParseError, ParseWarning } from './parse-error.ts';

/** The three forms a model can be written in. */
export type ModelFormat = 'pytorch' | 'text' | 'json';

export type ParseOutcome =
  | ({ readonly ok: true; readonly format: ModelFormat } & ParsedModel)
  | { readonly ok: false; readonly format: ModelFormat; readonly error: ParseError };

/** Options every parser takes. */
export interface InputOptions {
  /** Input [height, width, channels], overriding the model's own (default 3×224×224). */
  readonly inputShape?: readonly [number, number, number];
}

/** A parsed model: its spec, the spec's analysis at the input shape, and what was assumed. */
export interface ParsedModel {
  readonly spec: ModelSpec;
  readonly analysis: Analysis;
  readonly warnings: readonly ParseWarning[];
}

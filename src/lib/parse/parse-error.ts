/**
 * The one error type of the model parsers: where in the reader's text the problem is (1-based
 * line and column), what is wrong, and a hint of what was expected. Shape and size errors found
 * while building the spec point at the line of the layer at fault and name it.
 */

/** A place in the source text: 1-based line and column (columns count UTF-16 code units). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Something the parser accepted but had to assume; shown beside the result, never fatal. */
export interface ParseWarning extends SourcePosition {
  readonly message: string;
}

/** Optional details of a ParseError. */
export interface ParseErrorDetails {
  /** What was expected, phrased for the reader, e.g. "expected `kernel_size=(k, k)`". */
  readonly hint?: string;
  /** Id of the spec layer at fault, when the problem is one layer's. */
  readonly layerId?: string;
  readonly cause?: unknown;
}

/**
 * A parse, shape or size error at `line`:`column`. `message` reads
 * "line 3, column 7: <reason> (<hint>)"; `reason` and `hint` are also kept apart for display.
 */
export class ParseError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  readonly hint: string | undefined;
  readonly layerId: string | undefined;

  constructor(reason: string, at: SourcePosition, details: ParseErrorDetails = {}) {
    const hint = details.hint === undefined ? '' : ` (${details.hint})`;
    super(`line ${at.line}, column ${at.column}: ${reason}${hint}`, { cause: details.cause });
    this.name = 'ParseError';
    this.line = at.line;
    this.column = at.column;
    this.reason = reason;
    this.hint = details.hint;
    this.layerId = details.layerId;
  }
}

/** The start of the text. */
export const START: SourcePosition = { line: 1, column: 1 };

/** 1-based line and column of character `offset` in `text` (clamped to the text). */
export function positionAt(text: string, offset: number): SourcePosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

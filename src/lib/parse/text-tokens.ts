/**
 * One line of our text format as tokens: words separated by spaces, `{` and `}` always tokens of
 * their own, `"…"` strings (JSON escapes) kept whole even with spaces inside, and `#` starting a
 * comment outside strings. Linear in the line's length.
 */
import { ParseError } from './parse-error.ts';

export interface Token {
  readonly text: string;
  /** 1-based column of its first character. */
  readonly column: number;
}

/** The tokens of `line` (line number `lineNumber`, for errors). */
export function tokenize(line: string, lineNumber: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '#') break;
    if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
      continue;
    }
    if (c === '{' || c === '}') {
      tokens.push({ text: c, column: i + 1 });
      i += 1;
      continue;
    }
    const start = i;
    while (i < line.length && !' \t\r{}#'.includes(line[i] as string)) {
      if (line[i] === '"') {
        const open = i;
        i += 1;
        while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
        if (i >= line.length) {
          throw new ParseError(
            'unterminated string',
            { line: lineNumber, column: open + 1 },
            { hint: 'expected a closing "' },
          );
        }
      }
      i += 1;
    }
    tokens.push({ text: line.slice(start, i), column: start + 1 });
  }
  return tokens;
}

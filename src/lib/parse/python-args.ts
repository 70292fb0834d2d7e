/**
 * The argument list inside a printed PyTorch module, `3, 64, kernel_size=(11, 11), bias=False`:
 * what a module's `extra_repr()` writes, in Python literal syntax. Values are numbers (`1e-05`,
 * `-1`, `inf`), `True`/`False`/`None`, bare names (`same`, `zeros`), quoted strings and tuples or
 * lists of values. Every value keeps its position, so errors point at it.
 */
import { checkDepth } from './limits.ts';
import { ParseError, type SourcePosition } from './parse-error.ts';

/** One literal value and where it starts. */
export type PyValue =
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly at: SourcePosition }
  | { readonly type: 'bool'; readonly value: boolean; readonly at: SourcePosition }
  | { readonly type: 'none'; readonly at: SourcePosition }
  | { readonly type: 'name'; readonly value: string; readonly at: SourcePosition }
  | { readonly type: 'string'; readonly value: string; readonly at: SourcePosition }
  | { readonly type: 'tuple'; readonly items: readonly PyValue[]; readonly at: SourcePosition };

/** A parsed argument list: positional values in order and keyword values by name. */
export interface PyArgs {
  readonly positional: readonly PyValue[];
  readonly keywords: ReadonlyMap<string, PyValue>;
  /** Where the list starts (just inside the module's opening parenthesis). */
  readonly at: SourcePosition;
}

const NUMBER = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf|nan)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;

/**
 * Parse `text`, which starts at `at` on one line. Throws ParseError at the offending character
 * for anything that is not a Python literal argument list.
 */
export function parsePyArgs(text: string, at: SourcePosition): PyArgs {
  let i = 0;
  const here = (): SourcePosition => ({ line: at.line, column: at.column + i });
  const fail = (reason: string, hint?: string): never => {
    throw new ParseError(reason, here(), hint === undefined ? {} : { hint });
  };
  const skipSpace = (): void => {
    while (text[i] === ' ' || text[i] === '\t') i += 1;
  };

  const value = (depth: number): PyValue => {
    skipSpace();
    const start = here();
    checkDepth(depth, start);
    const rest = text.slice(i, i + 64);
    const open = text[i];
    if (open === '(' || open === '[') {
      const close = open === '(' ? ')' : ']';
      i += 1;
      const items: PyValue[] = [];
      skipSpace();
      while (text[i] !== close) {
        items.push(value(depth + 1));
        skipSpace();
        if (text[i] === ',') {
          i += 1;
          skipSpace();
        } else if (text[i] !== close) {
          fail(`expected "," or "${close}"`);
        }
      }
      i += 1;
      return { type: 'tuple', items, at: start };
    }
    if (open === "'" || open === '"') {
      const end = text.indexOf(open, i + 1);
      if (end === -1) fail('unterminated string', `expected a closing ${open}`);
      const quoted = text.slice(i + 1, end);
      i = end + 1;
      return { type: 'string', value: quoted, at: start };
    }
    const number = NUMBER.exec(rest);
    if (number !== null && !/^[A-Za-z_]/.test(rest.slice(number[0].length)) && !/^(?:inf|nan)[A-Za-z0-9_]/.test(rest)) {
      i += number[0].length;
      return {
        type: 'number',
        value: Number(number[0].replace('inf', 'Infinity').replace('nan', 'NaN')),
        text: number[0],
        at: start,
      };
    }
    const name = NAME.exec(rest);
    if (name !== null) {
      i += name[0].length;
      if (name[0] === 'True' || name[0] === 'False') return { type: 'bool', value: name[0] === 'True', at: start };
      if (name[0] === 'None') return { type: 'none', at: start };
      return { type: 'name', value: name[0], at: start };
    }
    return fail(
      i >= text.length ? 'expected a value' : `unexpected "${text[i]}"`,
      'expected a number, True, False, None, a name or a tuple',
    );
  };

  const positional: PyValue[] = [];
  const keywords = new Map<string, PyValue>();
  skipSpace();
  while (i < text.length) {
    const keyword = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(text.slice(i, i + 128));
    if (keyword !== null) {
      const name = keyword[1] as string;
      if (keywords.has(name)) fail(`"${name}" is given twice`);
      i += keyword[0].length;
      keywords.set(name, value(1));
    } else {
      if (keywords.size > 0) fail('a positional value after keyword values', 'expected `name=value`');
      positional.push(value(1));
    }
    skipSpace();
    if (i >= text.length) break;
    if (text[i] !== ',') fail('expected ","', 'arguments are separated by commas');
    i += 1;
    skipSpace();
  }
  return { positional, keywords, at };
}

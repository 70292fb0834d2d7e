/**
 * Strict JSON (RFC 8259) that remembers where each object and array starts, so that an error
 * found later in, say, `layers[12]` points at that layer's line and column. Refuses nesting
 * deeper than MAX_DEPTH, duplicate keys and the key `__proto__`; linear in the text's length.
 */
import { checkDepth, MAX_DEPTH } from './limits.ts';
import { ParseError, positionAt, type SourcePosition } from './parse-error.ts';

/** A parsed JSON value, and where each object or array starts, by JSON-pointer-like path (`/layers/12`). */
export interface PositionedJson {
  readonly value: unknown;
  /** Line and column of the object or array at `path`, if there is one. */
  positionOf(path: string): SourcePosition | undefined;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- RFC 8259 forbids raw control characters in strings: stop at them.
const STRING_CHUNK = /[^"\\\u0000-\u001f]*/y;

/** Parse `text` as one JSON value; throws ParseError at the first character that is not JSON. */
export function parseJson(text: string): PositionedJson {
  // Offsets, turned into lines and columns only when asked: converting each would be quadratic.
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (reason: string, hint?: string): never => {
    throw new ParseError(reason, positionAt(text, i), hint === undefined ? {} : { hint });
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  const expect = (c: string): void => {
    space();
    if (text[i] !== c)
      fail(
        i >= text.length ? `unexpected end of text, expected "${c}"` : `expected "${c}", found "${text[i] as string}"`,
      );
    i += 1;
  };

  const string = (): string => {
    const open = i;
    i += 1;
    let out = '';
    for (;;) {
      STRING_CHUNK.lastIndex = i;
      const chunk = STRING_CHUNK.exec(text)?.[0] ?? '';
      out += chunk;
      i += chunk.length;
      const c = text[i];
      if (c === '"') {
        i += 1;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail('bad escape in a string');
        }
        continue;
      }
      if (c === undefined) i = open;
      return fail(c === undefined ? 'unterminated string' : 'a control character in a string', 'expected a closing "');
    }
  };

  const value = (path: string, depth: number): unknown => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth > MAX_DEPTH) checkDepth(depth, positionAt(text, i));
      offsets.set(path, i);
      i += 1;
      space();
      if (c === '[') {
        const items: unknown[] = [];
        if (text[i] === ']') {
          i += 1;
          return items;
        }
        for (;;) {
          items.push(value(`${path}/${items.length}`, depth + 1));
          space();
          if (text[i] === ',') i += 1;
          else return (expect(']'), items);
        }
      }
      const object: Record<string, unknown> = {};
      if (text[i] === '}') {
        i += 1;
        return object;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('expected a key in double quotes');
        const keyAt = i;
        const key = string();
        if (key === '__proto__' || Object.hasOwn(object, key)) {
          i = keyAt;
          fail(key === '__proto__' ? 'the key "__proto__" is not allowed' : `the key "${key}" appears twice`);
        }
        expect(':');
        object[key] = value(`${path}/${key}`, depth + 1);
        space();
        if (text[i] === ',') i += 1;
        else return (expect('}'), object);
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null) {
      i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return result;
      }
    }
    return fail(c === undefined ? 'unexpected end of text' : `unexpected "${c}"`, 'expected a JSON value');
  };

  const result = value('', 1);
  space();
  if (i < text.length) fail('text after the end of the JSON value');
  return {
    value: result,
    positionOf: (path) => {
      const offset = offsets.get(path);
      return offset === undefined ? undefined : positionAt(text, offset);
    },
  };
}

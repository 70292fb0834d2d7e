/**
 * Values in our text format, both ways: `64` (int), `0.001` or `1e-5` (number), `3` or `3x5`
 * (a Pair, height × width), `true`/`false`, LeNet-style connection tables as rows of 0/1 joined by
 * `/` (`110/011`: row = output map, column = input map), and JSON-quoted strings. Writing then
 * reading a value gives it back exactly (numbers use JavaScript's shortest round-trip form).
 */
import type { ValueType } from './text-layers.ts';

const INT = /^\d+$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const PAIR = /^(\d+)x(\d+)$/;
const TABLE = /^[01]+(?:\/[01]+)*$/;

/** The value `token` stands for, or undefined when it is not a `type`. */
export function readValue(token: string, type: ValueType): unknown {
  switch (type) {
    case 'int':
      return INT.test(token) ? Number(token) : undefined;
    case 'number':
      return NUMBER.test(token) ? Number(token) : undefined;
    case 'pair': {
      if (INT.test(token)) return Number(token);
      const match = PAIR.exec(token);
      return match === null ? undefined : [Number(match[1]), Number(match[2])];
    }
    case 'bool':
      return token === 'true' ? true : token === 'false' ? false : undefined;
    case 'table':
      return TABLE.test(token) ? token.split('/').map((row) => [...row].map((c) => c === '1')) : undefined;
    case 'string':
      return readString(token);
  }
}

/** `value` written as a `type`, or undefined when it is not one (so cannot round-trip). */
export function writeValue(value: unknown, type: ValueType): string | undefined {
  const text = format(value, type);
  return text !== undefined && sameValue(readValue(text, type), value) ? text : undefined;
}

function format(value: unknown, type: ValueType): string | undefined {
  switch (type) {
    case 'int':
    case 'number':
      return typeof value === 'number' ? String(value) : undefined;
    case 'pair':
      if (typeof value === 'number') return String(value);
      return Array.isArray(value) && value.length === 2 ? `${String(value[0])}x${String(value[1])}` : undefined;
    case 'bool':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'table':
      return Array.isArray(value)
        ? value
            .map((row: unknown) => (Array.isArray(row) ? row.map((c) => (c === true ? '1' : '0')).join('') : ''))
            .join('/')
        : undefined;
    case 'string':
      return typeof value === 'string' ? JSON.stringify(value) : undefined;
  }
}

/** A JSON string literal `"…"` as its string, or undefined. */
export function readString(token: string): string | undefined {
  if (!token.startsWith('"') || !token.endsWith('"') || token.length < 2) return undefined;
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

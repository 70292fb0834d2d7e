/**
 * Typed reading of a printed module's arguments (python-args.ts): each value by keyword or by
 * position, as PyTorch's constructors accept them, with errors that say what was expected, such
 * as "expected `kernel_size=(k, k)`".
 */
import type { Pair } from '../models/index.ts';
import { ParseError, type SourcePosition } from './parse-error.ts';
import type { PyArgs, PyValue } from './python-args.ts';

/** One argument: its keyword, its position when given positionally, and the form the hint shows. */
export interface ArgSpec {
  readonly name: string;
  readonly index?: number;
  /** e.g. "(k, k)" or "64"; the hint reads "expected `name=form`". */
  readonly form: string;
}

/** Reads the arguments of module `className`, printed at `at`. */
export class ArgReader {
  readonly #args: PyArgs;
  readonly #className: string;

  constructor(args: PyArgs, className: string) {
    this.#args = args;
    this.#className = className;
  }

  /** Where the argument list starts. */
  get at(): SourcePosition {
    return this.#args.at;
  }

  /** The raw value of `arg`, or undefined when absent. */
  get(arg: ArgSpec): PyValue | undefined {
    return (
      this.#args.keywords.get(arg.name) ?? (arg.index === undefined ? undefined : this.#args.positional[arg.index])
    );
  }

  /** Keyword names given but not in `known`, for a warning. */
  unknownKeywords(known: readonly string[]): string[] {
    return [...this.#args.keywords.keys()].filter((name) => !known.includes(name));
  }

  /** A non-negative integer (or -1 when `allowNegative`); `fallback` when absent, else required. */
  int(arg: ArgSpec, fallback?: number, allowNegative = false): number {
    const value = this.get(arg);
    if (value === undefined) return fallback ?? this.#missing(arg);
    if (value.type === 'number' && Number.isInteger(value.value) && (allowNegative || value.value >= 0)) {
      return value.value;
    }
    return this.#bad(arg, value);
  }

  /** A finite number; `fallback` when absent, else required. */
  number(arg: ArgSpec, fallback?: number): number {
    const value = this.get(arg);
    if (value === undefined) return fallback ?? this.#missing(arg);
    if (value.type === 'number' && Number.isFinite(value.value)) return value.value;
    return this.#bad(arg, value);
  }

  /** True or False; `fallback` when absent. */
  bool(arg: ArgSpec, fallback: boolean): boolean {
    const value = this.get(arg);
    if (value === undefined) return fallback;
    if (value.type === 'bool') return value.value;
    return this.#bad(arg, value);
  }

  /** A bare name or string (`same`, `'zeros'`), or undefined when absent or another kind of value. */
  word(arg: ArgSpec): string | undefined {
    const value = this.get(arg);
    return value?.type === 'name' || value?.type === 'string' ? value.value : undefined;
  }

  /**
   * An integer or a tuple of two integers, as a Pair (one number when both are equal);
   * `fallback` when absent, else required.
   */
  pair(arg: ArgSpec, fallback?: Pair): Pair {
    const value = this.get(arg);
    if (value === undefined) return fallback ?? this.#missing(arg);
    const items = value.type === 'tuple' ? value.items : [value, value];
    const numbers = items.map((item) =>
      item.type === 'number' && Number.isInteger(item.value) && item.value >= 0 ? item.value : -1,
    );
    const [h, w] = numbers;
    if (numbers.length !== 2 || h === undefined || w === undefined || h < 0 || w < 0) return this.#bad(arg, value);
    return h === w ? h : [h, w];
  }

  /** Throws ParseError at `value` (or the argument list) with `reason`. */
  fail(reason: string, value?: PyValue, hint?: string): never {
    throw new ParseError(
      `${this.#className}: ${reason}`,
      value?.at ?? this.#args.at,
      hint === undefined ? {} : { hint },
    );
  }

  #missing(arg: ArgSpec): never {
    return this.fail(`missing ${arg.name}`, undefined, `expected \`${arg.name}=${arg.form}\``);
  }

  #bad(arg: ArgSpec, value: PyValue): never {
    return this.fail(`bad ${arg.name}`, value, `expected \`${arg.name}=${arg.form}\``);
  }
}

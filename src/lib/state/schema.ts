/**
 * URL state: one typed schema per widget. Every key has a type, a default and a range or a list
 * of allowed values. Parsing never throws: a bad value falls back to its default (or is clamped
 * into range) and yields a notice saying which parameter was ignored; unknown keys are ignored.
 * Serialising writes only the values that differ from the defaults.
 */

interface ParamBase {
  /** What the control is called, for notices and the instructors' parameter table. */
  readonly label: string;
  /** One sentence for the instructors' parameter table. */
  readonly help?: string;
}

/** A whole number in [min, max]; with `step`, one of min, min + step, … (others snap to the nearest). */
export interface IntParam extends ParamBase {
  readonly type: 'int';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** Added to the value where readers see it: 1 for a 0-based index the widget numbers from 1. */
  readonly shownOffset?: number;
}

/** `n` moved onto an int param's grid min + k·step (the nearest point, ties upward), within max. */
export function snapToStep(spec: IntParam, n: number): number {
  if (spec.step === undefined) return n;
  const k = Math.round((n - spec.min) / spec.step);
  return Math.min(spec.min + k * spec.step, spec.min + Math.floor((spec.max - spec.min) / spec.step) * spec.step);
}

/** A real number in [min, max]. */
export interface NumberParam extends ParamBase {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** One of a fixed list of strings. */
export interface EnumParam<V extends string = string> extends ParamBase {
  readonly type: 'enum';
  readonly default: V;
  readonly values: readonly V[];
}

/** true/false, written `1`/`0` (also accepts true/false, yes/no, on/off). */
export interface BooleanParam extends ParamBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

/**
 * An opaque string matching `pattern` and at most `maxLength` characters long, for a value no
 * list can enumerate (a whole model, compressed). The widget decodes and validates its meaning;
 * the schema only keeps what could never be one out.
 */
export interface TextParam extends ParamBase {
  readonly type: 'text';
  readonly default: string;
  /** Longest value accepted, in characters (overrides MAX_VALUE_LENGTH). */
  readonly maxLength: number;
  /** What a value must match, whole (anchor it with ^…$). The default need not match. */
  readonly pattern: RegExp;
  /** How the allowed values read in a notice, e.g. "a model written by this page's Share button". */
  readonly allowed: string;
}

export type ParamSpec = IntParam | NumberParam | EnumParam | BooleanParam | TextParam;

/** A widget's schema: its URL keys in display order. */
export type Schema = Readonly<Record<string, ParamSpec>>;

/** The state a schema describes. */
export type StateOf<S extends Schema> = {
  -readonly [K in keyof S]: S[K] extends EnumParam<infer V>
    ? V
    : S[K] extends BooleanParam
      ? boolean
      : S[K] extends TextParam
        ? string
        : number;
};

/** Longest value read from a URL; anything longer is ignored (a 10 KB value is an attack, not a setting). */
export const MAX_VALUE_LENGTH = 64;

/** Defines a schema, keeping its literal types. */
export function defineSchema<const S extends Schema>(schema: S): S {
  for (const [key, spec] of Object.entries(schema)) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) throw new Error(`schema key "${key}" must be camelCase letters and digits`);
    const ok =
      spec.type === 'enum'
        ? spec.values.includes(spec.default)
        : spec.type === 'boolean' || spec.type === 'text'
          ? true
          : spec.min <= spec.default &&
            spec.default <= spec.max &&
            (spec.type !== 'int' ||
              (Number.isInteger(spec.default) && snapToStep(spec, spec.default) === spec.default));
    if (!ok) throw new Error(`schema key "${key}": default ${String(spec.default)} is not an allowed value`);
  }
  return schema;
}

/** The default state. */
export function defaultState<S extends Schema>(schema: S): StateOf<S> {
  return Object.fromEntries(Object.entries(schema).map(([k, spec]) => [k, spec.default])) as StateOf<S>;
}

/** How a value shows in a notice: quoted, cut to 40 characters. Plain text, for textContent. */
function shown(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

/** The words `describeAllowed` uses (English here; a translation in src/i18n/<lang>/catalog.ts). */
export interface AllowedWords {
  int(min: number, max: number): string;
  intSteps(min: number, second: number, max: number, step: number): string;
  number(min: number, max: number): string;
  oneOf(values: string): string;
  readonly boolean: string;
}

/** English: "a whole number from 1 to 9", "one of a, b, c", … */
export const englishAllowed: AllowedWords = {
  int: (min, max) => `a whole number from ${min} to ${max}`,
  intSteps: (min, second, max, step) => `one of ${min}, ${second}, … ${max} (steps of ${step})`,
  number: (min, max) => `a number from ${min} to ${max}`,
  oneOf: (values) => `one of ${values}`,
  boolean: '1 or 0',
};

/** What the allowed values are, in words. */
export function describeAllowed(spec: ParamSpec, words: AllowedWords = englishAllowed): string {
  switch (spec.type) {
    case 'int':
      return spec.step === undefined
        ? words.int(spec.min, spec.max)
        : words.intSteps(spec.min, spec.min + spec.step, snapToStep(spec, spec.max), spec.step);
    case 'number':
      return words.number(spec.min, spec.max);
    case 'enum':
      return words.oneOf(spec.values.join(', '));
    case 'boolean':
      return words.boolean;
    case 'text':
      return spec.allowed;
  }
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** Reads one value; returns the value and, when it was not taken as given, a notice. */
function readValue(key: string, spec: ParamSpec, raw: string): { value: string | number | boolean; notice?: string } {
  const fallback = (): { value: string | number | boolean; notice: string } => ({
    value: spec.default,
    notice: `Ignored ${key}=${shown(raw)}: expected ${describeAllowed(spec)}; using ${spec.type === 'text' && spec.default === '' ? 'none' : String(spec.default)}.`,
  });
  if (raw.length > (spec.type === 'text' ? spec.maxLength : MAX_VALUE_LENGTH)) return fallback();
  const text = raw.trim();
  switch (spec.type) {
    case 'text':
      return spec.pattern.test(text) ? { value: text } : fallback();
    case 'enum':
      return spec.values.includes(text) ? { value: text } : fallback();
    case 'boolean':
      if (TRUE.has(text.toLowerCase())) return { value: true };
      if (FALSE.has(text.toLowerCase())) return { value: false };
      return fallback();
    case 'int':
    case 'number': {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return fallback();
      const n = Number(text);
      if (!Number.isFinite(n)) return fallback();
      if (spec.type === 'int' && !Number.isInteger(n)) return fallback();
      const inRange = Math.min(spec.max, Math.max(spec.min, n));
      const clamped = spec.type === 'int' ? snapToStep(spec, inRange) : inRange;
      if (clamped !== n) {
        return {
          value: clamped,
          notice: `Clamped ${key}=${shown(raw)} to ${clamped}: it must be ${describeAllowed(spec)}.`,
        };
      }
      return { value: n };
    }
  }
}

/** The result of parsing: a complete, valid state and the notices to show the reader. */
export interface ParsedState<S extends Schema> {
  readonly state: StateOf<S>;
  readonly notices: readonly string[];
}

/**
 * Every name under which `key` is read from a query: `prefix.key`, and for a camel-case key the
 * spellings HTML attributes give it (`<cnn-lineage-widget unitY=…>` arrives as `unity`, and
 * authors write `unit-y`). The first is the one written.
 */
export function paramNames(key: string, prefix = ''): string[] {
  const spellings = /[A-Z]/.test(key)
    ? [key, key.toLowerCase(), key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)]
    : [key];
  return spellings.map((k) => (prefix ? `${prefix}.${k}` : k));
}

/** The values given for `key` under the first of its names that has any, with that name. */
function valuesOf(params: URLSearchParams, key: string, prefix: string): { name: string; values: string[] } {
  const names = paramNames(key, prefix);
  for (const name of names) {
    const values = params.getAll(name);
    if (values.length > 0) return { name, values };
  }
  return { name: names[0]!, values: [] };
}

/** True when the query sets `key` under any of its names. */
export function hasParam(params: URLSearchParams, key: string, prefix = ''): boolean {
  return paramNames(key, prefix).some((name) => params.has(name));
}

/**
 * Parses `query` (a query string or URLSearchParams) against `schema`. With a `prefix`, reads
 * `prefix.key` instead of `key` (several widgets on one chapter page). Camel-case keys are also read
 * in the spellings of `paramNames`. Never throws.
 */
export function parseState<S extends Schema>(schema: S, query: string | URLSearchParams, prefix = ''): ParsedState<S> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const state = defaultState(schema) as Record<string, unknown>;
  const notices: string[] = [];
  for (const [key, spec] of Object.entries(schema)) {
    const { name, values } = valuesOf(params, key, prefix);
    if (values.length === 0) continue;
    if (values.length > 1) notices.push(`${name} was given ${values.length} times; used the last.`);
    const { value, notice } = readValue(name, spec, values[values.length - 1] ?? '');
    state[key] = value;
    if (notice) notices.push(notice);
  }
  return { state: state as StateOf<S>, notices };
}

function written(spec: ParamSpec, value: unknown): string {
  if (spec.type === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** Query parameters for `state`: only values that differ from the defaults, in schema order. */
export function stateParams<S extends Schema>(schema: S, state: StateOf<S>, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, spec] of Object.entries(schema)) {
    const value = (state as Record<string, unknown>)[key];
    if (value === undefined || value === spec.default) continue;
    out.push([prefix ? `${prefix}.${key}` : key, written(spec, value)]);
  }
  return out;
}

/** `stateParams` as a query string without '?', '' for the default state. */
export function serializeState<S extends Schema>(schema: S, state: StateOf<S>, prefix = ''): string {
  return new URLSearchParams(stateParams(schema, state, prefix)).toString();
}

/**
 * `search` with this widget's keys replaced by `state`'s (other widgets' and the page's own
 * parameters kept), as a query string with '?' or '' when empty.
 */
export function mergeState<S extends Schema>(schema: S, state: StateOf<S>, search: string, prefix = ''): string {
  const params = new URLSearchParams(search);
  for (const key of Object.keys(schema)) for (const name of paramNames(key, prefix)) params.delete(name);
  for (const [k, v] of stateParams(schema, state, prefix)) params.append(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The state a component's props describe (an MDX author's `<Widget depth={56} />`): props are
 * read exactly as URL values would be. Unknown keys are ignored; returns the notices for values
 * that were not taken as given, so a build can fail on them.
 */
export function stateFromProps<S extends Schema>(schema: S, props: Readonly<Record<string, unknown>>): ParsedState<S> {
  const params = new URLSearchParams();
  for (const key of Object.keys(schema)) {
    const value = props[key];
    if (value === undefined) continue;
    params.set(key, value === true ? '1' : value === false ? '0' : String(value));
  }
  return parseState(schema, params);
}

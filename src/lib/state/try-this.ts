/**
 * "Try this" links: a chapter's prompt that opens a widget in a stated configuration. The link
 * is the widget's URL state with its chapter prefix (`?lab.depth=32#skip-lab-widget`), checked
 * against the widget's schema when the site is built, so a stale prompt fails the build instead
 * of silently opening the widget in another state.
 */
import { stateFromProps, type ParamSpec } from './schema.ts';
import { getWidget, widgetRegistry } from './widgets.ts';

/** A value as an MDX author writes it in `state={{ depth: 32 }}`. */
export type TryThisValue = number | string | boolean;

/** Where a Try-this link goes and how it reads. */
export interface TryThisLink {
  /** Page path + query + anchor, e.g. `/skip-connections/?lab.depth=32#skip-lab-widget`. */
  readonly href: string;
  /** The query's pairs with the prefix, in schema order. */
  readonly params: readonly (readonly [string, string])[];
  /** "depth 32, identity shortcuts off": the state in words, for the link text. */
  readonly summary: string;
  /** The widget's registry title. */
  readonly title: string;
  readonly prefix: string;
}

function written(spec: ParamSpec, value: TryThisValue): string {
  if (spec.type === 'boolean') return value === true || value === 1 || value === '1' ? '1' : '0';
  return String(value);
}

/**
 * How a link's state reads in a language: the words for a boolean, each key's label inside a
 * sentence (default: the schema's English label), a label with its value, and the list separator;
 * `title` replaces the registry's widget title.
 */
export interface TryThisWords {
  readonly on: string;
  readonly off: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly labelValue: (label: string, value: string) => string;
  readonly separator: string;
  readonly title?: string;
}

/** English: "depth 32, identity shortcut off". */
export const ENGLISH_WORDS: TryThisWords = {
  on: 'on',
  off: 'off',
  labelValue: (label, value) => `${label} ${value}`,
  separator: ', ',
};

function spoken(spec: ParamSpec, value: TryThisValue, words: TryThisWords): string {
  if (spec.type === 'boolean') return value === true || value === 1 || value === '1' ? words.on : words.off;
  if (spec.type === 'int' && spec.shownOffset !== undefined) return String(Number(value) + spec.shownOffset);
  return String(value);
}

/** "Learning rate" → "learning rate" inside a sentence; "ReLU net" and "MNIST" keep their capitals. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * The link opening widget `widgetId` in `state` on page `page` at element `anchor`. Throws,
 * naming the widget and key, for an unknown widget, an unknown key, an empty state, or a value
 * the schema would not take as given (out of range, off its step, not one of its values).
 */
export function tryThisLink(
  widgetId: string,
  state: Readonly<Record<string, TryThisValue>>,
  page: string,
  anchor: string,
  words: TryThisWords = ENGLISH_WORDS,
): TryThisLink {
  const widget = getWidget(widgetId);
  if (widget === undefined) {
    throw new Error(
      `<TryThis widget="${widgetId}">: unknown widget; use one of ${widgetRegistry.map((w) => w.id).join(', ')}`,
    );
  }
  const keys = Object.keys(state);
  if (keys.length === 0) throw new Error(`<TryThis widget="${widgetId}">: give the state to open, e.g. state={{ … }}`);
  for (const key of keys) {
    if (!Object.hasOwn(widget.schema, key)) {
      throw new Error(
        `<TryThis widget="${widgetId}">: unknown key "${key}"; use ${Object.keys(widget.schema).join(', ')}`,
      );
    }
  }
  const { notices } = stateFromProps(widget.schema, state);
  if (notices.length > 0) throw new Error(`<TryThis widget="${widgetId}">: ${notices.join(' ')}`);
  const ordered = Object.keys(widget.schema).filter((key) => keys.includes(key));
  const params = ordered.map((key) => {
    const spec = widget.schema[key] as ParamSpec;
    return [`${widget.prefix}.${key}`, written(spec, state[key] as TryThisValue)] as const;
  });
  const summary = ordered
    .map((key) => {
      const spec = widget.schema[key] as ParamSpec;
      const label = words.labels === undefined ? inSentence(spec.label) : words.labels[key];
      if (label === undefined) throw new Error(`<TryThis widget="${widgetId}">: no translated label for "${key}"`);
      return words.labelValue(label, spoken(spec, state[key] as TryThisValue, words));
    })
    .join(words.separator);
  const query = new URLSearchParams(params.map(([k, v]) => [k, v])).toString();
  return {
    href: `${page}?${query}#${anchor}`,
    params,
    summary,
    title: words.title ?? widget.title,
    prefix: widget.prefix,
  };
}

/**
 * The sections of the convolution-arithmetic reference page (/conv-arithmetic/) a chapter's
 * `<ArithmeticBox topics=[…]>` can link to: each topic's anchor (the id Starlight gives the
 * section's heading), its label and its formula in one line of plain text.
 */

/** Topic ids, in the page's order. */
export const ARITHMETIC_TOPICS = [
  'output-size',
  'padding',
  'stride',
  'dilation',
  'parameters',
  'macs',
  'groups',
  'memory',
] as const;

export type ArithmeticTopic = (typeof ARITHMETIC_TOPICS)[number];

/** Where the reference page lives. */
export const ARITHMETIC_PAGE = '/conv-arithmetic/';

/** A topic's section on the reference page in one language. */
export interface TopicEntry {
  /** The heading's id on the reference page. */
  readonly anchor: string;
  /** The heading's text, which the anchor is derived from. */
  readonly heading: string;
  /**
   * The quantity's formula, plain text (i input side, k kernel, s stride, p padding, d dilation);
   * `_x` marks a subscript, as in C_in.
   */
  readonly formula: string;
}

/** Each topic's section on the reference page. */
export const TOPICS: Readonly<Record<ArithmeticTopic, TopicEntry>> = {
  'output-size': { anchor: 'output-size', heading: 'Output size', formula: 'o = ⌊(i + 2p − k) / s⌋ + 1' },
  padding: { anchor: 'padding', heading: 'Padding', formula: "'same' size at stride 1: p = (k − 1) / 2" },
  stride: { anchor: 'stride', heading: 'Stride', formula: "with 'same' padding, o = ⌈i / s⌉" },
  dilation: { anchor: 'dilation', heading: 'Dilation', formula: 'effective kernel k + (k − 1)(d − 1)' },
  parameters: { anchor: 'parameters', heading: 'Parameters', formula: 'k·k·(C_in / g)·C_out + C_out' },
  macs: {
    anchor: 'multiply-accumulates',
    heading: 'Multiply-accumulates',
    formula: 'o·o·k·k·(C_in / g)·C_out',
  },
  groups: {
    anchor: 'grouped-and-depthwise-convolutions',
    heading: 'Grouped and depthwise convolutions',
    formula: 'g groups divide weights and MACs by g',
  },
  memory: {
    anchor: 'activation-memory',
    heading: 'Activation memory',
    formula: 'h·w·c values × 4 bytes (float32) × batch',
  },
};

/** The link to `topic`'s section of the reference page at `page` (default the English one) with `topics`' anchors. */
export function topicHref(
  topic: ArithmeticTopic,
  page: string = ARITHMETIC_PAGE,
  topics: Readonly<Record<ArithmeticTopic, TopicEntry>> = TOPICS,
): string {
  return `${page}#${topics[topic].anchor}`;
}

/** Checks a chapter's `topics` prop: a non-empty list of known topics without repeats. */
export function checkTopics(topics: readonly string[]): ArithmeticTopic[] {
  if (topics.length === 0) throw new Error('<ArithmeticBox topics>: name at least one topic');
  const unknown = topics.filter((t) => !(ARITHMETIC_TOPICS as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new Error(`<ArithmeticBox topics>: unknown ${unknown.join(', ')}; use ${ARITHMETIC_TOPICS.join(', ')}`);
  }
  if (new Set(topics).size !== topics.length) throw new Error('<ArithmeticBox topics>: a topic is repeated');
  return topics as ArithmeticTopic[];
}

/** A run of a formula's text, marked when it is a subscript. */
export interface FormulaPart {
  readonly text: string;
  readonly sub: boolean;
}

/** Splits a topic's formula at its `_x` subscripts: "C_in·C_out" → C, in (sub), ·C, out (sub). */
export function formulaParts(formula: string): FormulaPart[] {
  return formula
    .split(/_(\w+)/)
    .map((text, i) => ({ text, sub: i % 2 === 1 }))
    .filter((part) => part.text !== '');
}

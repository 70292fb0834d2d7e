/**
 * The sections of the convolution-arithmetic reference page (/conv-arithmetic/) a chapter's
 * `<ArithmeticBox topics=[…]>` can link to: each topic's anchor (the id Starlight gives the
 * section's heading), its label and its formula in one line of plain text.
 */

import { chapter, type TopicEntry } from '../../i18n/en/chapter.ts';

export type { TopicEntry };

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

/** Each topic's section on the English reference page (its strings live with the other English chapter strings). */
export const TOPICS: Readonly<Record<ArithmeticTopic, TopicEntry>> = chapter.arithmeticBox.topics;

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

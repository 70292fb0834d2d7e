/** What a quiz question asks of the reader (its label, per language, is in src/i18n/<lang>/chapter.ts). */

/** calculation: work out a number; prediction: say what will happen before checking; recall: a fact from the chapter. */
export const QUESTION_KINDS = ['calculation', 'prediction', 'recall'] as const;

/** One of `QUESTION_KINDS`. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** True when at least half of `kinds` are calculations or predictions (an empty quiz passes). */
export function mostlyWorked(kinds: readonly QuestionKind[]): boolean {
  const worked = kinds.filter((k) => k !== 'recall').length;
  return 2 * worked >= kinds.length;
}

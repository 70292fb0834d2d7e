/** What a quiz question asks of the reader, and the label it shows. */

/** calculation: work out a number; prediction: say what will happen before checking; recall: a fact from the chapter. */
export const QUESTION_KINDS = ['calculation', 'prediction', 'recall'] as const;

/** One of `QUESTION_KINDS`. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The label before a question's prompt. */
export const questionKindLabel: Readonly<Record<QuestionKind, string>> = {
  calculation: 'Calculate',
  prediction: 'Predict',
  recall: 'Recall',
};

/** True when at least half of `kinds` are calculations or predictions (an empty quiz passes). */
export function mostlyWorked(kinds: readonly QuestionKind[]): boolean {
  const worked = kinds.filter((k) => k !== 'recall').length;
  return 2 * worked >= kinds.length;
}

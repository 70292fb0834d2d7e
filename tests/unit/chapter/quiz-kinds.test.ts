import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mostlyWorked, QUESTION_KINDS, type QuestionKind } from '../../../src/components/chapter/question-kinds.ts';
import { readingOrder } from '../../../src/lib/content/reading-order.ts';

/** The `kind` of every <Question> in an MDX source, in order; 'missing' where a question has none. */
function questionKinds(source: string): (QuestionKind | 'missing' | string)[] {
  return [...source.matchAll(/<Question\b([^>]*?)>/gs)].map(
    (m) => /\bkind="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? 'missing',
  );
}

describe('quizzes', () => {
  it('mostlyWorked counts calculations and predictions against recall', () => {
    expect(mostlyWorked(['calculation', 'recall'])).toBe(true);
    expect(mostlyWorked(['prediction', 'recall', 'recall'])).toBe(false);
    expect(mostlyWorked([])).toBe(true);
  });

  it.each(readingOrder('src/content/docs').map((c) => [c.slug || 'index', c.file] as const))(
    '%s: every question has a kind, and at least half calculate or predict',
    (_slug, file) => {
      const kinds = questionKinds(readFileSync(file, 'utf8'));
      for (const kind of kinds) expect(QUESTION_KINDS).toContain(kind);
      expect(mostlyWorked(kinds as QuestionKind[]), `kinds: ${kinds.join(', ')}`).toBe(true);
    },
  );
});

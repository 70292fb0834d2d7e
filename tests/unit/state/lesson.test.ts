import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeLesson,
  lessonLink,
  lessonStepSearch,
  MAX_LESSON_STEPS,
  parseLesson,
  stateFromPasted,
} from '../../../src/lib/state/lesson.ts';
import { gradientFlowSchema as schema } from '../../../src/lib/state/schemas/gradient-flow.ts';

const steps = [
  { title: 'Sigmoid, 8 layers', query: 'depth=8' },
  { title: 'Sigmoid, 56 layers', query: 'depth=56' },
  { title: 'ReLU and He init, 56 layers', query: 'depth=56&activation=relu&init=he' },
];

describe('lesson links', () => {
  it("open at the first step with that step's state as the widget's own keys", () => {
    const link = lessonLink('/embed/gradient-flow/', schema, steps, { lang: 'en' });
    const url = new URL(link, 'http://site.invalid/');
    expect(url.pathname).toBe('/embed/gradient-flow/');
    expect(url.searchParams.get('depth')).toBe('8');
    expect(url.searchParams.get('step')).toBe('1');
    expect(url.searchParams.get('lang')).toBe('en');
    const { lesson, notices } = parseLesson(url.search, schema);
    expect(notices).toEqual([]);
    expect(lesson).toEqual({ steps, current: 0 });
  });

  it("step k's URL replaces the widget's keys by step k's, and keeps every other parameter", () => {
    const link = lessonLink('/embed/gradient-flow/', schema, steps, { theme: 'dark' });
    const { lesson } = parseLesson(new URL(link, 'http://x/').search, schema);
    const third = new URLSearchParams(lessonStepSearch(new URL(link, 'http://x/').search, schema, lesson!, 2));
    expect(Object.fromEntries(third)).toMatchObject({
      depth: '56',
      activation: 'relu',
      init: 'he',
      step: '3',
      theme: 'dark',
      lesson: encodeLesson(steps),
    });
    // Back to step 1: step 3's other keys are gone (they are defaults at step 1).
    const first = new URLSearchParams(lessonStepSearch(`?${third.toString()}`, schema, lesson!, 0));
    expect(first.get('depth')).toBe('8');
    expect(first.has('activation')).toBe(false);
    expect(() => lessonStepSearch('', schema, lesson!, 3)).toThrow(RangeError);
  });

  it('drops what it cannot use with a notice, and keeps what it can', () => {
    const bad = encodeLesson([
      { title: '', query: 'depth=9999&activation=swish' },
      { title: 'ok', query: 'depth=12' },
    ]);
    const { lesson, notices } = parseLesson(`?lesson=${encodeURIComponent(bad)}&step=7`, schema);
    expect(lesson?.steps.map((s) => s.title)).toEqual(['Step 1', 'ok']);
    expect(lesson?.current).toBe(0);
    expect(notices.join('\n')).toMatch(/Step 1: .*depth/);
    expect(notices.join('\n')).toMatch(/Step 1: .*activation/);
    expect(notices.join('\n')).toMatch(/step="7"/);
  });

  it('refuses malformed, oversized and over-long lessons with a notice, never throwing', () => {
    expect(parseLesson('?depth=8', schema)).toEqual({ lesson: null, notices: [] });
    for (const raw of ['not json', '{"a":1}', '[]', '[[1,2]]', 'x'.repeat(5000), '[["a"]]']) {
      const { lesson, notices } = parseLesson(new URLSearchParams({ lesson: raw }), schema);
      expect(lesson, raw.slice(0, 20)).toBeNull();
      expect(notices.length, raw.slice(0, 20)).toBeGreaterThan(0);
    }
    const many = encodeLesson(Array.from({ length: 30 }, (_, i) => ({ title: `s${i}`, query: `depth=${i + 2}` })));
    const { lesson, notices } = parseLesson(new URLSearchParams({ lesson: many }), schema);
    expect(lesson?.steps).toHaveLength(MAX_LESSON_STEPS);
    expect(notices[0]).toMatch(/first 12 of 30/);
  });

  it('survives any text as a lesson or a step', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (lesson, step) => {
        const parsed = parseLesson(new URLSearchParams({ lesson, step }), schema);
        if (parsed.lesson) {
          expect(parsed.lesson.current).toBeGreaterThanOrEqual(0);
          expect(parsed.lesson.current).toBeLessThan(parsed.lesson.steps.length);
        }
      }),
    );
  });

  it("reads a step's state from a chapter's Share link, an embed's, or a bare query", () => {
    expect(
      stateFromPasted('https://example.org/vanishing-gradients/?flow.depth=30&x=1#gradient-flow', schema, 'flow'),
    ).toEqual({ query: 'depth=30', notices: [] });
    expect(stateFromPasted('/embed/gradient-flow/?depth=30&bn=1', schema, 'flow').query).toBe('depth=30&bn=1');
    expect(stateFromPasted('depth=30&activation=relu', schema, 'flow').query).toBe('depth=30&activation=relu');
    expect(stateFromPasted('depth=banana', schema, 'flow').notices.length).toBeGreaterThan(0);
  });
});

/**
 * The step bar of a lesson link (src/lib/state/lesson.ts) on an embed page: "Step 2 of 3: title"
 * between Previous and Next, which are plain links to the neighbouring steps' URLs (each opens the
 * widget in that step's state, as any shared link does). Loaded only when the URL has `lesson=`.
 */
import { parseLesson, lessonStepSearch } from '../../lib/state/lesson.ts';
import type { Schema } from '../../lib/state/schema.ts';
import type { LessonStrings } from '../../i18n/en/lesson.ts';
import './lesson.css';

/** A link to step `index` of the lesson, or an inert, disabled one past either end. */
function stepLink(text: string, rel: 'prev' | 'next', search: string | null): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = `lesson-${rel}`;
  link.textContent = text;
  if (search === null) link.setAttribute('aria-disabled', 'true');
  else {
    link.href = search;
    link.rel = rel;
  }
  return link;
}

/**
 * Puts the lesson's step bar at the start of `container` when `search` holds a lesson for a widget
 * with `schema`; returns the notices for what the lesson had that could not be used.
 */
export function showLessonBar(
  container: HTMLElement,
  schema: Schema,
  search: string,
  words: LessonStrings,
): readonly string[] {
  const { lesson, notices } = parseLesson(search, schema);
  if (!lesson) return notices;
  const { steps, current } = lesson;
  const bar = document.createElement('nav');
  bar.className = 'lesson-bar';
  bar.setAttribute('aria-label', words.barLabel);
  const position = document.createElement('p');
  position.className = 'lesson-position';
  const count = document.createElement('span');
  count.textContent = words.position(current + 1, steps.length);
  const title = document.createElement('strong');
  title.textContent = steps[current]?.title ?? '';
  position.append(count, ' ', title);
  const neighbour = (index: number): string | null =>
    index < 0 || index >= steps.length ? null : lessonStepSearch(search, schema, lesson, index);
  bar.append(
    stepLink(words.previous, 'prev', neighbour(current - 1)),
    position,
    stepLink(words.next, 'next', neighbour(current + 1)),
  );
  container.prepend(bar);
  return notices;
}

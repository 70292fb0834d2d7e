/**
 * Lesson links: an instructor's ordered sequence of one widget's states ("step 1: depth 8; step 2:
 * depth 56; …"), carried in an embed's URL so the widget can show Previous/Next through them — a
 * guided mini-lesson without writing code. The URL of step k holds step k's state as the widget's
 * own keys (so the widget opens in it like any shared link), plus `lesson` (every step's title and
 * state, as JSON) and `step` (k, from 1). Parsed like widget state: never throws; bad parts are
 * dropped with a notice.
 */
import { mergeState, parseState, serializeState, type Schema } from './schema.ts';

/** One step: the title the reader sees and the widget's state, as a normalised query string. */
export interface LessonStep {
  readonly title: string;
  readonly query: string;
}

/** A parsed lesson: its steps and the index (from 0) of the one the URL shows. */
export interface Lesson {
  readonly steps: readonly LessonStep[];
  readonly current: number;
}

/** At most this many steps: a lesson link stays a link, not a course. */
export const MAX_LESSON_STEPS = 12;
/** Titles are cut to this many characters. */
export const MAX_STEP_TITLE = 80;
/** The `lesson` value is refused above this many characters (a URL stays under ~8 KB). */
export const MAX_LESSON_CHARS = 4000;
/** The parameters a lesson link adds to an embed's URL. */
export const LESSON_KEYS = ['lesson', 'step'] as const;

/** A step's state normalised against `schema`: invalid values dropped (noticed), defaults omitted. */
function normalisedQuery(schema: Schema, query: string, stepNumber: number, notices: string[]): string {
  const parsed = parseState(schema, query);
  for (const notice of parsed.notices) notices.push(`Step ${stepNumber}: ${notice}`);
  return serializeState(schema, parsed.state);
}

/** The `lesson` parameter's value for `steps`: a JSON list of [title, query] pairs. */
export function encodeLesson(steps: readonly LessonStep[]): string {
  return JSON.stringify(steps.map((step) => [step.title, step.query]));
}

/**
 * The lesson in `query` for a widget with `schema`, or null when the query has no `lesson`
 * parameter or nothing usable in it; `notices` say what was dropped.
 */
export function parseLesson(
  query: string | URLSearchParams,
  schema: Schema,
): { lesson: Lesson | null; notices: string[] } {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const raw = params.get('lesson');
  const notices: string[] = [];
  if (raw === null) return { lesson: null, notices };
  if (raw.length > MAX_LESSON_CHARS) {
    return { lesson: null, notices: [`Ignored lesson=: it is longer than ${MAX_LESSON_CHARS} characters.`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { lesson: null, notices: ['Ignored lesson=: it is not a list of [title, state] steps.'] };
  }
  if (!Array.isArray(data)) return { lesson: null, notices: ['Ignored lesson=: it is not a list of steps.'] };
  if (data.length > MAX_LESSON_STEPS) notices.push(`Kept the first ${MAX_LESSON_STEPS} of ${data.length} steps.`);
  const steps: LessonStep[] = [];
  for (const [i, item] of data.slice(0, MAX_LESSON_STEPS).entries()) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'string') {
      notices.push(`Ignored step ${i + 1}: a step is a [title, state] pair of texts.`);
      continue;
    }
    const title = item[0].trim().slice(0, MAX_STEP_TITLE) || `Step ${steps.length + 1}`;
    steps.push({ title, query: normalisedQuery(schema, item[1], i + 1, notices) });
  }
  if (steps.length === 0) return { lesson: null, notices: [...notices, 'Ignored lesson=: it has no usable step.'] };
  const rawStep = params.get('step');
  let current = 0;
  if (rawStep !== null) {
    const n = Number(rawStep);
    if (Number.isInteger(n) && n >= 1 && n <= steps.length) current = n - 1;
    else
      notices.push(`Ignored step=${JSON.stringify(rawStep.slice(0, 20))}: this lesson has steps 1 to ${steps.length}.`);
  }
  return { lesson: { steps, current }, notices };
}

/**
 * The query string (with '?') that shows step `index` (from 0) of `lesson`: `search` with the
 * widget's keys replaced by the step's state and `step` set; every other parameter kept (the
 * lesson itself, theme, hide, lang).
 */
export function lessonStepSearch(search: string, schema: Schema, lesson: Lesson, index: number): string {
  const step = lesson.steps[index];
  if (!step) throw new RangeError(`lesson step ${index} of ${lesson.steps.length}`);
  const withState = new URLSearchParams(mergeState(schema, parseState(schema, step.query).state, search));
  withState.set('step', String(index + 1));
  return `?${withState.toString()}`;
}

/**
 * The embed URL (path and query) of a lesson's first step, for `embedPath` (e.g. /embed/skip-lab/)
 * and extra embed options (`lang`, `theme`, …) in `options`.
 */
export function lessonLink(
  embedPath: string,
  schema: Schema,
  steps: readonly LessonStep[],
  options: Readonly<Record<string, string>> = {},
): string {
  const base = new URLSearchParams(options);
  base.set('lesson', encodeLesson(steps));
  const lesson: Lesson = { steps, current: 0 };
  return `${embedPath}${lessonStepSearch(`?${base.toString()}`, schema, lesson, 0)}`;
}

/**
 * A step's state from what an instructor pastes: a Share link of a chapter page (keys with the
 * widget's `prefix`) or of an embed (bare keys), or a bare query string (`depth=8&skip=1`).
 * Returns the normalised query and the notices for values that were not taken.
 */
export function stateFromPasted(
  text: string,
  schema: Schema,
  prefix: string,
): { query: string; notices: readonly string[] } {
  const trimmed = text.trim();
  let search = trimmed;
  try {
    const url = new URL(trimmed, 'http://site.invalid/');
    if (/^[a-z]+:\/\//i.test(trimmed) || trimmed.startsWith('/')) search = url.search;
  } catch {
    // not a URL: a query string
  }
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const prefixed = prefix !== '' && [...params.keys()].some((k) => k.startsWith(`${prefix}.`));
  const parsed = parseState(schema, params, prefixed ? prefix : '');
  return { query: serializeState(schema, parsed.state), notices: parsed.notices };
}

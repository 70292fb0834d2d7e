/**
 * The registry's words in the page's language, at build time: a widget's title and description,
 * its control labels and help (the schemas' `label`s and `help`) and the chapter it links back to. English comes from
 * the registry and the schemas themselves; Chinese from src/i18n/zh-CN/widget-registry.ts.
 */
import type { Lang } from '../../i18n/lang.ts';
import { chapterTitles, widgetWords } from '../../i18n/zh-CN/widget-registry.ts';
import type { Schema } from '../../lib/state/schema.ts';
import type { ChapterLink, WidgetEntry } from '../../lib/state/widgets.ts';

/** The widget's title in `lang`. */
export function widgetTitle(entry: WidgetEntry, lang: Lang): string {
  return lang === 'zh-CN' ? (widgetWords[entry.id]?.title ?? entry.title) : entry.title;
}

/** The widget's one-sentence description in `lang`. */
export function widgetDescription(entry: WidgetEntry, lang: Lang): string {
  return lang === 'zh-CN' ? (widgetWords[entry.id]?.description ?? entry.description) : entry.description;
}

/** A chapter's title in `lang`. */
export function chapterTitle(chapter: ChapterLink, lang: Lang): string {
  return lang === 'zh-CN' ? (chapterTitles[chapter.slug] ?? chapter.title) : chapter.title;
}

/** `schema` of widget `id` with every control label and help text in `lang` (values, limits and defaults unchanged). */
export function localizedSchema<S extends Schema>(schema: S, id: string, lang: Lang): S {
  const words = lang === 'zh-CN' ? widgetWords[id] : undefined;
  if (words === undefined) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, spec]) => [
      key,
      { ...spec, label: words.labels[key] ?? spec.label, help: spec.help === undefined ? undefined : words.help[key] },
    ]),
  ) as S;
}

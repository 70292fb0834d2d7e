/**
 * The languages the site's widgets speak, and how a language is named: a BCP 47 tag as it appears
 * in `<html lang>` and in an embed's `lang=` parameter, and an Astro locale such as `zh-cn`.
 */

/** Every language the UI strings exist in; English is the default. */
export const LANGS = ['en', 'zh-CN'] as const;
/** One of `LANGS`. */
export type Lang = (typeof LANGS)[number];

/** The tags (lower case) each language answers to. */
export const LANG_TAGS: Readonly<Record<string, Lang>> = {
  en: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  'zh-cn': 'zh-CN',
  zh: 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-hans-cn': 'zh-CN',
};

/** The language a tag or locale names (any case, e.g. `zh-CN`, `zh-cn`, `zh-Hans`), or null when it names none we have. */
export function parseLang(raw: string | null | undefined): Lang | null {
  if (typeof raw !== 'string' || raw.length > 20) return null;
  const tag = raw.trim().toLowerCase();
  return Object.hasOwn(LANG_TAGS, tag) ? LANG_TAGS[tag]! : null;
}

/** Like `parseLang`, but anything unknown (missing, hostile, another language) falls back to English. */
export function resolveLang(raw: string | null | undefined): Lang {
  return parseLang(raw) ?? 'en';
}

/** The path prefix of a language's pages: '' for English (the root), '/zh-cn' for Chinese. */
export function langPrefix(lang: Lang): string {
  return lang === 'en' ? '' : `/${lang.toLowerCase()}`;
}

/** A root-relative site path (`/embed/skip-lab/`) as it is served in `lang` (`/zh-cn/embed/skip-lab/`). */
export function localizedPath(path: string, lang: Lang): string {
  const bare = path.replace(/^\/zh-cn(?=\/)/, '');
  return `${langPrefix(lang)}${bare}`;
}

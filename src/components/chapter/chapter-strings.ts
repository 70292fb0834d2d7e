/**
 * The chapter components' language: which strings a page's components print, chosen from the
 * page's locale (`Astro.currentLocale`: undefined or 'en' at the root, 'zh-cn' or 'zh-CN' under /zh-cn/),
 * or rather the language its content is written in: a Chinese page not yet translated shows the
 * English chapter (Starlight's fallback, `<main lang="en">`) and its components speak English too.
 */
import { chapter as en, type ChapterStrings } from '../../i18n/en/chapter.ts';
import { chapter as zhCN } from '../../i18n/zh-CN/chapter.ts';

/** The languages the chapters are written in, by their pages' path prefix ('' for English). */
export const CHAPTER_LOCALES = { en: '', 'zh-CN': '/zh-cn' } as const;
export type ChapterLocale = keyof typeof CHAPTER_LOCALES;

/** The chapter locale a page's Astro locale names; anything else is English. */
export function chapterLocale(astroLocale: string | undefined): ChapterLocale {
  return astroLocale?.toLowerCase() === 'zh-cn' ? 'zh-CN' : 'en';
}

/** What a component knows of its page: Astro's locale and, on Starlight's pages, the route data. */
interface PageContext {
  readonly currentLocale: string | undefined;
  readonly locals: App.Locals;
}

/**
 * The language of the content a component renders in: the Starlight entry's (English on a
 * fallback page under /zh-cn/), else the page's locale. Starlight's route data throws when read
 * on a page outside Starlight (an embed), hence the catch.
 */
export function contentLocale(astro: PageContext): string | undefined {
  try {
    return astro.locals.starlightRoute.entryMeta.lang;
  } catch {
    return astro.currentLocale;
  }
}

/** The strings chapter components print on a page in `astroLocale`. */
export function chapterStrings(astroLocale: string | undefined): ChapterStrings {
  return chapterLocale(astroLocale) === 'zh-CN' ? zhCN : en;
}

/** A root-relative site path ('/skip-connections/') as served in `astroLocale` ('/zh-cn/skip-connections/'). */
export function localizedPath(path: string, astroLocale: string | undefined): string {
  const prefix = CHAPTER_LOCALES[chapterLocale(astroLocale)];
  const bare = path.replace(/^\/zh-cn(?=\/)/, '');
  return `${prefix}${bare}`;
}

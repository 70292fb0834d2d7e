/**
 * Build-time access to UI strings: an Astro component renders its markup in the page's language
 * (`Astro.currentLocale`: English at the root, Chinese under /zh-cn/). Never imported by client
 * code, which would then carry every language (client code uses ./load.ts).
 */
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { resolveLang, type Lang } from './lang.ts';
import type { UiStrings } from './strings.ts';

/** Every section of `lang`'s UI strings. */
export function uiStrings(lang: Lang): UiStrings {
  return lang === 'zh-CN' ? zhCN : en;
}

/** The language of the page being rendered, from its Astro locale (`Astro.currentLocale`; unknown or missing: English). */
export function pageLang(currentLocale: string | undefined): Lang {
  return resolveLang(currentLocale);
}

/** Every section of the UI strings of the page being rendered: `pageStrings(Astro.currentLocale)`. */
export function pageStrings(currentLocale: string | undefined): UiStrings {
  return uiStrings(pageLang(currentLocale));
}

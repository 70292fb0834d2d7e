/**
 * What a widget says when its code (or its strings) could not be downloaded, in every language.
 * The one section bundled for all languages at once: it must be on the page before anything
 * else loads, since it explains that loading failed (a few hundred bytes).
 */
import type { Lang } from './lang.ts';
import type { LoadFailureStrings } from './strings.ts';
import { loadFailure as en } from './en/load-failure.ts';
import { loadFailure as zhCN } from './zh-CN/load-failure.ts';

/** The load-failure strings of `lang`. */
export function loadFailureStrings(lang: Lang): LoadFailureStrings {
  return lang === 'zh-CN' ? zhCN : en;
}

/**
 * The language a widget speaks: that of the nearest `lang` attribute around it, `<html lang>` on
 * chapter and embed pages. Our pages write the tags of LANGS exactly (Starlight's `lang: 'zh-CN'`,
 * EmbedLayout's), so an exact match is enough here; anything else reads as English. (Readers'
 * spellings, as in `?lang=zh-cn`, are parsed by src/i18n/lang.ts.)
 */
import { LANGS, type Lang } from '../../i18n/lang.ts';

/** The UI language of the page region `element` sits in. */
export function langOf(element: Element): Lang {
  const tag = element.closest('[lang]')?.getAttribute('lang');
  return LANGS.find((lang) => lang === tag) ?? 'en';
}

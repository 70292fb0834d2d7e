/**
 * The language a widget speaks: that of the nearest `lang` attribute around it (`<html lang>` on
 * chapter and embed pages, or a `lang` the host sets on a wrapper). Unknown languages read as English.
 */
import { resolveLang, type Lang } from '../../i18n/lang.ts';

/** The UI language of the page region `element` sits in. */
export function langOf(element: Element): Lang {
  return resolveLang(element.closest('[lang]')?.getAttribute('lang'));
}

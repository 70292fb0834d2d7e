/**
 * The diagram strings of a page's language, at build time (both languages: never imported by
 * client code, whose island loads the Chinese strings on demand, see diagram-island.ts).
 */
import type { Lang } from '../../i18n/lang.ts';
import { diagramStrings as chinese } from '../../i18n/zh-CN/diagram.ts';
import { englishDiagramStrings, type DiagramStrings } from '../../lib/viz/strings.ts';

/** The diagram strings in `lang`. */
export function diagramStringsOf(lang: Lang): DiagramStrings {
  return lang === 'zh-CN' ? chinese : englishDiagramStrings;
}

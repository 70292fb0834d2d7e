/**
 * The parameters an embed page takes besides the widget's own state: `theme`, `hide` (controls
 * to hide, as in TF Playground's lesson links), `lang` and `present=1` (presenter mode: the widget
 * fills the screen with large type and keyboard keys, for lectures); a lesson link adds `lesson`
 * and `step` (src/lib/state/lesson.ts). Parsed like widget state: never throws, bad values are ignored with a notice.
 */
import { MAX_VALUE_LENGTH } from './schema.ts';
import { LANGS, parseLang, type Lang } from '../../i18n/lang.ts';

export interface EmbedOptions {
  /** Forced colour scheme; null follows the reader's system setting. */
  readonly theme: 'light' | 'dark' | null;
  /** Controls to hide, by control name. */
  readonly hide: readonly string[];
  /** Language of the widget's UI (`lang=zh-CN`, any case; see src/i18n/lang.ts); null when not given or not one we have. */
  readonly lang: Lang | null;
  /** Presenter mode (`present=1`): large type, high contrast, no chrome, keyboard keys. */
  readonly present: boolean;
}

/** The keys embed pages reserve; widget schemas must not use them. */
export const EMBED_KEYS = ['theme', 'hide', 'lang', 'present', 'lesson', 'step'] as const;

/**
 * The query that shows the same embed at the widget's defaults: only the embed keys stay, and a
 * lesson goes back to its first step. `search` is a location.search ('' or '?a=1&…'); the answer
 * is '' or '?…'. What presenter mode's R key opens for a widget without a Reset button.
 */
export function defaultsSearch(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    if (key !== 'step' && (EMBED_KEYS as readonly string[]).includes(key)) kept.append(key, value);
  }
  const query = kept.toString();
  return query === '' ? '' : `?${query}`;
}

/** Parses the embed options for a widget whose hideable controls are `controls`. */
export function parseEmbedOptions(
  query: string | URLSearchParams,
  controls: readonly string[],
): { options: EmbedOptions; notices: string[] } {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const notices: string[] = [];
  const last = (key: string): string | null => {
    const values = params.getAll(key);
    return values.length === 0 ? null : (values[values.length - 1] ?? null);
  };
  const shown = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

  let theme: EmbedOptions['theme'] = null;
  const rawTheme = last('theme');
  if (rawTheme !== null) {
    if (rawTheme === 'light' || rawTheme === 'dark') theme = rawTheme;
    else if (rawTheme !== 'auto') notices.push(`Ignored theme=${shown(rawTheme)}: use light or dark.`);
  }

  const hide: string[] = [];
  const rawHide = params.getAll('hide').join(',');
  if (rawHide.length > 20 * MAX_VALUE_LENGTH) {
    notices.push('Ignored hide=: the list is too long.');
  } else {
    for (const name of rawHide
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (controls.includes(name)) {
        if (!hide.includes(name)) hide.push(name);
      } else notices.push(`Ignored hide=${shown(name)}: this widget's controls are ${controls.join(', ')}.`);
    }
  }

  const rawLang = last('lang');
  const lang = parseLang(rawLang);
  if (rawLang !== null && lang === null) {
    notices.push(`Ignored lang=${shown(rawLang)}: available languages are ${LANGS.join(', ')}.`);
  }
  const rawPresent = last('present');
  const present = rawPresent === '1';
  if (rawPresent !== null && !present && rawPresent !== '0') {
    notices.push(`Ignored present=${shown(rawPresent)}: use present=1 for presenter mode.`);
  }
  return { options: { theme, hide, lang, present }, notices };
}

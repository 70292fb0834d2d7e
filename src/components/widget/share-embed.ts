/**
 * Fills a Share/Embed panel when it opens, from the widget's current state, and copies on request.
 */
import { iframeSnippet, withQuery } from '../../lib/state/snippet.ts';
import { shareLink } from './share-link.ts';
import type { Lang } from '../../i18n/lang.ts';

/**
 * The URL of the embed page at `path` (/embed/<id>/, or /zh-cn/embed/<id>/ for a Chinese page)
 * for a state query and hidden controls; a language other than English is also named
 * (`lang=zh-CN`), so the snippet reads as what it shows.
 */
export function embedUrl(origin: string, path: string, query: string, hide: readonly string[], lang: Lang): string {
  const params = new URLSearchParams(query);
  if (hide.length > 0) params.set('hide', hide.join(','));
  if (lang !== 'en') params.set('lang', lang);
  return withQuery(`${origin}${path}`, params.toString());
}

/** An embed page's URL `src` in presenter mode (`present=1`). */
export function presenterUrl(src: string): string {
  const url = new URL(src);
  url.searchParams.set('present', '1');
  return url.href;
}

/** Wires one Share/Embed panel (ShareEmbed.astro) to the widget whose root contains it. */
export function wireShareEmbed(details: HTMLDetailsElement): void {
  // Everything from the registry and the strings come in the element's data attributes, so this
  // page-load script carries neither the registry (and its model zoo) nor the string tables.
  const {
    shareEmbed: id = '',
    title = '',
    height = '480',
    copied = '',
    copyFailed = '',
    previewLabel = '',
  } = details.dataset;
  // Both written at build time by ShareEmbed.astro in the page's language.
  const lang: Lang = details.dataset['lang'] === 'zh-CN' ? 'zh-CN' : 'en';
  const path = details.dataset['embedPath'] ?? `/embed/${id}/`;
  const root = details.closest<HTMLElement>('[data-widget]');
  if (!root) return;
  const link = details.querySelector<HTMLInputElement>('[data-share-link]')!;
  const snippet = details.querySelector<HTMLTextAreaElement>('[data-share-snippet]')!;
  const status = details.querySelector<HTMLElement>('[data-copy-status]')!;
  const slot = details.querySelector<HTMLElement>('[data-preview-slot]')!;
  const present = details.querySelector<HTMLAnchorElement>('[data-share-present]')!;
  const hidden = (): string[] =>
    [...details.querySelectorAll<HTMLInputElement>('[data-share-hide]:checked')].map((c) => c.value);

  const fill = (): void => {
    const src = embedUrl(location.origin, path, root.dataset['query'] ?? '', hidden(), lang);
    link.value = shareLink(root);
    snippet.value = iframeSnippet({ src, title, height: Number(height) });
    present.href = presenterUrl(src);
  };
  details.addEventListener('toggle', () => details.open && fill());
  root.addEventListener('cnn-lineage:state', () => details.open && fill());
  for (const box of details.querySelectorAll('[data-share-hide]')) box.addEventListener('change', fill);

  for (const button of details.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', () => {
      const field = document.getElementById(button.dataset['copy'] ?? '') as HTMLInputElement | null;
      if (!field) return;
      field.select();
      if (!navigator.clipboard) {
        status.textContent = copyFailed;
        return;
      }
      navigator.clipboard.writeText(field.value).then(
        () => (status.textContent = copied),
        () => (status.textContent = copyFailed),
      );
    });
  }

  details.querySelector('[data-share-preview]')?.addEventListener('click', () => {
    fill();
    const frame = document.createElement('iframe');
    frame.src = embedUrl(location.origin, path, root.dataset['query'] ?? '', hidden(), lang);
    frame.title = `${title} (${previewLabel})`;
    frame.height = height;
    frame.loading = 'lazy';
    slot.replaceChildren(frame);
  });
}

/**
 * Fills a Share/Embed panel when it opens, from the widget's current state, and copies on request.
 */
import { iframeSnippet, withQuery } from '../../lib/state/snippet.ts';
import { getWidget } from '../../lib/state/widgets.ts';
import { en } from '../../i18n/en.ts';

/** The embed page URL for a widget, state query and hidden controls. */
export function embedUrl(origin: string, id: string, query: string, hide: readonly string[]): string {
  const params = new URLSearchParams(query);
  if (hide.length > 0) params.set('hide', hide.join(','));
  return withQuery(`${origin}/embed/${id}/`, params.toString());
}

export function wireShareEmbed(details: HTMLDetailsElement): void {
  const entry = getWidget(details.dataset['shareEmbed'] ?? '');
  const root = details.closest<HTMLElement>('[data-widget]');
  if (!entry || !root) return;
  const link = details.querySelector<HTMLInputElement>('[data-share-link]')!;
  const snippet = details.querySelector<HTMLTextAreaElement>('[data-share-snippet]')!;
  const status = details.querySelector<HTMLElement>('[data-copy-status]')!;
  const slot = details.querySelector<HTMLElement>('[data-preview-slot]')!;
  const hidden = (): string[] =>
    [...details.querySelectorAll<HTMLInputElement>('[data-share-hide]:checked')].map((c) => c.value);

  const fill = (): void => {
    const query = root.dataset['query'] ?? '';
    const page = new URL(location.href);
    link.value = `${page.origin}${page.pathname}${page.search}#${root.id}`;
    snippet.value = iframeSnippet({
      src: embedUrl(page.origin, entry.id, query, hidden()),
      title: `${entry.title} · CNN Lineage`,
      height: entry.height,
    });
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
        status.textContent = en.embed.copyFailed;
        return;
      }
      navigator.clipboard.writeText(field.value).then(
        () => (status.textContent = en.embed.copied),
        () => (status.textContent = en.embed.copyFailed),
      );
    });
  }

  details.querySelector('[data-share-preview]')?.addEventListener('click', () => {
    fill();
    const frame = document.createElement('iframe');
    frame.src = embedUrl(location.origin, entry.id, root.dataset['query'] ?? '', hidden());
    frame.title = `${entry.title} (${en.embed.preview})`;
    frame.height = String(entry.height);
    frame.loading = 'lazy';
    slot.replaceChildren(frame);
  });
}
